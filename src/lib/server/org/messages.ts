/** The organisation's messages (users, roles, units), keyed by the reason a write answers. */
import type { MessageBook } from '../result';

export const ORG_MESSAGES: MessageBook = {
	messages: {
		email_taken: 'Det finnes allerede en bruker med denne e-postadressen.',
		last_admin:
			'Den siste aktive administratoren kan ikke miste administratorrollen eller deaktiveres. Gi en annen bruker administratorrollen først.',
		exists: 'Brukeren har allerede denne rollen.',
		cycle: 'En enhet kan ikke flyttes inn under seg selv eller en av sine underenheter.',
		parent_missing: 'Den overordnede enheten finnes ikke eller er arkivert.',
		has_children: 'Enheten har aktive underenheter. Arkiver eller flytt dem først.',
		parent_archived: 'Den overordnede enheten er arkivert. Gjenopprett den først.',
		unit_missing: 'Velg en enhet som finnes og ikke er arkivert.',
		password_off:
			'Innlogging med passord er slått av her. Brukeren logger inn med kommunens brukerkonto og trenger ikke passord.'
	},
	fields: { owner_missing: 'ownerId', unit_missing: 'unitId' }
};

export const ORG_SUCCESS = {
	renamed: 'Navnet er endret.',
	deactivated: 'Brukeren er deaktivert og logget ut overalt.',
	activated: 'Brukeren er aktivert igjen.',
	roleAdded: 'Rollen er lagt til.',
	roleRemoved: 'Rollen er fjernet.',
	unitMoved: 'Enheten er flyttet.',
	unitArchived: 'Enheten er arkivert.',
	unitRestored: 'Enheten er gjenopprettet.',
	unitCreated: (name: string) => `Enheten «${name}» er opprettet.`,
	unitRenamed: (name: string) => `Enheten heter nå «${name}».`
} as const;
