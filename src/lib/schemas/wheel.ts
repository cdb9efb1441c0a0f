import { z } from 'zod';
import { isMonth, type Month, type Schedule } from '$lib/domain/schedule';

// Form fields arrive as strings (or string arrays for repeated keys, see formValues), so every
// schema here reads strings and gives a Norwegian message for a missing field as well as for a
// wrong one.

function requiredText(message: string, max: number, tooLong: string) {
	return z.string({ error: message }).trim().min(1, message).max(max, tooLong);
}

/** Empty or absent becomes `null`, so the database never stores `''` for "not given". */
function optionalText(max: number, tooLong: string) {
	return z
		.string({ error: tooLong })
		.trim()
		.max(max, tooLong)
		.optional()
		.transform((value) => (value ? value : null));
}

function id(message: string) {
	return z.coerce.number({ error: message }).int({ error: message }).positive({ error: message });
}

const checkbox = z
	.union([z.literal('on'), z.literal('true'), z.literal('')])
	.optional()
	.transform((value) => value === 'on' || value === 'true');

const MONTH_MESSAGE = 'Velg en måned fra januar til desember';

const month = z.coerce
	.number({ error: MONTH_MESSAGE })
	.refine(isMonth, MONTH_MESSAGE)
	.transform((value) => value as Month);

/** Checkboxes named `months`: one value, several or none. */
const months = z
	.union([z.string(), z.array(z.string())], { error: 'Velg minst én måned' })
	.optional()
	.transform((value, ctx) => {
		const raw = value === undefined ? [] : Array.isArray(value) ? value : [value];
		const numbers = raw.map(Number);
		if (!numbers.every(isMonth)) {
			ctx.issues.push({
				code: 'custom',
				message: 'Månedene må være fra januar til desember',
				input: value
			});
			return z.NEVER;
		}
		return [...new Set(numbers)].sort((a, b) => a - b);
	})
	.refine((list) => list.length > 0, 'Velg minst én måned');

const DUE_DAY_MESSAGE = 'Forfallsdagen må være et helt tall fra 1 til 31, eller tom for siste dag';

/** Blank means the last day of the month, the default in the seed's wheel. */
const dueDay = z.preprocess(
	(value) => (typeof value === 'string' ? value.trim() : value) || null,
	z.coerce
		.number({ error: DUE_DAY_MESSAGE })
		.int({ error: DUE_DAY_MESSAGE })
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
	{ error: 'Velg hvor ofte oppgaven skal gjøres' }
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
	name: requiredText('Skriv et navn på årshjulet', 120, 'Navnet kan ha høyst 120 tegn'),
	description: optionalText(2000, 'Beskrivelsen kan ha høyst 2000 tegn'),
	ownerUnitId: id('Velg enheten som eier årshjulet')
});

export const wheelAssignmentSchema = z.object({
	unitId: id('Velg en enhet'),
	includeChildUnits: checkbox
});

const taskFields = z.object({
	title: requiredText('Skriv en tittel på oppgaven', 200, 'Tittelen kan ha høyst 200 tegn'),
	description: optionalText(2000, 'Beskrivelsen kan ha høyst 2000 tegn'),
	responsibleRole: requiredText(
		'Skriv hvem som har ansvar, for eksempel «Avdelingsleder»',
		100,
		'Ansvar kan ha høyst 100 tegn'
	),
	storedIn: requiredText(
		'Skriv hvor dokumentasjonen lagres, for eksempel «Compilo»',
		100,
		'Lagres kan ha høyst 100 tegn'
	),
	reference: optionalText(500, 'Henvisningen kan ha høyst 500 tegn')
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
	.string({ error: 'Lenken må være en nettadresse som begynner med https:// eller http://' })
	.trim()
	.optional()
	.transform((value) => value || null)
	// Only web links: the link is rendered as an <a href>, where javascript: would run.
	.refine(
		(value) => value === null || (URL.canParse(value) && /^https?:$/.test(new URL(value).protocol)),
		'Lenken må være en nettadresse som begynner med https:// eller http://'
	);

export const signOffSchema = z.object({
	comment: optionalText(2000, 'Kommentaren kan ha høyst 2000 tegn'),
	storedIn: requiredText(
		'Skriv hvor dokumentasjonen er lagret',
		100,
		'Lagres kan ha høyst 100 tegn'
	),
	link
});

const PERIOD_MESSAGE = 'Mangler hvilken måned som signeres';

/** `YYYY-MM`: an occurrence is named by its task, unit and due period (they are computed). */
export const periodSchema = z
	.string({ error: PERIOD_MESSAGE })
	.regex(/^\d{4}-(0[1-9]|1[0-2])$/, PERIOD_MESSAGE);

export const occurrenceKeySchema = z.object({
	taskId: id('Mangler hvilken oppgave som signeres'),
	unitId: id('Mangler hvilken enhet som signerer'),
	period: periodSchema
});

/** For signing in a list («Mine oppgaver»), where each form names its occurrence. */
export const occurrenceSignOffSchema = signOffSchema.extend(occurrenceKeySchema.shape);

export const reopenSchema = z.object({
	reason: requiredText(
		'Skriv hvorfor signaturen gjenåpnes',
		1000,
		'Begrunnelsen kan ha høyst 1000 tegn'
	)
});

export type WheelInput = z.output<typeof wheelSchema>;
export type WheelAssignmentInput = z.output<typeof wheelAssignmentSchema>;
export type TaskInput = z.output<typeof taskSchema>;
export type SignOffInput = z.output<typeof signOffSchema>;
export type ReopenInput = z.output<typeof reopenSchema>;
