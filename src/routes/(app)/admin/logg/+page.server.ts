import type { PageServerLoad } from './$types';
import { requireAdmin } from '$lib/server/auth/guards';
import { auditLogPage } from '$lib/server/org/views';

export const load: PageServerLoad = async (event) => {
	requireAdmin(event);
	return auditLogPage(event.url);
};
