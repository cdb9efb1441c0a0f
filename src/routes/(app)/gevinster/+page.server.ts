import type { PageServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/guards';
import { overviewPage } from '$lib/server/benefits/views/overview';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	return overviewPage(user, event.url);
};
