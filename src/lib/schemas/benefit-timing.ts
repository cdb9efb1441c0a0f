/**
 * The benefit's start tied to a measure: «Gevinsten begynner å realiseres når tiltaket X når
 * status Y». Both or neither: a measure without a status (or the reverse) is an error.
 */
import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { optionalIdField } from './id';
import { versionField } from './version';
import { START_STATUSES } from '$lib/domain/benefits/timing';

export const timingSchema = z
	.object({
		startMeasureId: optionalIdField(() => m.benefits_v_measure_choose()),
		startMeasureStatus: z.preprocess(
			(v) => (v === '' ? undefined : v),
			z.enum(START_STATUSES, { error: () => m.benefits_v_status_choose() }).optional()
		),
		version: versionField
	})
	.superRefine((t, ctx) => {
		if (t.startMeasureId !== null && !t.startMeasureStatus) {
			ctx.addIssue({
				code: 'custom',
				path: ['startMeasureStatus'],
				message: m.benefits_v_measure_status()
			});
		}
		if (t.startMeasureId === null && t.startMeasureStatus) {
			ctx.addIssue({
				code: 'custom',
				path: ['startMeasureId'],
				message: m.benefits_v_measure_or_status()
			});
		}
	});
