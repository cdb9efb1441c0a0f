/**
 * Internal control's forms (kommuneloven § 25-1): a deviation and its closing, a tilsyn and its
 * findings, a risk linked to the wheel task that controls it. Form fields arrive as strings.
 */
import { z } from 'zod';
import {
	DEVIATION_SEVERITIES,
	FINDING_KINDS,
	FINDING_STATUSES,
	TILSYN_STATUSES
} from '$lib/domain/control/vocabulary';
import { isCalendarDay } from '$lib/domain/portfolio/rules';
import { ID_PATTERN, idField, optionalIdField } from './id';
import { m } from '$lib/paraglide/messages';

// The messages are functions, read when a form is parsed: in the request's language.
type Message = () => string;
const DAY_FORMAT = { error: () => m.control_err_day_format() };

/**
 * Control characters other than tab and line breaks: no one types them, and SQLite's text
 * functions stop at NUL, so a note made of one would be empty to the database's own checks.
 */
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const NO_CONTROL = { error: () => m.control_err_no_control() };
const tooLong = (max: number) => ({ error: () => m.control_err_max({ max }) });
const INVALID = { error: () => m.control_err_invalid() };

const blank = (v: unknown) => v === undefined || (typeof v === 'string' && v.trim() === '');

function requiredText(max: number, message: Message = m.control_err_required) {
	return z
		.string({ error: message })
		.trim()
		.min(1, { error: message })
		.max(max, tooLong(max))
		.refine((v) => !CONTROL_CHARS.test(v), NO_CONTROL);
}

/** Free text that may be empty; stored as '' (the columns are not null). */
function text(max: number) {
	return z
		.preprocess((v) => (blank(v) ? '' : v), z.string(INVALID).trim())
		.pipe(
			z
				.string()
				.max(max, tooLong(max))
				.refine((v) => !CONTROL_CHARS.test(v), NO_CONTROL)
		);
}

/** A calendar day `YYYY-MM-DD` (what `<input type="date">` posts), or null when blank. */
const optionalDay = z
	.preprocess(
		(v) => (blank(v) ? undefined : typeof v === 'string' ? v.trim() : v),
		z.string(INVALID).refine(isCalendarDay, DAY_FORMAT).optional()
	)
	.transform((v) => v ?? null);

export const deviationSchema = z.object({
	title: requiredText(200, m.control_err_deviation_title),
	description: text(4000),
	severity: z.enum(DEVIATION_SEVERITIES, { error: () => m.control_err_severity() }),
	immediateAction: text(2000),
	correctiveAction: text(2000),
	responsibleId: optionalIdField(m.control_err_responsible),
	deadline: optionalDay
});
export type DeviationInput = z.output<typeof deviationSchema>;

/** Outside the wheel: the unit it belongs to; from a tilsyn also the finding. */
export const newDeviationSchema = z.intersection(
	deviationSchema,
	z.object({
		unitId: idField(m.control_err_unit),
		findingId: optionalIdField(m.control_err_finding)
	})
);

export const closeDeviationSchema = z.object({
	closingNote: requiredText(2000, m.control_err_closing_note)
});

export const reopenDeviationSchema = z.object({
	reason: requiredText(1000, m.control_err_reopen_reason)
});

const BAD_UNIT = { error: () => m.control_err_bad_unit() };

/** Units named by checkboxes: one value, several or none. */
const unitIds = z
	.preprocess(
		(v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
		z.array(z.string().regex(ID_PATTERN, BAD_UNIT), BAD_UNIT)
	)
	.transform((ids) => [...new Set(ids.map(Number))])
	.refine((ids) => ids.length > 0, { error: () => m.control_err_tilsyn_units() });

export const tilsynSchema = z.object({
	authority: requiredText(200, m.control_err_authority),
	theme: requiredText(300, m.control_err_theme),
	description: text(4000),
	startDate: optionalDay,
	preliminaryReportDate: optionalDay,
	finalReportDate: optionalDay,
	followUpDeadline: optionalDay,
	status: z.enum(TILSYN_STATUSES, { error: () => m.control_err_status() }),
	unitIds
});
export type TilsynInput = z.output<typeof tilsynSchema>;

export const findingSchema = z.object({
	kind: z.enum(FINDING_KINDS, { error: () => m.control_err_kind() }),
	text: requiredText(4000, m.control_err_finding_text)
});
export type FindingInput = z.output<typeof findingSchema>;

export const findingStatusSchema = z.object({
	findingId: idField(m.control_err_finding_missing),
	status: z.enum(FINDING_STATUSES, { error: () => m.control_err_status() })
});

export const riskControlSchema = z.object({
	taskId: idField(m.control_err_task_missing),
	riskId: idField(m.control_err_risk)
});
