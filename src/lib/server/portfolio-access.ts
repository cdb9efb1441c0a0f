/**
 * Who may do what in the portfolio (issue 3): admins everything; a programme leader creates
 * tracks and projects and edits only what they own or lead; the steering group scores and
 * reads; viewers and unit leaders read. Each helper calls a guard from ./auth/guards.
 */
import { error, type RequestEvent } from '@sveltejs/kit';
import { canEditOwned, hasRole, isAdmin, requireRole, requireUser } from './auth/guards';
import type { SessionUser } from './auth/session';
import type { FormValues } from '$lib/schemas/form';
import { CONFLICT_MESSAGE, invalid } from './write-errors';
import { getProjectById } from './db/queries/projects';
import { getTrackById } from './db/queries/tracks';
import { getMeasureById } from './db/queries/measures';

type AnyEvent = Pick<RequestEvent, 'locals' | 'url'>;
/** A request to a route whose `[id=id]` names the track, project or measure. */
type ItemEvent = Pick<RequestEvent, 'locals' | 'url' | 'params'>;

export function canCreateInPortfolio(user: SessionUser): boolean {
	return isAdmin(user) || hasRole(user, 'programme_leader');
}

export function canScore(user: SessionUser): boolean {
	return isAdmin(user) || hasRole(user, 'steering');
}

/** May edit a row owned by one of `ownerIds` (e.g. a measure's owner or its project's owner). */
export function canEditAny(user: SessionUser, ...ownerIds: (number | null)[]): boolean {
	return ownerIds.some((id) => canEditOwned(user, id));
}

/** Creating tracks, projects and measures: programme leaders and admins. */
export function requirePortfolioWriter(event: AnyEvent): SessionUser {
	return requireRole(event, 'programme_leader');
}

/** Scoring on the five lenses is the steering group's (admins too). */
export function requireScorer(event: AnyEvent): SessionUser {
	return requireRole(event, 'steering');
}

/** Editing a row: its owner (or the owner of the row it belongs to) or an admin; else 403. */
export function requireOwnerOf(event: AnyEvent, ...ownerIds: (number | null)[]): SessionUser {
	const user = requireUser(event);
	if (!canEditAny(user, ...ownerIds)) {
		error(403, 'Du kan bare endre spor, prosjekter og tiltak du eier eller leder.');
	}
	return user;
}

/** The track named by the route's `[id=id]`, or 404. */
export function trackOr404(event: Pick<RequestEvent, 'params'>) {
	const track = getTrackById(Number(event.params.id));
	if (!track) error(404, 'Fant ikke missionsporet.');
	return track;
}

/** The project named by the route's `[id=id]`, or 404. */
export function projectOr404(event: Pick<RequestEvent, 'params'>) {
	const project = getProjectById(Number(event.params.id));
	if (!project) error(404, 'Fant ikke prosjektet.');
	return project;
}

/** The measure named by the route's `[id=id]` and its project, or 404. */
export function measureOr404(event: Pick<RequestEvent, 'params'>) {
	const measure = getMeasureById(Number(event.params.id));
	if (!measure) error(404, 'Fant ikke tiltaket.');
	const project = getProjectById(measure.projectId)!;
	return { measure, project };
}

/** The track's owner (or an admin) may change it; everyone else gets 403. */
export function requireTrackEditor(event: ItemEvent) {
	requireUser(event);
	const track = trackOr404(event);
	const user = requireOwnerOf(event, track.ownerId);
	return { user, track };
}

/** The project owner (or an admin) may change it; everyone else gets 403. */
export function requireProjectEditor(event: ItemEvent) {
	requireUser(event);
	const project = projectOr404(event);
	const user = requireOwnerOf(event, project.ownerId);
	return { user, project };
}

/** The measure's owner or the owner of its project (or an admin); else 403. */
export function requireMeasureEditor(event: ItemEvent) {
	requireUser(event);
	const { measure, project } = measureOr404(event);
	const user = requireOwnerOf(event, measure.ownerId, project.ownerId);
	return { user, measure, project };
}

/** A programme leader creates rows owned by themself; only an admin assigns them to others. */
export function ownerAllowed(user: SessionUser, ownerId: number): boolean {
	return isAdmin(user) || ownerId === user.id;
}

export const NOT_OWN_OWNER =
	'Du kan bare sette deg selv som eier. En administrator kan velge andre.';

const MESSAGES: Record<string, string> = {
	conflict: CONFLICT_MESSAGE,
	code_taken: 'Koden er allerede i bruk i denne misjonen. Velg en annen kode.',
	track_missing: 'Et av de valgte missionsporene finnes ikke eller er arkivert.',
	project_missing: 'Prosjektet finnes ikke eller er arkivert.',
	unit_missing: 'En av de valgte enhetene finnes ikke eller er arkivert.',
	transition: 'Statusen er endret av noen andre i mellomtiden. Last siden på nytt.',
	not_found: 'Fant ikke det du ville endre. Last siden på nytt.',
	no_mission: 'Misjonen er ikke satt opp ennå. En administrator må gjøre det først.',
	owner_missing: 'Velg en eier som finnes.',
	reference_missing: 'Noe skjemaet viser til, finnes ikke lenger. Last siden på nytt og prøv igjen.'
};

/** Reasons that are about one field whatever the form: the message goes next to it. */
const REASON_FIELD: Record<string, string> = { owner_missing: 'ownerId' };

const HAS_CHILDREN: Record<string, string> = {
	track:
		'Sporet har prosjekter og kan ikke slettes. Flytt prosjektene eller arkiver sporet i stedet.',
	project:
		'Prosjektet har tiltak, risikoer eller gevinstkart og kan ikke slettes. Arkiver prosjektet i stedet.',
	measure: 'Tiltaket har risikoer eller gevinstkart og kan ikke slettes. Arkiver tiltaket i stedet.'
};

export function portfolioMessage(reason: string, entity = ''): string {
	if (reason === 'has_children') return HAS_CHILDREN[entity] ?? 'Har underliggende data.';
	return MESSAGES[reason] ?? 'Endringen kunne ikke lagres.';
}

/** A refused write: 400 (409 for a lost update), the given values back, one message. */
export function refusePortfolio(
	reason: string,
	values: FormValues,
	action: string,
	entity = '',
	field = '_form'
) {
	const status = reason === 'conflict' ? 409 : 400;
	const target = REASON_FIELD[reason] ?? field;
	return invalid(values, { [target]: portfolioMessage(reason, entity) }, action, status);
}
