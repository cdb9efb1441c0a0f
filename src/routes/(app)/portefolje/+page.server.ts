import type { PageServerLoad } from './$types';
import { isAdmin, requireUser } from '$lib/server/auth/guards';
import { canCreateInPortfolio } from '$lib/server/portfolio-access';
import { rankingView } from '$lib/server/portfolio/views/ranking';

/** Portefølje: the steering group's view — ranking (a page at a time), balance and the funnel. */
export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	return {
		...rankingView(event.url.searchParams),
		canCreate: canCreateInPortfolio(user),
		isAdmin: isAdmin(user)
	};
};
