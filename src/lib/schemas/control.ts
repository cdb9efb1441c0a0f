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
import { isCalendarDay } from '$lib/domain/portfolio';
import { idField, optionalIdField } from './id';

const REQUIRED = 'Må fylles ut';
const DAY_FORMAT = 'Bruk formatet ÅÅÅÅ-MM-DD';

/**
 * Control characters other than tab and line breaks: no one types them, and SQLite's text
 * functions stop at NUL, so a note made of one would be empty to the database's own checks.
 */
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const NO_CONTROL = 'Teksten inneholder ugyldige tegn';

const blank = (v: unknown) => v === undefined || (typeof v === 'string' && v.trim() === '');

function requiredText(max: number, message = REQUIRED) {
	return z
		.string({ error: message })
		.trim()
		.min(1, message)
		.max(max, `Maks ${max} tegn`)
		.refine((v) => !CONTROL_CHARS.test(v), NO_CONTROL);
}

/** Free text that may be empty; stored as '' (the columns are not null). */
function text(max: number) {
	return z
		.preprocess((v) => (blank(v) ? '' : v), z.string('Ugyldig verdi').trim())
		.pipe(
			z
				.string()
				.max(max, `Maks ${max} tegn`)
				.refine((v) => !CONTROL_CHARS.test(v), NO_CONTROL)
		);
}

/** A calendar day `YYYY-MM-DD` (what `<input type="date">` posts), or null when blank. */
const optionalDay = z
	.preprocess(
		(v) => (blank(v) ? undefined : typeof v === 'string' ? v.trim() : v),
		z.string('Ugyldig verdi').refine(isCalendarDay, DAY_FORMAT).optional()
	)
	.transform((v) => v ?? null);

export const deviationSchema = z.object({
	title: requiredText(200, 'Skriv kort hva avviket er'),
	description: text(4000),
	severity: z.enum(DEVIATION_SEVERITIES, { error: 'Velg alvorlighetsgrad' }),
	immediateAction: text(2000),
	correctiveAction: text(2000),
	responsibleId: optionalIdField('Velg en ansvarlig person'),
	deadline: optionalDay
});
export type DeviationInput = z.output<typeof deviationSchema>;

/** Outside the wheel: the unit it belongs to; from a tilsyn also the finding. */
export const newDeviationSchema = z.intersection(
	deviationSchema,
	z.object({
		unitId: idField('Velg en enhet'),
		findingId: optionalIdField('Ugyldig funn')
	})
);

export const closeDeviationSchema = z.object({
	closingNote: requiredText(
		2000,
		'Skriv hva som ble gjort før avviket lukkes (korrigerende tiltak gjennomført)'
	)
});

export const reopenDeviationSchema = z.object({
	reason: requiredText(1000, 'Skriv hvorfor avviket gjenåpnes')
});

/** Units named by checkboxes: one value, several or none. */
const unitIds = z
	.preprocess(
		(v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
		z.array(z.string().regex(/^[1-9][0-9]{0,9}$/, 'Ugyldig enhet'), { error: 'Ugyldig enhet' })
	)
	.transform((ids) => [...new Set(ids.map(Number))])
	.refine((ids) => ids.length > 0, 'Velg minst én enhet tilsynet gjaldt');

export const tilsynSchema = z.object({
	authority: requiredText(200, 'Skriv hvem som førte tilsynet'),
	theme: requiredText(300, 'Skriv tilsynets tema'),
	description: text(4000),
	startDate: optionalDay,
	preliminaryReportDate: optionalDay,
	finalReportDate: optionalDay,
	followUpDeadline: optionalDay,
	status: z.enum(TILSYN_STATUSES, { error: 'Velg en status' }),
	unitIds
});
export type TilsynInput = z.output<typeof tilsynSchema>;

export const findingSchema = z.object({
	kind: z.enum(FINDING_KINDS, { error: 'Velg lovbrudd eller merknad' }),
	text: requiredText(4000, 'Skriv funnet')
});
export type FindingInput = z.output<typeof findingSchema>;

export const findingStatusSchema = z.object({
	findingId: idField('Mangler funn'),
	status: z.enum(FINDING_STATUSES, { error: 'Velg en status' })
});

export const riskControlSchema = z.object({
	taskId: idField('Mangler oppgave'),
	riskId: idField('Velg en risiko')
});
