import type { Actions, PageServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/guards';
import { createFeed, revokeFeed } from '$lib/server/wheel/actions';
import { calendarPage } from '$lib/server/wheel/views/calendar';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	return calendarPage(user);
};

export const actions: Actions = {
	create: async (event) => {
		const user = requireUser(event);
		return createFeed(user, event.url.origin, event.locals.now);
	},
	revoke: async (event) => {
		const user = requireUser(event);
		return revokeFeed(user, event.locals.now);
	}
};
