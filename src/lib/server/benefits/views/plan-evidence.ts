/**
 * A baseline's evidence file as a download: the stored (sniffed) media type, an attachment and
 * `nosniff`, so a browser never runs or renders it in the app's origin (OWASP File Upload
 * Cheat Sheet), as the sign-off's evidence is served.
 */
import { error } from '@sveltejs/kit';
import { planEvidenceFile } from '../../db/queries/benefits-plan-reads';
import { fileResponse } from '../../exports/download';
import { m } from '$lib/paraglide/messages';

export function baselineEvidenceDownload(benefitId: number, versionId: number): Response {
	const file = planEvidenceFile(benefitId, versionId);
	if (!file || !file.fileName || !file.mediaType) error(404, m.wheel_err_evidence_missing());
	return fileResponse(file.content, file.fileName, file.mediaType);
}
