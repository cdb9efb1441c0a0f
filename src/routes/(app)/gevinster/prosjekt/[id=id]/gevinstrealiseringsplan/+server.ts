import type { RequestHandler } from './$types';
import { requireProjectReader } from '$lib/server/benefits/access';
import { gainPlanPdf } from '$lib/server/benefits/views/plan-report';
import { fileResponse } from '$lib/server/exports/download';
import { m } from '$lib/paraglide/messages';

/** The project's gevinstrealiseringsplan as a PDF, made now; the project map's guard. */
export const GET: RequestHandler = async (event) => {
	const { project } = requireProjectReader(event, Number(event.params.id));
	const file = await gainPlanPdf(project, event.locals.now, { status: m.export_pdf_draft() });
	return fileResponse(file.content, file.fileName, 'application/pdf');
};
