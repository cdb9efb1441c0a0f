import { redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/guards';
import { landingRedirect } from '$lib/server/auth/redirect';
import { overviewView } from '$lib/server/portfolio/views/overview';

/**
 * Oversikt: tracks and their projects with counts and status, for everyone signed in; a track's
 * projects and a project's measures open on demand, a page at a time. A bare `/` sends a role
 * with a page of its own there (the steering group lands on /styring).
 */
export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const landing = landingRedirect(
		user.roles.map((r) => r.role),
		event.url
	);
	if (landing) redirect(303, landing);
	return overviewView(event.url.searchParams);
};
