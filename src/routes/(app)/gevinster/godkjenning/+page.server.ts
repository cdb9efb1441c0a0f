import type { PageServerLoad } from './$types';
import { requirePlanDeciderList } from '$lib/server/benefits/access';
import { waitingRequestsPage } from '$lib/server/benefits/views/plan-versions';

/** Plan changes waiting for the steering group's decision, oldest first. */
export const load: PageServerLoad = async (event) => {
	requirePlanDeciderList(event);
	return waitingRequestsPage(event.url);
};
