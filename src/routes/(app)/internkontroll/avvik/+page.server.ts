import type { PageServerLoad } from './$types';
import { requireDeviationReader } from '$lib/server/control/access';
import { deviationListPage } from '$lib/server/control/views/deviations';

export const load: PageServerLoad = async (event) => {
	const { user, scope } = requireDeviationReader(event);
	return deviationListPage(user, scope, event.url, event.locals.now);
};
