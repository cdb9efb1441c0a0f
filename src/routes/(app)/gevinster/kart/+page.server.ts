import type { PageServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/guards';
import { readFilter } from '$lib/server/benefits/scope';
import { benefitMapView } from '$lib/server/benefits/views/map';

export const load: PageServerLoad = async (event) => {
	requireUser(event);
	const filter = readFilter(event.url);
	return { filter, scope: benefitMapView(filter) };
};
