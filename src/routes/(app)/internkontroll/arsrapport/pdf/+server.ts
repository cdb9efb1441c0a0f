import type { RequestHandler } from './$types';
import { requireControlReportReader } from '$lib/server/control/access';
import { controlReport, parseControlReportQuery } from '$lib/server/control/views/report';
import { controlReportPdf } from '$lib/server/control/views/report-file';
import { fileResponse } from '$lib/server/exports/download';
import { m } from '$lib/paraglide/messages';

/** The internal-control report as a PDF, made now, in the reader's language: the page's guard, period and figures. */
export const GET: RequestHandler = async (event) => {
	const user = requireControlReportReader(event);
	const q = parseControlReportQuery(event.url, event.locals.now);
	const data = controlReport(q, event.locals.now);
	const file = await controlReportPdf(user, data, event.locals.now, m.export_pdf_draft());
	return fileResponse(file.content, file.fileName, 'application/pdf');
};
