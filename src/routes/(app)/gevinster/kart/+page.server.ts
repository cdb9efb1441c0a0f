import type { PageServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/guards';
import { mapPage } from '$lib/server/benefits/views/map';

export const load: PageServerLoad = async (event) => {
	requireUser(event);
	return mapPage(event.url);
};
