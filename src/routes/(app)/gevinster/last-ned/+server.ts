import type { RequestHandler } from './$types';
import { requireUser } from '$lib/server/auth/guards';
import { benefitRegisterXlsx } from '$lib/server/benefits/views/register';
import { fileResponse } from '$lib/server/exports/download';
import { XLSX_MEDIA_TYPE } from '$lib/server/exports/xlsx';

/** The benefits register as xlsx, for the scope of /gevinster (same query string, same guard). */
export const GET: RequestHandler = async (event) => {
	const user = requireUser(event);
	const file = await benefitRegisterXlsx(user, event.url.searchParams, event.locals.now);
	return fileResponse(file.content, file.fileName, XLSX_MEDIA_TYPE);
};
