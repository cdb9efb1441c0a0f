import type { PageServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/guards';
import { listRolesOfUser } from '$lib/server/db/queries/users';
import { hasCalendarFeed } from '$lib/server/db/queries/wheel-feed';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	return {
		roles: listRolesOfUser(user.id),
		changed: event.url.searchParams.has('endret'),
		// The per-user årshjul calendar feed is managed on /arshjul/kalender; shown here too,
		// since the account page is where people look for their personal settings.
		hasCalendarFeed: hasCalendarFeed(user.id)
	};
};
