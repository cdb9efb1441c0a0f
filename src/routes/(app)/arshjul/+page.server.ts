import type { PageServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/guards';

export const load: PageServerLoad = async (event) => {
	requireUser(event);
	return {};
};
