import type { PageServerLoad } from './$types';
import { isAdmin, requireUser } from '$lib/server/auth/guards';
import { benefitOverview } from '$lib/server/benefits/views/overview';

/** Gevinster: sums, the combined series and the lists for a scope, a page at a time. */
export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	return { ...benefitOverview(event.url.searchParams, user), isAdmin: isAdmin(user) };
};
