/**
 * Form schemas for the benefit map and gain realisation. Input is FormData turned
 * into strings by `parseForm`, so numbers arrive as text: «1 655 000» and «12,5» are accepted
 * the way people type them in Norwegian. Every field has its own message in bokmål.
 */
import { MEASUREMENT_FREQUENCIES } from '$lib/domain/control/vocabulary';
import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { idField, optionalIdField as optionalId } from './id';
import { linkKindError } from '../domain/benefits/graph';
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

/** A message read when a form is parsed, so it is in the request's language. */
type Message = () => string;

const tooLong = (max: number) => ({ error: () => m.benefits_v_max({ max }) });

function requiredText(message: Message, max = 200) {
	return z.string({ error: message }).trim().min(1, { error: message }).max(max, tooLong(max));
}

function optionalText(max = 2000) {
	return z.string().trim().max(max, tooLong(max)).optional().default('');
}

/** A whole number typed with or without group spaces: «1 655 000», «-5». */
function integerField(message: Message, min: number, max: number, rangeMessage: Message) {
	return z
		.string({ error: message })
		.transform((s) => s.replace(GROUP_SEPARATORS, ''))
		.pipe(z.string().regex(/^-?\d+$/, { error: message }))
		.transform(Number)
		.pipe(z.number().min(min, { error: rangeMessage }).max(max, { error: rangeMessage }));
}

/** A number with at most two decimals, comma or point: «12,5». */
function decimalField(message: Message, min: number, max: number, rangeMessage: Message) {
	return z
		.string({ error: message })
		.transform((s) => s.replace(GROUP_SEPARATORS, '').replace(',', '.'))
		.pipe(z.string().regex(/^-?\d+(\.\d{1,2})?$/, { error: message }))
		.transform(Number)
		.pipe(z.number().min(min, { error: rangeMessage }).max(max, { error: rangeMessage }));
}

function isRealDay(value: string): boolean {
	const [y, m, d] = value.split('-').map(Number);
	const date = new Date(Date.UTC(y!, m! - 1, d!));
	return date.getUTCFullYear() === y && date.getUTCMonth() === m! - 1 && date.getUTCDate() === d;
}

function dayField(message: Message) {
	return z
		.string({ error: message })
		.trim()
		.regex(/^\d{4}-\d{2}-\d{2}$/, { error: message })
		.refine(isRealDay, { error: message });
}

const periodField = z
	.string({ error: () => m.benefits_v_month_required() })
	.trim()
	.regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: () => m.benefits_v_month_format() });

/** Checkboxes arrive as nothing, one string, or several. */
function checkboxList<const T extends readonly [string, ...string[]]>(values: T, message: Message) {
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
	title: requiredText(() => m.benefits_v_change_title()),
	description: optionalText()
});

/** How a benefit is judged (health.ts); shared by the benefit form and a plan-change request. */
export const directionField = z.enum(BENEFIT_DIRECTIONS, {
	error: () => m.benefits_v_direction()
});
export const toleranceField = z
	.string()
	.trim()
	.regex(/^\d{1,3}$/, { error: () => m.benefits_v_tolerance_format() })
	.transform(Number)
	.pipe(z.number().max(100, { error: () => m.benefits_v_tolerance_range() }));

export const benefitSchema = z
	.object({
		title: requiredText(() => m.benefits_v_title()),
		description: optionalText(),
		level: z.enum(BENEFIT_LEVELS, { error: () => m.benefits_v_level() }),
		kind: z.enum(BENEFIT_KINDS, { error: () => m.benefits_v_kind() }),
		unit: z.preprocess(
			emptyToUndefined,
			z.enum(BENEFIT_UNITS, { error: () => m.benefits_v_unit() }).optional()
		),
		// A negative effect (ulempe, DOMAIN.md «Benefit governance»): its values are amounts of
		// harm, counted against the gains in every sum.
		disbenefit: z
			.union([z.literal('on'), z.literal('true'), z.literal('')], {
				error: () => m.benefits_v_disbenefit()
			})
			.optional()
			.transform((value) => value === 'on' || value === 'true'),
		beneficiary: z.enum(BENEFICIARIES, { error: () => m.benefits_v_beneficiary() }),
		beneficiaryOther: optionalText(200),
		qualityDimensions: checkboxList(QUALITY_DIMENSIONS, () => m.benefits_v_quality()),
		ownerId: optionalId(() => m.benefits_v_owner()),
		indicator: optionalText(500),
		measurement: optionalText(1000),
		// Its measurement dates in the wheel (ring «Gevinstmålinger») and the owner's tasks.
		measurementFrequency: z.preprocess(
			emptyToUndefined,
			z.enum(MEASUREMENT_FREQUENCIES, { error: () => m.benefits_v_frequency() }).optional()
		),
		takeout: z.enum(TAKEOUT_METHODS, { error: () => m.benefits_v_takeout() }),
		// Who confirms kroner gains (often økonomi); direction and tolerance decide its status.
		validatorId: optionalId(() => m.benefits_v_validator()),
		direction: z.preprocess(emptyToUndefined, directionField.optional().default('higher')),
		tolerancePercent: z.preprocess(emptyToUndefined, toleranceField.optional().default(10))
	})
	.superRefine((benefit, ctx) => {
		if (benefit.kind === 'kvantitativ' && !benefit.unit) {
			ctx.addIssue({
				code: 'custom',
				path: ['unit'],
				message: m.benefits_v_unit_needed()
			});
		}
		if (benefit.kind === 'kvantitativ' && !benefit.indicator) {
			ctx.addIssue({
				code: 'custom',
				path: ['indicator'],
				message: m.benefits_v_indicator()
			});
		}
		if (benefit.beneficiary === 'annet' && !benefit.beneficiaryOther) {
			ctx.addIssue({
				code: 'custom',
				path: ['beneficiaryOther'],
				message: m.benefits_v_beneficiary_other()
			});
		}
	});

const nodeKindField = z.enum(NODE_KINDS as [NodeKind, ...NodeKind[]], {
	error: () => m.benefits_v_node_kind()
});

export const linkSchema = z
	.object({
		fromKind: nodeKindField,
		fromId: idField(() => m.benefits_v_link_from()),
		toKind: nodeKindField,
		toId: idField(() => m.benefits_v_link_to())
	})
	.superRefine((link, ctx) => {
		const kindError = linkKindError(link.fromKind, link.toKind);
		if (kindError) ctx.addIssue({ code: 'custom', path: ['toId'], message: kindError });
		else if (link.fromKind === link.toKind && link.fromId === link.toId) {
			ctx.addIssue({
				code: 'custom',
				path: ['toId'],
				message: m.benefits_v_link_self()
			});
		}
	});

// ── Pricing ────────────────────────────────────────────────────────────────────────────────

export const estimateLineSchema = z.object({
	description: requiredText(() => m.benefits_v_line_description()),
	amountPerCase: integerField(
		() => m.benefits_v_line_amount(),
		0,
		MAX_KRONER,
		() => m.benefits_v_line_amount_range()
	),
	cases: integerField(
		() => m.benefits_v_line_cases(),
		0,
		1_000_000_000,
		() => m.benefits_v_line_cases_range()
	),
	sharePercent: decimalField(
		() => m.benefits_v_line_share(),
		0,
		100,
		() => m.benefits_v_line_share_range()
	)
});

const valueField = integerField(
	() => m.benefits_v_value(),
	-MAX_KRONER,
	MAX_KRONER,
	() => m.benefits_v_value_range()
);

export const baselineSchema = z.object({
	value: valueField,
	date: dayField(() => m.benefits_v_baseline_date()),
	method: requiredText(() => m.benefits_v_baseline_method(), 1000)
});

export const targetSchema = z.object({
	value: valueField,
	date: dayField(() => m.benefits_v_target_date())
});

/** Target checked against the saved baseline: a target cannot lie before it. */
export function targetSchemaAfter(baselineDate: string) {
	return targetSchema.refine((t) => t.date >= baselineDate, {
		path: ['date'],
		error: () => m.benefits_v_target_before()
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
		() => m.benefits_v_rate(),
		1,
		100_000,
		() => m.benefits_v_rate_range()
	),
	behindMarginPercent: integerField(
		() => m.benefits_v_margin(),
		0,
		100,
		() => m.benefits_v_margin_range()
	)
});

// ── Realisation ────────────────────────────────────────────────────────────────────────────

const evidenceField = optionalText(1000).refine(
	(value) => !/^https?:/i.test(value) || URL.canParse(value),
	{ error: () => m.benefits_v_link_invalid() }
);

const realisationBase = {
	period: periodField,
	comment: optionalText(2000),
	evidence: evidenceField,
	supersedesId: optionalId(() => m.benefits_v_supersedes()),
	// Required (in the write) when the corrected row was attested by the benefit's owner.
	correctionReason: optionalText(2000)
};

export const quantitativeRealisationSchema = z.object({
	...realisationBase,
	value: valueField
});

export const qualitativeRealisationSchema = z.object({
	...realisationBase,
	assessment: z.enum(ASSESSMENTS, { error: () => m.benefits_v_assessment() }),
	narrative: requiredText(() => m.benefits_v_narrative(), 4000)
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
	const params = { path: ['period'], error: () => m.benefits_v_period_before() };
	return kind === 'kvantitativ'
		? quantitativeRealisationSchema.refine(notBeforeBaseline, params)
		: qualitativeRealisationSchema.refine(notBeforeBaseline, params);
}

export const causeSchema = z.object({
	period: periodField,
	cause: requiredText(() => m.benefits_v_cause(), 2000),
	correctiveMeasure: requiredText(() => m.benefits_v_measure(), 2000)
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
		error: () => m.benefits_v_target_before()
	})
	.transform((p) => ({
		baseline: { value: p.baselineValue, date: p.baselineDate, method: p.baselineMethod },
		target: { value: p.targetValue, date: p.targetDate }
	}));
