import type { Actions, PageServerLoad } from './$types';
import { requireAdmin } from '$lib/server/auth/guards';
import { auditLogPage } from '$lib/server/org/views/audit-log';
import { verifyAuditLog } from '$lib/server/org/actions';

export const load: PageServerLoad = async (event) => {
	requireAdmin(event);
	return auditLogPage(event.url);
};

export const actions: Actions = {
	/** Walks the whole hash chain now and records the result (seconds at 200 000 rows). */
	verify: async (event) => {
		const admin = requireAdmin(event);
		return verifyAuditLog(admin, event.locals.now);
	}
};
