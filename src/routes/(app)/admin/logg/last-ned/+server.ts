import type { RequestHandler } from './$types';
import { requireAdmin } from '$lib/server/auth/guards';
import { auditLogXlsx } from '$lib/server/org/views/audit-log-export';
import { fileResponse } from '$lib/server/exports/download';
import { XLSX_MEDIA_TYPE } from '$lib/server/exports/xlsx';

/** The change log as xlsx, every filtered row: the page's filters, the page's guard. */
export const GET: RequestHandler = async (event) => {
	requireAdmin(event);
	const file = await auditLogXlsx(event.url, event.locals.now);
	return fileResponse(file.content, file.fileName, XLSX_MEDIA_TYPE);
};
