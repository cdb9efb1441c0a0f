import type { PageServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/guards';
import { riskListView } from '$lib/server/portfolio/views/risks';

/** The whole portfolio's risk picture: the matrix by counts, and the risks a page at a time. */
export const load: PageServerLoad = async (event) => {
	requireUser(event);
	return riskListView(event.url.searchParams);
};
