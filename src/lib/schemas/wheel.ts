import { z } from 'zod';
import { isMonth, type Month, type Schedule } from '$lib/domain/wheel/schedule';
import { m } from '$lib/paraglide/messages';

// Form fields arrive as strings (or string arrays for repeated keys, see formValues), so every
// schema here reads strings and gives a Norwegian message for a missing field as well as for a
// wrong one. The messages are functions, read when a form is parsed: in the request's language.

type Message = () => string;

function requiredText(message: Message, max: number, tooLong: Message) {
	return z
		.string({ error: message })
		.trim()
		.min(1, { error: message })
		.max(max, { error: tooLong });
}

/** Empty or absent becomes `null`, so the database never stores `''` for "not given". */
function optionalText(max: number, tooLong: Message) {
	return z
		.string({ error: tooLong })
		.trim()
		.max(max, { error: tooLong })
		.optional()
		.transform((value) => (value ? value : null));
}

function id(message: Message) {
	return z.coerce.number({ error: message }).int({ error: message }).positive({ error: message });
}

const checkbox = z
	.union([z.literal('on'), z.literal('true'), z.literal('')])
	.optional()
	.transform((value) => value === 'on' || value === 'true');

const month = z.coerce
	.number({ error: () => m.wheel_err_month() })
	.refine(isMonth, { error: () => m.wheel_err_month() })
	.transform((value) => value as Month);

/** Checkboxes named `months`: one value, several or none. */
const months = z
	.union([z.string(), z.array(z.string())], { error: () => m.wheel_err_months_min() })
	.optional()
	.transform((value, ctx) => {
		const raw = value === undefined ? [] : Array.isArray(value) ? value : [value];
		const numbers = raw.map(Number);
		if (!numbers.every(isMonth)) {
			ctx.issues.push({
				code: 'custom',
				message: m.wheel_err_months_range(),
				input: value
			});
			return z.NEVER;
		}
		return [...new Set(numbers)].sort((a, b) => a - b);
	})
	.refine((list) => list.length > 0, { error: () => m.wheel_err_months_min() });

const DUE_DAY_MESSAGE = { error: () => m.wheel_err_due_day() };

/** Blank means the last day of the month, the default in the seed's wheel. */
const dueDay = z.preprocess(
	(value) => (typeof value === 'string' ? value.trim() : value) || null,
	z.coerce
		.number(DUE_DAY_MESSAGE)
		.int(DUE_DAY_MESSAGE)
		.min(1, DUE_DAY_MESSAGE)
		.max(31, DUE_DAY_MESSAGE)
		.nullable()
);

const scheduleFields = z.discriminatedUnion(
	'scheduleKind',
	[
		z.object({ scheduleKind: z.literal('monthly'), dueDay }),
		z.object({ scheduleKind: z.literal('months'), months, dueDay }),
		z.object({ scheduleKind: z.literal('yearly'), month, dueDay })
	],
	{ error: () => m.wheel_err_schedule() }
);

function toSchedule(fields: z.output<typeof scheduleFields>): Schedule {
	switch (fields.scheduleKind) {
		case 'monthly':
			return { kind: 'monthly', dueDay: fields.dueDay };
		case 'months':
			return { kind: 'months', months: fields.months, dueDay: fields.dueDay };
		case 'yearly':
			return { kind: 'yearly', month: fields.month, dueDay: fields.dueDay };
	}
}

/** Fields `scheduleKind`, `months` (checkboxes), `month` (select) and `dueDay`. */
export const scheduleSchema = scheduleFields.transform(toSchedule);

export const wheelSchema = z.object({
	name: requiredText(m.wheel_err_name, 120, m.wheel_err_name_long),
	description: optionalText(2000, m.wheel_err_description_long),
	ownerUnitId: id(m.wheel_err_owner_unit)
});

export const wheelAssignmentSchema = z.object({
	unitId: id(m.wheel_err_unit),
	includeChildUnits: checkbox
});

const taskFields = z.object({
	title: requiredText(m.wheel_err_title, 200, m.wheel_err_title_long),
	description: optionalText(2000, m.wheel_err_description_long),
	responsibleRole: requiredText(m.wheel_err_responsible, 100, m.wheel_err_responsible_long),
	storedIn: requiredText(m.wheel_err_stored_in, 100, m.wheel_err_stored_in_long),
	reference: optionalText(500, m.wheel_err_reference_long)
});

// An intersection (not a refinement) so a missing title and a missing month are reported together.
export const taskSchema = z
	.intersection(taskFields, scheduleFields)
	.transform(({ title, description, responsibleRole, storedIn, reference, ...schedule }) => ({
		title,
		description,
		responsibleRole,
		storedIn,
		reference,
		schedule: toSchedule(schedule)
	}));

const link = z
	.string({ error: () => m.wheel_err_link() })
	.trim()
	.optional()
	.transform((value) => value || null)
	// Only web links: the link is rendered as an <a href>, where javascript: would run.
	.refine(
		(value) => value === null || (URL.canParse(value) && /^https?:$/.test(new URL(value).protocol)),
		{ error: () => m.wheel_err_link() }
	);

export const signOffSchema = z.object({
	comment: optionalText(2000, m.wheel_err_comment_long),
	storedIn: requiredText(m.wheel_err_stored, 100, m.wheel_err_stored_in_long),
	link
});

const PERIOD_MESSAGE = { error: () => m.wheel_err_period() };

/** `YYYY-MM`: an occurrence is named by its task, unit and due period (they are computed). */
export const periodSchema = z
	.string(PERIOD_MESSAGE)
	.regex(/^\d{4}-(0[1-9]|1[0-2])$/, PERIOD_MESSAGE);

export const occurrenceKeySchema = z.object({
	taskId: id(m.wheel_err_task_id),
	unitId: id(m.wheel_err_unit_id),
	period: periodSchema
});

/** For signing in a list («Mine oppgaver»), where each form names its occurrence. */
export const occurrenceSignOffSchema = signOffSchema.extend(occurrenceKeySchema.shape);

export const reopenSchema = z.object({
	reason: requiredText(m.wheel_err_reason, 1000, m.wheel_err_reason_long)
});

export type WheelInput = z.output<typeof wheelSchema>;
export type WheelAssignmentInput = z.output<typeof wheelAssignmentSchema>;
export type TaskInput = z.output<typeof taskSchema>;
export type SignOffInput = z.output<typeof signOffSchema>;
export type ReopenInput = z.output<typeof reopenSchema>;
