/**
 * Freezing a report «som utstedt til møtet» and approving it: what the forms on /rapporter post.
 */
import { z } from 'zod';
import { isCalendarDay } from '$lib/domain/portfolio';
import { versionField } from './version';

/** The kinds a person can freeze from /rapporter. */
export const FREEZABLE_KINDS = ['styringsrapport', 'gevinstrealiseringsplan', 'regneark'] as const;
export type FreezableKind = (typeof FREEZABLE_KINDS)[number];

const DAY = 'Skriv en gyldig dato (ÅÅÅÅ-MM-DD)';
const day = z.string({ error: DAY }).trim().refine(isCalendarDay, DAY);
const optionalDay = z
	.string()
	.trim()
	.optional()
	.transform((v) => v || null)
	.refine((v) => v === null || isCalendarDay(v), DAY);

export const freezeReportSchema = z
	.object({
		kind: z.enum(FREEZABLE_KINDS, { error: 'Velg hva som skal fryses' }),
		prosjekt: z
			.string()
			.trim()
			.optional()
			.transform((v) => v || null),
		periodFrom: day,
		periodTo: day,
		meetingDate: optionalDay
	})
	.refine((v) => v.periodFrom <= v.periodTo, {
		path: ['periodTo'],
		message: 'Perioden kan ikke slutte før den begynner'
	})
	.refine((v) => v.kind !== 'gevinstrealiseringsplan' || /^[1-9]\d{0,9}$/.test(v.prosjekt ?? ''), {
		path: ['prosjekt'],
		message: 'Velg prosjektet planen gjelder'
	});

export type FreezeReportInput = z.output<typeof freezeReportSchema>;

export const approveReportSchema = z.object({ version: versionField });

/** The Styringsrapport's period from the address (`fra`, `til`): two days, in order. */
export const steeringReportQuery = z.object({ fra: day, til: day }).refine((v) => v.fra <= v.til, {
	path: ['til'],
	message: 'Perioden kan ikke slutte før den begynner'
});
