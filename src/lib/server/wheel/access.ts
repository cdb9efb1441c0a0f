/**
 * Who may do what with the årshjul: admins and the leaders of a wheel's owner unit edit it;
 * a unit's leader signs its occurrences, and the signer (while still leading the unit) or an
 * admin reopens a signature; everyone signed in reads; evidence files only admins and the
 * leaders of the unit or a unit above it (canSeeEvidenceFiles); a calendar feed is reached by
 * its secret token alone. Routes call these first thing in each load and action
 * (sveltejs/kit#6315: a layout's check does not protect a page's actions).
 */
import { error, type RequestEvent } from '@sveltejs/kit';
import { canLeadUnit, isAdmin, ledUnitIds, requireUser } from '../auth/guards';
import type { SessionUser } from '../auth/session';
import { hashToken } from '../auth/tokens';
import { getWheel, getWheelTask, type WheelRow } from '../db/queries/wheel';
import { calendarFeedUserId } from '../db/queries/wheel-feed';
import { getUserById } from '../db/queries/users';
import { evidenceFileOfOccurrence, unitAndAncestors } from '../db/queries/evidence';
import { m as msg } from '$lib/paraglide/messages';
import { WHEEL_ACCESS } from './messages';

type ItemEvent = Pick<RequestEvent, 'locals' | 'url' | 'params'>;

/**
 * Wheel templates: admins, and unit leaders of the wheel's owner unit. Creating a wheel:
 * `ownerUnitId` is the unit it would be owned by.
 */
export function canEditWheel(user: SessionUser, ownerUnitId: number): boolean {
	return canLeadUnit(user, ownerUnitId);
}

/**
 * Reopening a wheel signature: an admin, or the unit leader who signed it while they still
 * lead that unit.
 */
export function canReopenSignature(
	user: SessionUser,
	signature: { unitId: number; signedById: number }
): boolean {
	return (
		isAdmin(user) ||
		(signature.signedById === user.id && ledUnitIds(user).includes(signature.unitId))
	);
}

function wheelOr404(event: Pick<RequestEvent, 'params'>): WheelRow {
	const wheel = getWheel(Number(event.params.id));
	if (!wheel) error(404, msg.wheel_err_wheel_missing());
	return wheel;
}

/** Anyone signed in, and the wheel named by the route's `[id=id]` (404 when unknown). */
export function requireWheelReader(event: ItemEvent) {
	const user = requireUser(event);
	const wheel = wheelOr404(event);
	return { user, wheel, canEdit: canEditWheel(user, wheel.ownerUnitId) };
}

/** Admins, and unit leaders of the wheel's owner unit; everyone else gets 403. */
export function requireWheelEditor(event: ItemEvent) {
	const { user, wheel, canEdit } = requireWheelReader(event);
	if (!canEdit) {
		error(403, msg.wheel_err_not_owner());
	}
	return { user, wheel };
}

export type WheelEditor = ReturnType<typeof requireWheelEditor>;

/** Creating a wheel owned by `ownerUnitId`: its leader or an admin; else 403. */
export function assertMayOwnWheel(user: SessionUser, ownerUnitId: number): void {
	if (!canEditWheel(user, ownerUnitId)) {
		error(403, msg.wheel_err_not_owner_create());
	}
}

/** A task of this wheel, or 404: a form cannot reach another wheel's tasks. */
export function assertTaskOfWheel(wheel: WheelRow, taskId: number | undefined) {
	const task = taskId === undefined ? undefined : getWheelTask(taskId);
	if (!task || task.wheelId !== wheel.id) error(404, msg.wheel_err_task_missing());
	return task;
}

/** Signing for a unit is its leader's (or an admin's); else 403. */
export function assertMaySign(user: SessionUser, unitId: number): void {
	if (!canLeadUnit(user, unitId)) error(403, msg.wheel_err_not_leader());
}

/** Reopening a signature: the one who signed it, while leading the unit, or an admin. */
export function assertMayReopen(
	user: SessionUser,
	signature: { unitId: number; signedById: number }
): void {
	if (!canReopenSignature(user, signature)) {
		error(403, msg.wheel_err_not_signer());
	}
}

/**
 * Calendar clients cannot log in, so the feed is reached without a session: the secret token
 * in the path is the access check. Unknown, revoked or deactivated: 404, telling nothing.
 */
export function assertCalendarFeedAccess(token: string) {
	const userId = /^[a-z2-7]{32}$/.test(token) ? calendarFeedUserId(hashToken(token)) : undefined;
	const owner = userId === undefined ? undefined : getUserById(userId);
	if (!owner || !owner.active) error(404, msg.wheel_err_calendar_missing());
	return owner;
}

/**
 * Evidence files on a unit's signatures: admins, and the leaders of the unit or of a unit above
 * it (who answer for the subtree). Everyone else sees that evidence exists but not the files:
 * viewers, people outside the subtree, and the steering group too, unless they also lead in the
 * chain. Steering reads figures and status across the municipality; the files are working
 * papers that may hold personal data, and the law's data minimisation (GDPR art. 5(1)(c))
 * says give them only to whom needs them. The steering group asks the unit's leader, or is
 * granted leadership of the unit, when a file is needed.
 */
export function canSeeEvidenceFiles(user: SessionUser, unitId: number): boolean {
	if (isAdmin(user)) return true;
	const led = ledUnitIds(user);
	if (led.length === 0) return false;
	return unitAndAncestors(unitId).some((id) => led.includes(id));
}

/**
 * Downloading an evidence file (…/bevis/[id=id]): the occurrence's guard (signed in), the file
 * must be on a signature of this very occurrence (404 otherwise, so an id cannot be tried
 * across occurrences), and the reader must be allowed its files (403; canSeeEvidenceFiles).
 */
export function requireEvidenceDownload(event: ItemEvent) {
	const user = requireUser(event);
	const key = {
		taskId: Number(event.params.task),
		unitId: Number(event.params.unit),
		period: event.params.period ?? ''
	};
	const file = evidenceFileOfOccurrence(Number(event.params.id), key);
	if (!file || !file.sha256 || !file.fileName || !file.mediaType) {
		error(404, msg.wheel_err_evidence_missing());
	}
	if (!canSeeEvidenceFiles(user, file.unitId)) {
		error(403, WHEEL_ACCESS.evidenceDownload);
	}
	return {
		user,
		file: { ...file, sha256: file.sha256, fileName: file.fileName, mediaType: file.mediaType }
	};
}
