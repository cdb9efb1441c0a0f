import type { RequestHandler } from './$types';
import { requireSteeringReader } from '$lib/server/steering/access';
import { steeringReportFor } from '$lib/server/steering/views/report';
import { fileResponse } from '$lib/server/exports/download';

/** The Styringsrapport as a PDF for `?fra=…&til=…`, made now; /styring's guard and figures. */
export const GET: RequestHandler = async (event) => {
	const user = requireSteeringReader(event);
	const file = await steeringReportFor(user, event.url, event.locals.now);
	return fileResponse(file.content, file.fileName, 'application/pdf');
};
