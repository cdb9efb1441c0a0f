import type { RequestHandler } from './$types';
import { assertCalendarFeedAccess } from '$lib/server/wheel/access';
import { calendarFeed, ICAL_CONTENT_TYPE } from '$lib/server/wheel/views/calendar';

// Public: calendar clients cannot sign in, so the secret token in the path is the check.
export const GET: RequestHandler = async ({ params, url, locals }) => {
	const owner = assertCalendarFeedAccess(params.token);
	return new Response(calendarFeed(owner, url.origin, locals.now), {
		headers: {
			'content-type': ICAL_CONTENT_TYPE,
			'cache-control': 'private, no-store',
			'x-robots-tag': 'noindex'
		}
	});
};
