/**
 * Ties a benefit's start to a measure's status (domain/benefits/timing.ts). The plan's later
 * moves happen where the measure changes (db/queries/benefits-timing.ts, `followMeasure`).
 */
import { setBenefitTiming } from '../../db/queries/benefits-timing';
import { getBenefit } from '../../db/queries/benefits';
import { invalid, refused } from '../../result';
import { parseForm } from '$lib/schemas/form';
import { timingSchema } from '$lib/schemas/benefit-timing';
import type { BenefitAccess } from '../access';
import { TIMING_MESSAGES as BOOK, TIMING_SUCCESS as DONE } from '../messages';

export function setTiming({ user, benefit }: BenefitAccess, formData: FormData, now: Date) {
	const form = parseForm(timingSchema, formData);
	if (!form.ok) return invalid(form.values, form.errors, 'timing');
	const { startMeasureId, startMeasureStatus, version } = form.data;
	const result = setBenefitTiming(
		benefit.id,
		{ measureId: startMeasureId, status: startMeasureStatus ?? null, version },
		user.id,
		now
	);
	if (!result.ok) {
		// Lost update: the form comes back with what is stored now, and the newer version.
		const fresh = result.reason === 'conflict' ? getBenefit(benefit.id) : undefined;
		const values = fresh
			? {
					startMeasureId: fresh.startMeasureId ? String(fresh.startMeasureId) : '',
					startMeasureStatus: fresh.startMeasureStatus ?? '',
					version: String(fresh.version)
				}
			: form.values;
		return refused(BOOK, result.reason, values, { action: 'timing' });
	}
	return { action: 'timing', success: startMeasureId ? DONE.tied : DONE.untied };
}
