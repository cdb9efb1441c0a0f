import type { PageServerLoad } from './$types';
import { requireAdmin } from '$lib/server/auth/guards';
import { adminOverview } from '$lib/server/org/views';

export const load: PageServerLoad = async (event) => {
	requireAdmin(event);
	return adminOverview();
};
