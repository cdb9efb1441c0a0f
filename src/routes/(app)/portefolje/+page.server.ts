import type { PageServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/guards';
import { portfolioPage } from '$lib/server/portfolio/views/ranking';

/** Portefølje: the steering group's view — ranking (a page at a time), balance and the funnel. */
export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	return portfolioPage(user, event.url);
};
