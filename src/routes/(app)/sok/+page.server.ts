import type { PageServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/guards';
import { searchPage } from '$lib/server/search/views';

/** Every signed-in user may search; each hit's page lets every signed-in user read it. */
export const load: PageServerLoad = async (event) => {
	requireUser(event);
	return searchPage(event.url);
};
