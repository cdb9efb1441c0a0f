/** Internal control's messages, keyed by the reason a write answers. */
import type { MessageBook } from '../result';

export const CONTROL_MESSAGES: MessageBook = {
	messages: {
		unit_missing: 'Enheten finnes ikke eller er arkivert.',
		responsible_missing: 'Velg en ansvarlig som er aktiv bruker.',
		occurrence_missing: 'Fant ikke oppgaven i årshjulet. Last siden på nytt.',
		not_begun:
			'Kontrollen for denne måneden har ikke begynt. Avvik kan registreres fra måneden begynner.',
		finding_missing: 'Funnet hører ikke til et tilsyn som gjaldt denne enheten.',
		closed: 'Avviket er lukket. Gjenåpne det først om det skal endres.',
		already_closed: 'Avviket er allerede lukket.',
		not_closed: 'Avviket er ikke lukket.',
		already_linked: 'Oppgaven er allerede knyttet til denne risikoen.',
		risk_missing: 'Fant ikke risikoen.',
		task_missing: 'Fant ikke oppgaven i dette årshjulet.',
		not_linked: 'Oppgaven er ikke knyttet til denne risikoen.'
	},
	fields: {
		unit_missing: 'unitId',
		responsible_missing: 'responsibleId',
		finding_missing: 'unitId',
		risk_missing: 'riskId'
	}
};

export const CONTROL_SUCCESS = {
	recorded: 'Avviket er registrert.',
	saved: 'Avviket er lagret.',
	closed: 'Avviket er lukket.',
	reopened: 'Avviket er gjenåpnet.',
	tilsynSaved: 'Tilsynet er lagret.',
	findingAdded: 'Funnet er lagt til.',
	findingStatus: 'Funnets status er endret.',
	linked: 'Risikoen er knyttet til oppgaven.',
	unlinked: 'Koblingen er fjernet.'
} as const;
