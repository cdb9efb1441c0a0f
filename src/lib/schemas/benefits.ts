/**
 * Form schemas for the benefit map and gain realisation. Input is FormData turned
 * into strings by `parseForm`, so numbers arrive as text: «1 655 000» and «12,5» are accepted
 * the way people type them in Norwegian. Every field has its own message in bokmål.
 */
import { MEASUREMENT_FREQUENCIES } from '$lib/domain/control/vocabulary';
import { z } from 'zod';
import { idField, optionalIdField as optionalId } from './id';
import { linkKindError } from '../domain/benefit-graph';
import {
	ASSESSMENTS,
	BENEFICIARIES,
	BENEFIT_DIRECTIONS,
	BENEFIT_KINDS,
	BENEFIT_LEVELS,
	BENEFIT_UNITS,
	NODE_KINDS,
	QUALITY_DIMENSIONS,
	TAKEOUT_METHODS,
	type NodeKind
} from '../domain/benefits/vocabulary';

const GROUP_SEPARATORS = /[\s\u00a0\u202f]/g;
export const MAX_KRONER = 1_000_000_000_000;

function requiredText(message: string, max = 200) {
	return z.string({ error: message }).trim().min(1, message).max(max, `Bruk høyst ${max} tegn`);
}

function optionalText(max = 2000) {
	return z.string().trim().max(max, `Bruk høyst ${max} tegn`).optional().default('');
}

/** A whole number typed with or without group spaces: «1 655 000», «-5». */
function integerField(message: string, min: number, max: number, rangeMessage: string) {
	return z
		.string({ error: message })
		.transform((s) => s.replace(GROUP_SEPARATORS, ''))
		.pipe(z.string().regex(/^-?\d+$/, message))
		.transform(Number)
		.pipe(z.number().min(min, rangeMessage).max(max, rangeMessage));
}

/** A number with at most two decimals, comma or point: «12,5». */
function decimalField(message: string, min: number, max: number, rangeMessage: string) {
	return z
		.string({ error: message })
		.transform((s) => s.replace(GROUP_SEPARATORS, '').replace(',', '.'))
		.pipe(z.string().regex(/^-?\d+(\.\d{1,2})?$/, message))
		.transform(Number)
		.pipe(z.number().min(min, rangeMessage).max(max, rangeMessage));
}

function isRealDay(value: string): boolean {
	const [y, m, d] = value.split('-').map(Number);
	const date = new Date(Date.UTC(y!, m! - 1, d!));
	return date.getUTCFullYear() === y && date.getUTCMonth() === m! - 1 && date.getUTCDate() === d;
}

function dayField(message: string) {
	return z
		.string({ error: message })
		.trim()
		.regex(/^\d{4}-\d{2}-\d{2}$/, message)
		.refine(isRealDay, message);
}

const periodField = z
	.string({ error: 'Skriv måneden (ÅÅÅÅ-MM)' })
	.trim()
	.regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Skriv måneden som ÅÅÅÅ-MM, for eksempel 2026-10');

/** Checkboxes arrive as nothing, one string, or several. */
function checkboxList<const T extends readonly [string, ...string[]]>(values: T, message: string) {
	return z
		.union([z.string(), z.array(z.string())])
		.optional()
		.transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]))
		.pipe(z.array(z.enum(values, { error: message })));
}

export function emptyToUndefined(value: unknown): unknown {
	return typeof value === 'string' && value.trim() === '' ? undefined : value;
}

// ── Map elements ───────────────────────────────────────────────────────────────────────────

export const changeSchema = z.object({
	title: requiredText('Skriv hva som endres'),
	description: optionalText()
});

/** How a benefit is judged (health.ts); shared by the benefit form and a plan-change request. */
export const directionField = z.enum(BENEFIT_DIRECTIONS, {
	error: 'Velg om høyere eller lavere verdi er bedre'
});
export const toleranceField = z
	.string()
	.trim()
	.regex(/^\d{1,3}$/, 'Skriv toleransen som et helt antall prosent')
	.transform(Number)
	.pipe(z.number().max(100, 'Toleransen må være mellom 0 og 100 %'));

export const benefitSchema = z
	.object({
		title: requiredText('Gi gevinsten et navn'),
		description: optionalText(),
		level: z.enum(BENEFIT_LEVELS, { error: 'Velg nivå: bruker, tjeneste eller system' }),
		kind: z.enum(BENEFIT_KINDS, { error: 'Velg om gevinsten er kvantitativ eller kvalitativ' }),
		unit: z.preprocess(
			emptyToUndefined,
			z.enum(BENEFIT_UNITS, { error: 'Velg enhet: kr, timer, antall eller prosent' }).optional()
		),
		// A negative effect (ulempe, DOMAIN.md «Benefit governance»): its values are amounts of
		// harm, counted against the gains in every sum.
		disbenefit: z
			.union([z.literal('on'), z.literal('true'), z.literal('')], {
				error: 'Kryss av for ulempe, eller la feltet stå tomt'
			})
			.optional()
			.transform((value) => value === 'on' || value === 'true'),
		beneficiary: z.enum(BENEFICIARIES, { error: 'Velg hvem som får gevinsten' }),
		beneficiaryOther: optionalText(200),
		qualityDimensions: checkboxList(QUALITY_DIMENSIONS, 'Ukjent kvalitetsdimensjon'),
		ownerId: optionalId('Velg en gevinsteier fra listen'),
		indicator: optionalText(500),
		measurement: optionalText(1000),
		// Its measurement dates in the wheel (ring «Gevinstmålinger») and the owner's tasks.
		measurementFrequency: z.preprocess(
			emptyToUndefined,
			z.enum(MEASUREMENT_FREQUENCIES, { error: 'Velg hvor ofte gevinsten måles' }).optional()
		),
		takeout: z.enum(TAKEOUT_METHODS, { error: 'Velg hvordan gevinsten tas ut' }),
		// Who confirms kroner gains (often økonomi); direction and tolerance decide its status.
		validatorId: optionalId('Velg en validator fra listen'),
		direction: z.preprocess(emptyToUndefined, directionField.optional().default('higher')),
		tolerancePercent: z.preprocess(emptyToUndefined, toleranceField.optional().default(10))
	})
	.superRefine((benefit, ctx) => {
		if (benefit.kind === 'kvantitativ' && !benefit.unit) {
			ctx.addIssue({
				code: 'custom',
				path: ['unit'],
				message: 'En kvantitativ gevinst trenger en enhet'
			});
		}
		if (benefit.kind === 'kvantitativ' && !benefit.indicator) {
			ctx.addIssue({
				code: 'custom',
				path: ['indicator'],
				message: 'Beskriv indikatoren gevinsten måles med'
			});
		}
		if (benefit.beneficiary === 'annet' && !benefit.beneficiaryOther) {
			ctx.addIssue({
				code: 'custom',
				path: ['beneficiaryOther'],
				message: 'Skriv hvem som får gevinsten'
			});
		}
	});

const nodeKindField = z.enum(NODE_KINDS as [NodeKind, ...NodeKind[]], {
	error: 'Ukjent elementtype'
});

export const linkSchema = z
	.object({
		fromKind: nodeKindField,
		fromId: idField('Velg hva koblingen går fra'),
		toKind: nodeKindField,
		toId: idField('Velg hva koblingen går til')
	})
	.superRefine((link, ctx) => {
		const kindError = linkKindError(link.fromKind, link.toKind);
		if (kindError) ctx.addIssue({ code: 'custom', path: ['toId'], message: kindError });
		else if (link.fromKind === link.toKind && link.fromId === link.toId) {
			ctx.addIssue({
				code: 'custom',
				path: ['toId'],
				message: 'Et element kan ikke kobles til seg selv'
			});
		}
	});

// ── Pricing ────────────────────────────────────────────────────────────────────────────────

export const estimateLineSchema = z.object({
	description: requiredText('Beskriv hva linjen gjelder'),
	amountPerCase: integerField(
		'Skriv beløp per tilfelle som et helt tall',
		0,
		MAX_KRONER,
		'Beløpet må være mellom 0 og 1 000 000 000 000'
	),
	cases: integerField(
		'Skriv antall tilfeller som et helt tall',
		0,
		1_000_000_000,
		'Antall må være mellom 0 og 1 000 000 000'
	),
	sharePercent: decimalField(
		'Skriv andelen i prosent, høyst to desimaler',
		0,
		100,
		'Andelen må være mellom 0 og 100 %'
	)
});

const valueField = integerField(
	'Skriv verdien som et helt tall',
	-MAX_KRONER,
	MAX_KRONER,
	'Verdien er utenfor gyldig område'
);

export const baselineSchema = z.object({
	value: valueField,
	date: dayField('Skriv en gyldig dato for nullpunktet'),
	method: requiredText('Beskriv hvordan nullpunktet er målt', 1000)
});

export const targetSchema = z.object({
	value: valueField,
	date: dayField('Skriv en gyldig måldato')
});

/** Target checked against the saved baseline: a target cannot lie before it. */
export function targetSchemaAfter(baselineDate: string) {
	return targetSchema.refine((t) => t.date >= baselineDate, {
		path: ['date'],
		message: 'Måldatoen kan ikke være før nullpunktet'
	});
}

/**
 * A target day before the nullpunkt, compared only when both are real days: zod runs an
 * object's refinement even when a field failed, and a bad nullpunkt date («30.02.2026») must
 * not also mark a good target date as wrong.
 */
export function targetBeforeBaseline(baselineDate: string, targetDate: string): boolean {
	return (
		baselineSchema.shape.date.safeParse(baselineDate).success &&
		targetSchema.shape.date.safeParse(targetDate).success &&
		targetDate < baselineDate
	);
}

/** One month of a plan «given per period». */
export const plannedPeriodSchema = z.object({
	period: periodField,
	value: valueField
});

export const gainSettingsSchema = z.object({
	hourlyRate: integerField(
		'Skriv timesatsen i hele kroner',
		1,
		100_000,
		'Timesatsen må være mellom 1 og 100 000 kr'
	),
	behindMarginPercent: integerField(
		'Skriv marginen som et helt antall prosent',
		0,
		100,
		'Marginen må være mellom 0 og 100 %'
	)
});

// ── Realisation ────────────────────────────────────────────────────────────────────────────

const evidenceField = optionalText(1000).refine(
	(value) => !/^https?:/i.test(value) || URL.canParse(value),
	'Lenken er ikke gyldig'
);

const realisationBase = {
	period: periodField,
	comment: optionalText(2000),
	evidence: evidenceField,
	supersedesId: optionalId('Ugyldig registrering å korrigere'),
	// Required (in the write) when the corrected row was attested by the benefit's owner.
	correctionReason: optionalText(2000)
};

export const quantitativeRealisationSchema = z.object({
	...realisationBase,
	value: valueField
});

export const qualitativeRealisationSchema = z.object({
	...realisationBase,
	assessment: z.enum(ASSESSMENTS, { error: 'Velg en vurdering: 1–5 eller rød/gul/grønn' }),
	narrative: requiredText('Beskriv vurderingen med noen ord', 4000)
});

/**
 * The schema for logging a realisation of one benefit. A period before the baseline month
 * is refused: nothing can be realised before the zero point was measured.
 */
export function realisationSchemaFor(
	kind: 'kvantitativ',
	baselineDate: string | null
): z.ZodType<QuantitativeRealisationInput>;
export function realisationSchemaFor(
	kind: 'kvalitativ',
	baselineDate: string | null
): z.ZodType<QualitativeRealisationInput>;
export function realisationSchemaFor(
	kind: (typeof BENEFIT_KINDS)[number],
	baselineDate: string | null
): z.ZodType<QuantitativeRealisationInput | QualitativeRealisationInput>;
export function realisationSchemaFor(
	kind: (typeof BENEFIT_KINDS)[number],
	baselineDate: string | null
): z.ZodType<QuantitativeRealisationInput | QualitativeRealisationInput> {
	const baselinePeriod = baselineDate?.slice(0, 7) ?? null;
	const notBeforeBaseline = (r: { period: string }) =>
		baselinePeriod === null || r.period >= baselinePeriod;
	const params = { path: ['period'], message: 'Perioden kan ikke være før nullpunktet' };
	return kind === 'kvantitativ'
		? quantitativeRealisationSchema.refine(notBeforeBaseline, params)
		: qualitativeRealisationSchema.refine(notBeforeBaseline, params);
}

export const causeSchema = z.object({
	period: periodField,
	cause: requiredText('Beskriv årsaken til avviket', 2000),
	correctiveMeasure: requiredText('Beskriv korrigerende tiltak', 2000)
});

export type BenefitInput = z.output<typeof benefitSchema>;
export type ChangeInput = z.output<typeof changeSchema>;
export type LinkInput = z.output<typeof linkSchema>;
export type EstimateLineInput = z.output<typeof estimateLineSchema>;
export type BaselineInput = z.output<typeof baselineSchema>;
export type TargetInput = z.output<typeof targetSchema>;
export type QuantitativeRealisationInput = z.output<typeof quantitativeRealisationSchema>;
export type QualitativeRealisationInput = z.output<typeof qualitativeRealisationSchema>;
export type CauseInput = z.output<typeof causeSchema>;

/** Baseline and target saved together: one form «Nullpunkt og mål». */
export const planSchema = z
	.object({
		baselineValue: baselineSchema.shape.value,
		baselineDate: baselineSchema.shape.date,
		baselineMethod: baselineSchema.shape.method,
		targetValue: targetSchema.shape.value,
		targetDate: targetSchema.shape.date
	})
	.refine((p) => !targetBeforeBaseline(p.baselineDate, p.targetDate), {
		path: ['targetDate'],
		message: 'Måldatoen kan ikke være før nullpunktet'
	})
	.transform((p) => ({
		baseline: { value: p.baselineValue, date: p.baselineDate, method: p.baselineMethod },
		target: { value: p.targetValue, date: p.targetDate }
	}));
