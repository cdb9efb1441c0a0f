import type { RequestHandler } from './$types';
import { requireRole } from '$lib/server/auth/guards';
import { complianceXlsx } from '$lib/server/wheel/views/compliance-export';
import { fileResponse } from '$lib/server/exports/download';
import { XLSX_MEDIA_TYPE } from '$lib/server/exports/xlsx';

/** Etterlevelse as xlsx: the page's filter and rows, the page's guard (the steering group). */
export const GET: RequestHandler = async (event) => {
	requireRole(event, 'steering', 'municipal_director');
	const file = await complianceXlsx(event.url, event.locals.now);
	return fileResponse(file.content, file.fileName, XLSX_MEDIA_TYPE);
};
