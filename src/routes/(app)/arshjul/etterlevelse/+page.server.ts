import type { PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guards';
import { compliancePage } from '$lib/server/wheel/views';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'steering');
	return compliancePage(event.url, event.locals.now);
};
