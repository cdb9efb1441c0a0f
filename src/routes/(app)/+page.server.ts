import type { PageServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/guards';
import { overviewView } from '$lib/server/portfolio/views/overview';

/**
 * Oversikt: tracks and their projects with counts and status, for everyone signed in; a track's
 * projects and a project's measures open on demand, a page at a time.
 */
export const load: PageServerLoad = async (event) => {
	requireUser(event);
	return overviewView(event.url.searchParams);
};
