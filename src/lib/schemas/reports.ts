/**
 * Freezing a report «som utstedt til møtet» and approving it: what the forms on /rapporter post.
 */
import { z } from 'zod';
import { isCalendarDay } from '$lib/domain/portfolio/rules';
import { m } from '$lib/paraglide/messages';
import { versionField } from './version';
import { ID_PATTERN } from './id';

/** The kinds a person can freeze from /rapporter. */
export const FREEZABLE_KINDS = ['styringsrapport', 'gevinstrealiseringsplan', 'regneark'] as const;
export type FreezableKind = (typeof FREEZABLE_KINDS)[number];

// The messages are functions, read when a form is parsed: in the request's language.
const DAY = () => m.portfolio_meetings_field_day();
const PERIOD_ORDER = () => m.portfolio_reports_field_period_order();
const day = z.string({ error: DAY }).trim().refine(isCalendarDay, { error: DAY });
const optionalDay = z
	.string()
	.trim()
	.optional()
	.transform((v) => v || null)
	.refine((v) => v === null || isCalendarDay(v), { error: DAY });

export const freezeReportSchema = z
	.object({
		kind: z.enum(FREEZABLE_KINDS, { error: () => m.portfolio_reports_field_kind() }),
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
		error: PERIOD_ORDER
	})
	.refine((v) => v.kind !== 'gevinstrealiseringsplan' || ID_PATTERN.test(v.prosjekt ?? ''), {
		path: ['prosjekt'],
		error: () => m.portfolio_reports_field_project()
	});

export type FreezeReportInput = z.output<typeof freezeReportSchema>;

export const approveReportSchema = z.object({ version: versionField });

/** The Styringsrapport's period from the address (`fra`, `til`): two days, in order. */
export const steeringReportQuery = z.object({ fra: day, til: day }).refine((v) => v.fra <= v.til, {
	path: ['til'],
	error: PERIOD_ORDER
});
