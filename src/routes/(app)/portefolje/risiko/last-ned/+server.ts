import type { RequestHandler } from './$types';
import { requireUser } from '$lib/server/auth/guards';
import { risksXlsx } from '$lib/server/portfolio/views/export';
import { fileResponse } from '$lib/server/exports/download';
import { XLSX_MEDIA_TYPE } from '$lib/server/exports/xlsx';

/** The risk list as xlsx: the list's filters and sort, the page's guard. */
export const GET: RequestHandler = async (event) => {
	requireUser(event);
	const file = await risksXlsx(event.url.searchParams, event.locals.now);
	return fileResponse(file.content, file.fileName, XLSX_MEDIA_TYPE);
};
