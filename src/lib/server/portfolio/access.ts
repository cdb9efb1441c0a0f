/**
 * Who may do what in the portfolio: admins everything; a programme leader creates tracks and
 * projects and edits only what they own or lead; the steering group scores, prioritises and
 * reads; viewers and unit leaders read (README, «Roller»). Every guard of the area is here;
 * the cross-area ones they build on are in ../auth/guards.
 */
import { error, type RequestEvent } from '@sveltejs/kit';
import { canEditOwned, hasRole, isAdmin, requireRole, requireUser } from '../auth/guards';
import type { SessionUser } from '../auth/session';
import { getProjectById } from '../db/queries/projects';
import { getTrackById } from '../db/queries/tracks';
import { getMeasureById } from '../db/queries/measures';
import { PORTFOLIO_ACCESS } from './messages';

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

/** A programme leader creates rows owned by themself; only an admin assigns them to others. */
export function ownerAllowed(user: SessionUser, ownerId: number): boolean {
	return isAdmin(user) || ownerId === user.id;
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
		error(403, PORTFOLIO_ACCESS.notOwn);
	}
	return user;
}

function trackOr404(event: Pick<RequestEvent, 'params'>) {
	const track = getTrackById(Number(event.params.id));
	if (!track) error(404, PORTFOLIO_ACCESS.noTrack);
	return track;
}

function projectOr404(event: Pick<RequestEvent, 'params'>) {
	const project = getProjectById(Number(event.params.id));
	if (!project) error(404, PORTFOLIO_ACCESS.noProject);
	return project;
}

function measureOr404(event: Pick<RequestEvent, 'params'>) {
	const measure = getMeasureById(Number(event.params.id));
	if (!measure) error(404, PORTFOLIO_ACCESS.noMeasure);
	const project = getProjectById(measure.projectId)!;
	return { measure, project };
}

/** Anyone signed in reads a track (404 when unknown). */
export function requireTrackViewer(event: ItemEvent) {
	const user = requireUser(event);
	return { user, track: trackOr404(event) };
}

/** Anyone signed in reads a project (404 when unknown). */
export function requireProjectViewer(event: ItemEvent) {
	const user = requireUser(event);
	return { user, project: projectOr404(event) };
}

/** Anyone signed in reads a measure and its project (404 when unknown). */
export function requireMeasureViewer(event: ItemEvent) {
	const user = requireUser(event);
	return { user, ...measureOr404(event) };
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

/** Prioritising a track is the steering group's decision (seed 001: 1A/1B and 5). */
export function requireTrackScorer(event: ItemEvent) {
	const user = requireScorer(event);
	return { user, track: trackOr404(event) };
}

/** Scoring a project on the five lenses (seed 001, «Kriterier for prioritering»). */
export function requireProjectScorer(event: ItemEvent) {
	const user = requireScorer(event);
	return { user, project: projectOr404(event) };
}

/** Measures are added to projects one leads (any, for an admin); else 403. */
export function assertMayAddMeasure(user: SessionUser, project: { ownerId: number | null }) {
	if (!canEditAny(user, project.ownerId)) {
		error(403, PORTFOLIO_ACCESS.notOwnProject);
	}
}

export type TrackEditor = ReturnType<typeof requireTrackEditor>;
export type ProjectEditor = ReturnType<typeof requireProjectEditor>;
export type MeasureEditor = ReturnType<typeof requireMeasureEditor>;
