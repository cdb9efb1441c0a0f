import type { RequestHandler } from './$types';
import { requireUser } from '$lib/server/auth/guards';
import { portfolioXlsx } from '$lib/server/portfolio/views/export';
import { fileResponse } from '$lib/server/exports/download';
import { XLSX_MEDIA_TYPE } from '$lib/server/exports/xlsx';

/** Portefølje as xlsx: the page's filters and ranking, the page's guard. */
export const GET: RequestHandler = async (event) => {
	requireUser(event);
	const file = await portfolioXlsx(event.url.searchParams, event.locals.now);
	return fileResponse(file.content, file.fileName, XLSX_MEDIA_TYPE);
};
