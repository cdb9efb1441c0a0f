import type { Actions, PageServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/guards';
import {
	createCalendarFeedToken,
	hasCalendarFeed,
	revokeCalendarFeedToken
} from '$lib/server/db/queries/wheel-feed';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	return { hasFeed: hasCalendarFeed(user.id) };
};

export const actions: Actions = {
	create: async (event) => {
		const user = requireUser(event);
		const token = createCalendarFeedToken(user.id, event.locals.now);
		// Shown once: only its hash is stored.
		return { action: 'create', feedUrl: `${event.url.origin}/kalender/${token}.ics` };
	},
	revoke: async (event) => {
		const user = requireUser(event);
		revokeCalendarFeedToken(user.id, event.locals.now);
		return {
			action: 'revoke',
			success: 'Kalenderabonnementet er slettet. Adressen virker ikke lenger.'
		};
	}
};
