import type { PageServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/guards';
import { breakdownPage } from '$lib/server/benefits/views/breakdown';

/** Fordeling: sums by who gains and by quality dimension; everyone signed in reads /gevinster. */
export const load: PageServerLoad = async (event) => {
	requireUser(event);
	return breakdownPage(event.url);
};
