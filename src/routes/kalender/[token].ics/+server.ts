import type { RequestHandler } from './$types';
import { assertCalendarFeedAccess } from '$lib/server/wheel/access';
import { listRoleAssignmentsForUser } from '$lib/server/db/queries/sessions';
import { listOccurrences } from '$lib/server/db/queries/wheel-occurrences';
import { ICAL_CONTENT_TYPE, occurrencesCalendar } from '$lib/server/ical';
import { osloDay } from '$lib/format';

// Public: calendar clients cannot sign in, so the secret token in the path is the check.
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
