/**
 * Who may do what with internal control (kommuneloven § 25-1; DOMAIN.md «Internal control in
 * the law»): deviations, tilsyn, the risk-and-control matrix and the annual report. Routes call
 * these first thing in each load and action (sveltejs/kit#6315: a layout's check does not
 * protect a page's actions).
 *
 * Deviations. A deviation belongs to a unit. Its leader (a leader of exactly that unit, as for
 * signing) or an admin records, edits, closes and reopens it: the leader answers for the
 * unit's internal control. Reading follows responsibility: the leaders of a unit and of the
 * units above it read its deviations (a parent sees its subtree), and whoever a corrective
 * measure is given to reads that deviation. The organisation-wide roles read every deviation:
 * the steering group follows deviations (§ 25-2 reporting), programme leaders and viewers read
 * what the organisation reads (README «Roller»). A deviation one may not read answers 404, so
 * its existence is not revealed. Evidence files are another matter (signature evidence).
 *
 * Tilsyn. Everyone signed in reads the register: a tilsyn's report is public (offentleglova),
 * and the annual report cites it. Admins record and edit tilsyn and findings; the leaders of a
 * covered unit may also add findings' status and follow a finding up as a deviation of their
 * unit, since the follow-up plan is theirs to carry out.
 *
 * Risk and control. Everyone signed in reads the matrix. Linking a risk to a wheel task is
 * editing the wheel: admins and the leaders of the wheel's owner unit (as for the template).
 */
import { error, type RequestEvent } from '@sveltejs/kit';
import {
	canLeadUnit,
	hasRole,
	isAdmin,
	ledUnitIds,
	readsAsSteering,
	requireUser
} from '../auth/guards';
import type { SessionUser } from '../auth/session';
import type { ReadScope } from '../db/queries/deviation-reads';
import { getDeviation } from '../db/queries/deviations';
import { listUnits } from '../db/queries/units';
import { getTilsyn } from '../db/queries/tilsyn';
import { descendantIds } from '$lib/domain/org/units';
import { m as msg } from '$lib/paraglide/messages';
import { CONTROL_ACCESS } from './messages';

type AnyEvent = Pick<RequestEvent, 'locals' | 'url'>;
type ItemEvent = Pick<RequestEvent, 'locals' | 'url' | 'params'>;

/** The organisation-wide readers (the kommunedirektør among them) see every unit's deviations. */
export function readsAllDeviations(user: SessionUser): boolean {
	return (
		isAdmin(user) ||
		hasRole(user, 'steering') ||
		hasRole(user, 'municipal_director') ||
		hasRole(user, 'programme_leader') ||
		hasRole(user, 'viewer')
	);
}

/** The units a leader's reading reaches: the units they lead and all below them. */
export function subtreeOfLedUnits(user: SessionUser): number[] {
	const led = ledUnitIds(user);
	if (led.length === 0) return [];
	const units = listUnits();
	const ids = new Set<number>();
	for (const id of led) for (const d of descendantIds(units, id)) ids.add(d);
	for (const id of led) ids.add(id);
	return [...ids];
}

export function deviationReadScope(user: SessionUser): ReadScope {
	return readsAllDeviations(user)
		? { all: true }
		: { all: false, unitIds: subtreeOfLedUnits(user), userId: user.id };
}

/** Recording, editing, closing and reopening a unit's deviations. */
export function canWriteDeviation(user: SessionUser, unitId: number): boolean {
	return canLeadUnit(user, unitId);
}

/** Units the user may record deviations for: all for admins (null), else the ones they lead. */
export function writableUnitIds(user: SessionUser): number[] | null {
	return isAdmin(user) ? null : ledUnitIds(user);
}

/** Anyone signed in may open the deviation list; what it shows follows the read scope. */
export function requireDeviationReader(event: AnyEvent) {
	const user = requireUser(event);
	return { user, scope: deviationReadScope(user) };
}

/** The deviation named by `[id=id]`, if this user may read it (else 404). */
export function requireDeviation(event: ItemEvent) {
	const user = requireUser(event);
	const row = getDeviation(Number(event.params.id));
	const scope = deviationReadScope(user);
	const readable =
		row && (scope.all || scope.unitIds.includes(row.unitId) || row.responsibleId === user.id);
	if (!row || !readable) error(404, msg.control_err_deviation_missing());
	return { user, deviation: row, canWrite: canWriteDeviation(user, row.unitId) };
}

export type DeviationAccess = ReturnType<typeof requireDeviation>;

/** Editing, closing or reopening the deviation: its unit's leader or an admin; else 403. */
export function requireDeviationWriter(event: ItemEvent) {
	const access = requireDeviation(event);
	if (!access.canWrite) error(403, CONTROL_ACCESS.notUnitLeader);
	return access;
}

/** Recording a deviation outside the wheel: a unit leader or an admin; else 403. */
export function requireDeviationRecorder(event: AnyEvent) {
	const user = requireUser(event);
	if (!isAdmin(user) && ledUnitIds(user).length === 0) {
		error(403, msg.control_err_cannot_record());
	}
	return user;
}

/** The unit a form names: one the user leads (or any, for an admin); else 403. */
export function assertMayWriteForUnit(user: SessionUser, unitId: number): void {
	if (!canWriteDeviation(user, unitId)) error(403, CONTROL_ACCESS.notUnitLeader);
}

// --- tilsyn ----------------------------------------------------------------------------------

/** Everyone signed in reads the tilsyn register. */
export function requireTilsynReader(event: AnyEvent) {
	const user = requireUser(event);
	return { user, canEdit: isAdmin(user) };
}

/** Recording and editing a tilsyn and its findings: admins; else 403. */
export function requireTilsynEditor(event: AnyEvent) {
	const user = requireUser(event);
	if (!isAdmin(user)) error(403, msg.control_err_admin_tilsyn());
	return user;
}

/** Editing the tilsyn named by `[id=id]`: admins (else 403); an unknown tilsyn is 404. */
export function requireTilsynItemEditor(event: ItemEvent) {
	const user = requireTilsynEditor(event);
	const tilsyn = getTilsyn(Number(event.params.id));
	if (!tilsyn) error(404, msg.control_tilsyn_not_found());
	return { user, tilsynId: tilsyn.id };
}

/** A finding's status: an admin, or a leader of one of the units the tilsyn covered. */
export function canFollowUpTilsyn(user: SessionUser, coveredUnitIds: number[]): boolean {
	return isAdmin(user) || coveredUnitIds.some((id) => ledUnitIds(user).includes(id));
}

export function assertMayFollowUpTilsyn(user: SessionUser, coveredUnitIds: number[]): void {
	if (!canFollowUpTilsyn(user, coveredUnitIds)) {
		error(403, msg.control_err_cannot_follow_up());
	}
}

// --- risk and control ------------------------------------------------------------------------

/** Everyone signed in reads the risk-and-control matrix. */
export function requireMatrixReader(event: AnyEvent) {
	return requireUser(event);
}

/** Linking a risk to a wheel's task: as for editing the wheel (admins, owner-unit leaders). */
export function canLinkControls(user: SessionUser, wheelOwnerUnitId: number): boolean {
	return canLeadUnit(user, wheelOwnerUnitId);
}

export function assertMayLinkControls(user: SessionUser, wheelOwnerUnitId: number): void {
	if (!canLinkControls(user, wheelOwnerUnitId)) {
		error(403, CONTROL_ACCESS.linkControls);
	}
}

// ─── The annual internal-control report (kommuneloven § 25-2) ───────────────────────────────
//
// The report is the kommunedirektør's to the kommunestyre. Who may:
// - read it (page, PDF, xlsx): administrators, the kommunedirektør and the steering group — those
//   who read /arshjul/etterlevelse, whose figures it sums. Unit leaders do not: the report is
//   the whole municipality's account, and a unit leader follows their own units on
//   «Mine oppgaver» and the unit's wheel; anyone else gets 403.
// - write the assessments and freeze the report: administrators and the kommunedirektør.
// - sign (approve) a frozen report: the same, in the archive (archive/access.ts), not the one
//   who froze it.

/** Reads the internal-control report. */
export function canReadControlReport(user: SessionUser): boolean {
	return readsAsSteering(user);
}

/** Writes the assessments and freezes the internal-control report. */
export function canWriteControlReport(user: SessionUser): boolean {
	return isAdmin(user) || hasRole(user, 'municipal_director');
}

export function requireControlReportReader(event: ControlReportEvent): SessionUser {
	const user = requireUser(event);
	if (!canReadControlReport(user)) {
		error(403, CONTROL_ACCESS.reportReader);
	}
	return user;
}

export function requireControlReportWriter(event: ControlReportEvent): SessionUser {
	const user = requireUser(event);
	if (!canWriteControlReport(user)) {
		error(403, msg.control_err_report_write());
	}
	return user;
}

type ControlReportEvent = Pick<RequestEvent, 'locals' | 'url'>;
