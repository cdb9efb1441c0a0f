/**
 * Form schemas for the portfolio: mission, effect goals, tracks, projects, measures, status
 * changes and reports, scoring and risks. Used with `parseForm` from `./form`, so input is the
 * flat `FormValues` of a form post: strings, or string arrays for repeated keys.
 *
 * Empty fields are handled before any coercion so that a blank required field says
 * «Må fylles ut», never a type message like "expected number, received NaN".
 */
import { z } from 'zod';
import {
	canTransition,
	datesInOrder,
	isCalendarDay,
	isPeriod,
	transitionNeedsReason,
	type LensScores
} from '$lib/domain/portfolio/rules';
import {
	LENSES,
	LEVELS,
	LIFECYCLE_STATUSES,
	RAG_STATUSES,
	CONSEQUENCE_AREAS,
	RISK_STATUSES,
	type Lens,
	type LifecycleStatus,
	type ScaleValue
} from '$lib/domain/portfolio/vocabulary';
import { lifecycleLabel } from '$lib/labels';
import { m } from '$lib/paraglide/messages';

// The messages are functions, read when a form is parsed: in the request's language
// (messages/portfolio/*.json).
type Message = () => string;

const REQUIRED: Message = () => m.portfolio_field_required();
const INVALID: Message = () => m.portfolio_field_invalid();
const INVALID_CHOICE: Message = () => m.portfolio_field_invalid_choice();
const tooLong =
	(max: number): Message =>
	() =>
		m.portfolio_field_max({ max });

function isBlank(value: unknown): boolean {
	return value === undefined || (typeof value === 'string' && value.trim() === '');
}

function requiredText(max: number) {
	return z
		.string({ error: (issue) => (issue.input === undefined ? REQUIRED() : INVALID()) })
		.trim()
		.min(1, { error: REQUIRED })
		.max(max, { error: tooLong(max) });
}

/** Optional free text; blank becomes null so the database stores "no value", not ''. */
function optionalText(max: number) {
	return z
		.preprocess((v) => (isBlank(v) ? undefined : v), z.string({ error: INVALID }).trim().optional())
		.pipe(
			z
				.string()
				.max(max, { error: tooLong(max) })
				.optional()
		)
		.transform((v) => v ?? null);
}

function toNumber(value: unknown): unknown {
	if (isBlank(value)) return undefined;
	return typeof value === 'string' ? Number(value.trim()) : value;
}

function integer(min: number, max: number, rangeMessage: Message, requiredMessage = REQUIRED) {
	return z
		.number({
			error: (issue) => (issue.input === undefined ? requiredMessage() : m.portfolio_field_number())
		})
		.int({ error: () => m.portfolio_field_integer() })
		.min(min, { error: rangeMessage })
		.max(max, { error: rangeMessage });
}

function requiredInt(min: number, max: number, rangeMessage: Message, requiredMessage = REQUIRED) {
	return z.preprocess(toNumber, integer(min, max, rangeMessage, requiredMessage));
}

/** A required choice of a row id (select or hidden field). */
function idField(requiredMessage: Message) {
	return requiredInt(1, Number.MAX_SAFE_INTEGER, INVALID_CHOICE, requiredMessage);
}

/** Checkboxes or a multi-select: absent, one string or several. Errors land on the field. */
function idList(min = 0, minMessage: Message = () => '') {
	return z
		.preprocess(
			(value) => {
				const raw = value === undefined ? [] : Array.isArray(value) ? value : [value];
				const ids = raw.filter((v) => !isBlank(v)).map(toNumber);
				return ids.every((id) => Number.isSafeInteger(id) && (id as number) > 0) ? ids : null;
			},
			z.array(z.number(), { error: INVALID_CHOICE })
		)
		.transform((ids) => [...new Set(ids)])
		.refine((ids) => ids.length >= min, { error: minMessage });
}

function choice<const T extends readonly [string, ...string[]]>(values: T, message: Message) {
	return z.enum(values, { error: message });
}

function enumList<const T extends readonly [string, ...string[]]>(values: T) {
	return z.preprocess(
		(value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]),
		z.array(z.enum(values), { error: INVALID_CHOICE }).transform((v) => [...new Set(v)])
	);
}

/** Optional calendar day `YYYY-MM-DD` (what `<input type="date">` posts); blank → null. */
const optionalDay = z
	.preprocess(
		(v) => (isBlank(v) ? undefined : typeof v === 'string' ? v.trim() : v),
		z
			.string({ error: INVALID })
			.refine(isCalendarDay, { error: () => m.portfolio_field_day_format() })
			.optional()
	)
	.transform((v) => v ?? null);

/**
 * Cross-field checks normally skip once any field has failed to parse; running them anyway
 * shows every problem in one round trip. The checks guard their own field types.
 */
const evenWithFieldErrors: z.core.$ZodSuperRefineParams = {
	when: (payload) => typeof payload.value === 'object' && payload.value !== null
};

function checkDates(
	value: { startDate?: unknown; endDate?: unknown },
	ctx: z.RefinementCtx<unknown>
): void {
	const { startDate, endDate } = value;
	if (typeof startDate !== 'string' || typeof endDate !== 'string') return;
	if (!datesInOrder(startDate, endDate)) {
		ctx.addIssue({
			code: 'custom',
			message: m.portfolio_field_end_before_start(),
			path: ['endDate']
		});
	}
}

const ownerId = idField(() => m.portfolio_field_choose_owner());
const lifecycleStatus = choice(LIFECYCLE_STATUSES, () => m.portfolio_field_choose_status());
const version = requiredInt(
	0,
	Number.MAX_SAFE_INTEGER,
	() => m.portfolio_field_invalid_version(),
	() => m.portfolio_field_missing_version()
);

// ---------------------------------------------------------------------------------------------

const YEAR_RANGE: Message = () => m.portfolio_field_year_range();

export const missionSchema = z
	.object({
		grandChallenge: requiredText(500),
		statement: requiredText(2000),
		baselineYear: requiredInt(2000, 2100, YEAR_RANGE),
		targetYear: requiredInt(2000, 2100, YEAR_RANGE)
	})
	.superRefine((v, ctx) => {
		if (typeof v.baselineYear === 'number' && typeof v.targetYear === 'number') {
			if (v.targetYear < v.baselineYear) {
				ctx.addIssue({
					code: 'custom',
					message: m.portfolio_field_target_before_baseline(),
					path: ['targetYear']
				});
			}
		}
	}, evenWithFieldErrors);

export const effectGoalSchema = z.object({
	level: choice(LEVELS, () => m.portfolio_field_choose_level()),
	title: requiredText(300),
	indicator: requiredText(1000)
});

/** Seed 001 codes tracks 1A, 1B, 2 … 5. Lower case is accepted and stored upper case. */
export const TRACK_CODE = /^[0-9]{1,2}[A-Z]?$/;

// Uniqueness of the code within the mission needs the database; the action checks it.
export const trackSchema = z.object({
	code: z.preprocess(
		(v) => (typeof v === 'string' ? v.toUpperCase() : v),
		requiredText(3).regex(TRACK_CODE, { error: () => m.portfolio_field_track_code() })
	),
	title: requiredText(200),
	problemStatement: requiredText(4000),
	barriers: optionalText(4000),
	expectedEffectUser: optionalText(2000),
	expectedEffectService: optionalText(2000),
	expectedEffectSystem: optionalText(2000),
	ownerId,
	status: lifecycleStatus
});

const projectShape = {
	title: requiredText(200),
	description: optionalText(4000),
	ownerId,
	startDate: optionalDay,
	endDate: optionalDay,
	trackIds: idList(1, () => m.portfolio_field_choose_track()),
	/** Levels the project aims to change; feeds the portfolio balance. */
	levels: enumList(LEVELS)
};

export const newProjectSchema = z.object(projectShape).superRefine(checkDates, evenWithFieldErrors);

/** Editing: `version` is the row version the form was loaded with (lost-update check). */
export const projectSchema = z
	.object({ ...projectShape, version })
	.superRefine(checkDates, evenWithFieldErrors);

const measureShape = {
	projectId: idField(() => m.portfolio_field_choose_project()),
	title: requiredText(200),
	description: optionalText(4000),
	unitIds: idList(),
	ownerId,
	startDate: optionalDay,
	endDate: optionalDay
};

export const newMeasureSchema = z.object(measureShape).superRefine(checkDates, evenWithFieldErrors);
export const measureSchema = z
	.object({ ...measureShape, version })
	.superRefine(checkDates, evenWithFieldErrors);

export const statusChangeSchema = z
	.object({
		to: lifecycleStatus,
		reason: optionalText(1000)
	})
	.superRefine((v, ctx) => {
		if (typeof v.to === 'string' && transitionNeedsReason(v.to) && (v.reason ?? '').length < 3) {
			ctx.addIssue({
				code: 'custom',
				message: m.portfolio_field_reject_reason(),
				path: ['reason']
			});
		}
	}, evenWithFieldErrors);

/** The status change, also checked against the current status (see LIFECYCLE_TRANSITIONS). */
export function statusChangeSchemaFrom(from: LifecycleStatus) {
	return statusChangeSchema.superRefine((v, ctx) => {
		// `to` is only trusted once it is a known status; otherwise its own message stands.
		if (LIFECYCLE_STATUSES.includes(v.to) && !canTransition(from, v.to)) {
			ctx.addIssue({
				code: 'custom',
				message: m.portfolio_field_transition({
					from: lifecycleLabel(from),
					to: lifecycleLabel(v.to)
				}),
				path: ['to']
			});
		}
	}, evenWithFieldErrors);
}

export const statusReportSchema = z.object({
	period: requiredText(7).refine(isPeriod, { error: () => m.portfolio_field_period_format() }),
	rag: choice(RAG_STATUSES, () => m.portfolio_field_choose_rag()),
	narrative: requiredText(4000)
});

// ---------------------------------------------------------------------------------------------
// Scoring: one score field and one justification field per lens, e.g. `score_user` and
// `justification_user`. A lens may be left unscored; a scored lens needs a justification.

export const scoreField = (lens: Lens) => `score_${lens}` as const;
export const justificationField = (lens: Lens) => `justification_${lens}` as const;

const SCORE_RANGE: Message = () => m.portfolio_field_score_range();
const optionalScore = z.preprocess(toNumber, integer(1, 5, SCORE_RANGE).optional());
const justification = optionalText(1000);

export const scoringSchema = z
	.object({
		score_user: optionalScore,
		justification_user: justification,
		score_service: optionalScore,
		justification_service: justification,
		score_system: optionalScore,
		justification_system: justification,
		score_benefit: optionalScore,
		justification_benefit: justification,
		score_portfolio: optionalScore,
		justification_portfolio: justification
	})
	.superRefine((v, ctx) => {
		for (const lens of LENSES) {
			const score = v[scoreField(lens)];
			const text = v[justificationField(lens)];
			if (score !== undefined && (text ?? '').length < 3) {
				ctx.addIssue({
					code: 'custom',
					message: m.portfolio_field_justify_score(),
					path: [justificationField(lens)]
				});
			}
			// A justification without a score would be dropped on save; say so instead.
			if (score === undefined && text) {
				ctx.addIssue({
					code: 'custom',
					message: m.portfolio_field_score_for_justification(),
					path: [scoreField(lens)]
				});
			}
		}
	})
	.transform((v): LensScores => {
		const scores: LensScores = {};
		for (const lens of LENSES) {
			const score = v[scoreField(lens)];
			const text = v[justificationField(lens)];
			if (score !== undefined && text) scores[lens] = { score, justification: text };
		}
		return scores;
	});

// ---------------------------------------------------------------------------------------------

const scale = (requiredMessage: Message) =>
	requiredInt(1, 5, SCORE_RANGE, requiredMessage).transform((v) => v as ScaleValue);

export const riskSchema = z.object({
	title: requiredText(200),
	description: optionalText(4000),
	likelihood: scale(() => m.portfolio_field_choose_likelihood()),
	consequence: scale(() => m.portfolio_field_choose_consequence()),
	area: choice(CONSEQUENCE_AREAS, () => m.portfolio_field_choose_area()),
	mitigation: optionalText(4000),
	ownerId,
	status: choice(RISK_STATUSES, () => m.portfolio_field_choose_status())
});

export type MissionInput = z.output<typeof missionSchema>;
export type EffectGoalInput = z.output<typeof effectGoalSchema>;
export type TrackInput = z.output<typeof trackSchema>;
export type NewProjectInput = z.output<typeof newProjectSchema>;
export type ProjectInput = z.output<typeof projectSchema>;
export type NewMeasureInput = z.output<typeof newMeasureSchema>;
export type MeasureInput = z.output<typeof measureSchema>;
export type StatusChangeInput = z.output<typeof statusChangeSchema>;
export type StatusReportInput = z.output<typeof statusReportSchema>;
export type ScoringInput = z.output<typeof scoringSchema>;
export type RiskInput = z.output<typeof riskSchema>;
