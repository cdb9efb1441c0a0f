import type { PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guards';
import { complianceView } from '$lib/server/wheel/views/compliance';

/** For the steering group: which units sign on time, and what is overdue where. */
export const load: PageServerLoad = async (event) => {
	requireRole(event, 'steering', 'municipal_director');
	return complianceView(event.url, event.locals.now);
};
