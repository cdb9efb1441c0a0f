import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { calendarFeedUserId } from '$lib/server/db/queries/wheel-feed';
import { getUserById } from '$lib/server/db/queries/users';
import { listRoleAssignmentsForUser } from '$lib/server/db/queries/sessions';
import { listOccurrences } from '$lib/server/db/queries/wheel-occurrences';
import { ICAL_CONTENT_TYPE, occurrencesCalendar } from '$lib/server/ical';
import { osloDay } from '$lib/format';

/**
 * Calendar clients cannot log in, so the feed is reached without a session: the secret token
 * in the path is the access check. Unknown, revoked or deactivated: 404, telling nothing.
 */
function assertCalendarFeedAccess(token: string) {
	const userId = /^[a-z2-7]{32}$/.test(token) ? calendarFeedUserId(token) : undefined;
	const owner = userId === undefined ? undefined : getUserById(userId);
	if (!owner || !owner.active) error(404, 'Fant ikke kalenderen.');
	return owner;
}

export const GET: RequestHandler = async ({ params, url, locals }) => {
	const owner = assertCalendarFeedAccess(params.token);
	const unitIds = listRoleAssignmentsForUser(owner.id)
		.filter((r) => r.role === 'unit_leader' && r.unitId !== null)
		.map((r) => r.unitId!);
	const now = locals.now;
	const year = Number(osloDay(now).slice(0, 4));
	const occurrences = unitIds.length
		? [year - 1, year, year + 1].flatMap((y) => listOccurrences({ year: y, now, unitIds }))
		: [];
	const body = occurrencesCalendar(
		occurrences.map((o) => ({
			uid: `arshjul-${o.taskId}-${o.unitId}-${o.period}@misjonskart`,
			title: `${o.title} (${o.unitName})`,
			description: `${o.wheelName}. Ansvar: ${o.responsibleRole}. Lagres: ${o.storedIn}.`,
			dueDate: o.dueDate,
			url: `${url.origin}/arshjul/forekomst/${o.taskId}/${o.unitId}/${o.period}`
		}))
	);
	return new Response(body, {
		headers: {
			'content-type': ICAL_CONTENT_TYPE,
			'cache-control': 'private, no-store',
			'x-robots-tag': 'noindex'
		}
	});
};
