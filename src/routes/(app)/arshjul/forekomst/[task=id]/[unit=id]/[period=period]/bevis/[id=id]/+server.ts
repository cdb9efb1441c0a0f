import type { RequestHandler } from './$types';
import { requireEvidenceDownload } from '$lib/server/wheel/access';
import { evidenceDownload } from '$lib/server/wheel/views/evidence';

/** An evidence file of the occurrence, as an attachment (never shown inline). */
export const GET: RequestHandler = (event) => {
	const { file } = requireEvidenceDownload(event);
	return evidenceDownload(file);
};
