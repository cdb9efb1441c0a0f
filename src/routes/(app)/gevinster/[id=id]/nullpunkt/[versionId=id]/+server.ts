import type { RequestHandler } from './$types';
import { requireBenefitReader } from '$lib/server/benefits/access';
import { baselineEvidenceDownload } from '$lib/server/benefits/views/plan-evidence';

/** A plan version's baseline evidence file, as an attachment (never shown inline). */
export const GET: RequestHandler = (event) => {
	const { benefit } = requireBenefitReader(event, Number(event.params.id));
	return baselineEvidenceDownload(benefit.id, Number(event.params.versionId));
};
