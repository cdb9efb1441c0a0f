/**
 * The benefit's start tied to a measure: «Gevinsten begynner å realiseres når tiltaket X når
 * status Y». Both or neither: a measure without a status (or the reverse) is an error.
 */
import { z } from 'zod';
import { optionalIdField } from './id';
import { versionField } from './version';
import { START_STATUSES } from '$lib/domain/benefits/timing';

export const timingSchema = z
	.object({
		startMeasureId: optionalIdField('Velg et tiltak fra listen'),
		startMeasureStatus: z.preprocess(
			(v) => (v === '' ? undefined : v),
			z.enum(START_STATUSES, { error: 'Velg en status fra listen' }).optional()
		),
		version: versionField
	})
	.superRefine((t, ctx) => {
		if (t.startMeasureId !== null && !t.startMeasureStatus) {
			ctx.addIssue({
				code: 'custom',
				path: ['startMeasureStatus'],
				message: 'Velg hvilken status tiltaket må nå'
			});
		}
		if (t.startMeasureId === null && t.startMeasureStatus) {
			ctx.addIssue({
				code: 'custom',
				path: ['startMeasureId'],
				message: 'Velg tiltaket, eller fjern statusen'
			});
		}
	});
