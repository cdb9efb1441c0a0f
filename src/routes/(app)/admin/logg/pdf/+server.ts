import type { RequestHandler } from './$types';
import { requireAdmin } from '$lib/server/auth/guards';
import { auditLogPdf } from '$lib/server/org/views/audit-log-export';
import { fileResponse } from '$lib/server/exports/download';

/** The change log as a PDF «for et tilsyn»: the page's filters and guard, capped in length. */
export const GET: RequestHandler = async (event) => {
	const admin = requireAdmin(event);
	const file = await auditLogPdf(admin, event.url, event.locals.now);
	return fileResponse(file.content, file.fileName, 'application/pdf');
};
