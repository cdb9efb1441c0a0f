/**
 * Who may do what with the årshjul: admins and the leaders of a wheel's owner unit edit it;
 * everyone signed in reads it; a calendar feed is reached by its secret token alone.
 * Routes call these first thing in each load and action (sveltejs/kit#6315: a layout's check
 * does not protect a page's actions).
 */
import { error, type RequestEvent } from '@sveltejs/kit';
import { canEditWheel, requireUser } from '$lib/server/auth/guards';
import { getWheel } from '$lib/server/db/queries/wheel';
import { calendarFeedUserId } from '$lib/server/db/queries/wheel-feed';
import { getUserById } from '$lib/server/db/queries/users';

/** The wheel named by the route's `[id=id]`, or 404. */
export function loadWheel(event: Pick<RequestEvent, 'params'>) {
	const wheel = getWheel(Number(event.params.id));
	if (!wheel) error(404, 'Fant ikke årshjulet.');
	return wheel;
}

/** Admins, and unit leaders of the wheel's owner unit; everyone else gets 403. */
export function requireWheelEditor(event: Pick<RequestEvent, 'locals' | 'url' | 'params'>) {
	const user = requireUser(event);
	const wheel = loadWheel(event);
	if (!canEditWheel(user, wheel.ownerUnitId)) {
		error(403, 'Bare administratorer og lederen for eierenheten kan endre dette årshjulet.');
	}
	return { user, wheel };
}

/**
 * Calendar clients cannot log in, so the feed is reached without a session: the secret token
 * in the path is the access check. Unknown, revoked or deactivated: 404, telling nothing.
 */
export function assertCalendarFeedAccess(token: string) {
	const userId = /^[a-z2-7]{32}$/.test(token) ? calendarFeedUserId(token) : undefined;
	const owner = userId === undefined ? undefined : getUserById(userId);
	if (!owner || !owner.active) error(404, 'Fant ikke kalenderen.');
	return owner;
}
