import type { PageServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/guards';
import { overviewPage } from '$lib/server/portfolio/views';

/** Oversikt: the whole portfolio as a tree, for everyone signed in. */
export const load: PageServerLoad = async (event) => {
	requireUser(event);
	return overviewPage(event.url);
};
