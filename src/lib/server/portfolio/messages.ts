/** The portfolio's messages, keyed by the reason a write answers. */
import type { MessageBook } from '../result';

const MESSAGES = {
	code_taken: 'Koden er allerede i bruk i denne misjonen. Velg en annen kode.',
	track_missing: 'Et av de valgte missionsporene finnes ikke eller er arkivert.',
	project_missing: 'Prosjektet finnes ikke eller er arkivert.',
	unit_missing: 'En av de valgte enhetene finnes ikke eller er arkivert.',
	transition: 'Statusen er endret av noen andre i mellomtiden. Last siden på nytt.',
	no_mission: 'Misjonen er ikke satt opp ennå. En administrator må gjøre det først.',
	not_own_owner: 'Du kan bare sette deg selv som eier. En administrator kan velge andre.',
	not_own_project: 'Du kan bare flytte tiltaket til prosjekter du leder.'
};

const HAS_CHILDREN = {
	track:
		'Sporet har prosjekter og kan ikke slettes. Flytt prosjektene eller arkiver sporet i stedet.',
	project:
		'Prosjektet har tiltak, risikoer eller gevinstkart og kan ikke slettes. Arkiver prosjektet i stedet.',
	measure:
		'Tiltaket har risikoer eller gevinstkart og kan ikke slettes. Arkiver tiltaket i stedet.',
	'': 'Har underliggende data.'
};

export type PortfolioEntity = keyof typeof HAS_CHILDREN;

/** The portfolio's messages; `has_children` is said of the entity the write was about. */
export function portfolioMessages(entity: PortfolioEntity = ''): MessageBook {
	return {
		messages: { ...MESSAGES, has_children: HAS_CHILDREN[entity] },
		fields: { owner_missing: 'ownerId', not_own_owner: 'ownerId' }
	};
}

export const PORTFOLIO_SUCCESS = {
	statusChanged: 'Statusen er endret.',
	reportSaved: 'Statusrapporten er lagret.',
	trackSaved: 'Sporet er lagret.',
	projectSaved: 'Prosjektet er lagret.',
	measureSaved: 'Tiltaket er lagret.',
	scored: 'Vurderingen er lagret.',
	prioritised: 'Sporet er prioritert.',
	unprioritised: 'Prioriteringen er fjernet.',
	restored: 'Gjenopprettet.',
	missionSaved: 'Misjonen er lagret.',
	goalAdded: 'Effektmålet er lagt til.',
	goalSaved: 'Effektmålet er lagret.',
	goalArchived: 'Effektmålet er arkivert.',
	riskAdded: (title: string) => `Risikoen «${title}» er lagt til.`,
	riskSaved: (title: string) => `Risikoen «${title}» er lagret.`
} as const;

/** The API's answer to `?side=` past the last page (docs/api.md: 404, never the last page again). */
export const pagePastEnd = (pages: number) =>
	`Siden finnes ikke. Det er ${pages} ${pages === 1 ? 'side' : 'sider'}.`;
