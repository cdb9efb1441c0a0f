import type { RequestHandler } from './$types';
import { requireReportFile } from '$lib/server/archive/access';
import { reportFile } from '$lib/server/archive/views';
import { fileResponse } from '$lib/server/exports/download';

/** The stored bytes, exactly as issued; the SHA-256 goes along as the ETag. */
export const GET: RequestHandler = async (event) => {
	const access = requireReportFile(event, Number(event.params.id));
	const file = reportFile(access);
	const response = fileResponse(file.content, file.fileName, file.mediaType);
	response.headers.set('etag', `"${file.sha256}"`);
	return response;
};
