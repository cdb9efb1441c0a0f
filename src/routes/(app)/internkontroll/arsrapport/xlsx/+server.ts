import type { RequestHandler } from './$types';
import { requireControlReportReader } from '$lib/server/control/access';
import { controlReport, parseControlReportQuery } from '$lib/server/control/views/report';
import { controlReportXlsx } from '$lib/server/control/views/report-file';
import { fileResponse } from '$lib/server/exports/download';
import { XLSX_MEDIA_TYPE } from '$lib/server/exports/xlsx';

/** The internal-control report's tables as xlsx: the page's guard, period and figures. */
export const GET: RequestHandler = async (event) => {
	requireControlReportReader(event);
	const q = parseControlReportQuery(event.url, event.locals.now);
	const file = await controlReportXlsx(controlReport(q, event.locals.now), event.locals.now);
	return fileResponse(file.content, file.fileName, XLSX_MEDIA_TYPE);
};
