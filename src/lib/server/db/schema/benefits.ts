/**
 * Benefit maps and gain realisation (seed 001 chapter 6 «Gevinstarbeid»; README,
 * «Hva du finner hvor»). Changes and benefits belong to a
 * project; links between measures, changes, benefits and effect goals form a DAG (checked in
 * `domain/benefits/graph.ts` before a link is stored). Realisations are never edited: a
 * correction is a new row that supersedes an older one.
 */
import { MEASUREMENT_FREQUENCIES } from '../../../domain/control/vocabulary';
import { sql } from 'drizzle-orm';
import {
	check,
	index,
	integer,
	primaryKey,
	sqliteTable,
	text,
	uniqueIndex,
	type AnySQLiteColumn
} from 'drizzle-orm/sqlite-core';
import {
	ASSESSMENTS,
	BENEFICIARIES,
	BENEFIT_KINDS,
	BENEFIT_LEVELS,
	BENEFIT_UNITS,
	QUALITY_DIMENSIONS,
	TAKEOUT_METHODS,
	NODE_KINDS,
	type NodeKind,
	BENEFIT_DIRECTIONS
} from '../../../domain/benefits/vocabulary';
import { user } from './auth';
import { measure, project } from './portfolio';
import { LIFECYCLE_STATUSES } from '../../../domain/portfolio/vocabulary';
import { createdAt, requiredRef, rowId, version } from './columns';

/** Endring: a foreløpig or mellomliggende change between a measure and a benefit. */
export const benefitChange = sqliteTable(
	'benefit_change',
	{
		id: rowId(),
		projectId: requiredRef('project_id', () => project.id),
		title: text('title').notNull(),
		description: text('description').notNull().default(''),
		// Lost-update check: a save carries the version it was loaded with.
		version: version(),
		createdAt: createdAt()
	},
	(t) => [index('benefit_change_project_idx').on(t.projectId)]
);

export const benefit = sqliteTable(
	'benefit',
	{
		id: rowId(),
		projectId: requiredRef('project_id', () => project.id),
		title: text('title').notNull(),
		description: text('description').notNull().default(''),
		level: text('level', { enum: BENEFIT_LEVELS }).notNull(),
		kind: text('kind', { enum: BENEFIT_KINDS }).notNull(),
		// Null for qualitative benefits.
		unit: text('unit', { enum: BENEFIT_UNITS }),
		beneficiary: text('beneficiary', { enum: BENEFICIARIES }).notNull(),
		beneficiaryOther: text('beneficiary_other').notNull().default(''),
		qualityDimensions: text('quality_dimensions', { mode: 'json' })
			.$type<(typeof QUALITY_DIMENSIONS)[number][]>()
			.notNull()
			.default(sql`'[]'`),
		// Gevinsteier: logs realisations for this benefit.
		ownerId: integer('owner_id').references(() => user.id),
		indicator: text('indicator').notNull().default(''),
		measurement: text('measurement').notNull().default(''),
		// How often the owner measures: the benefit's measurement dates in the wheel (ring
		// «Gevinstmåling»). Null: no measurement dates.
		measurementFrequency: text('measurement_frequency', { enum: MEASUREMENT_FREQUENCIES }),
		takeout: text('takeout', { enum: TAKEOUT_METHODS }).notNull(),
		// Nullpunkt and target, whole units; days YYYY-MM-DD.
		baselineValue: integer('baseline_value'),
		baselineDate: text('baseline_date'),
		baselineMethod: text('baseline_method'),
		targetValue: integer('target_value'),
		targetDate: text('target_date'),
		// Governance (schema/benefit-governance.ts): a dis-benefit (ulempe) counts against the
		// gains; direction and tolerance decide its status; once the plan is frozen, baseline,
		// target and plan change only by an approved request; a validator (often økonomi)
		// confirms kroner gains; realising may wait for a measure to reach a status.
		disbenefit: integer('disbenefit', { mode: 'boolean' }).notNull().default(false),
		direction: text('direction', { enum: BENEFIT_DIRECTIONS }).notNull().default('higher'),
		/** Percent of the planned value the realised may fall short before «behind». */
		tolerancePercent: integer('tolerance_percent').notNull().default(10),
		planFrozenAt: integer('plan_frozen_at', { mode: 'timestamp_ms' }),
		validatorId: integer('validator_id').references(() => user.id),
		startMeasureId: integer('start_measure_id').references(() => measure.id),
		startMeasureStatus: text('start_measure_status', { enum: LIFECYCLE_STATUSES }),
		// Lost-update check for both forms that edit the row (the benefit, and baseline and target).
		version: version(),
		createdAt: createdAt()
	},
	(t) => [index('benefit_project_idx').on(t.projectId), index('benefit_owner_idx').on(t.ownerId)]
);

/** A directed link in a project's map; ids point into the table named by the kind. */
export const benefitLink = sqliteTable(
	'benefit_link',
	{
		id: rowId(),
		projectId: requiredRef('project_id', () => project.id),
		fromKind: text('from_kind', { enum: NODE_KINDS as [NodeKind, ...NodeKind[]] }).notNull(),
		fromId: integer('from_id').notNull(),
		toKind: text('to_kind', { enum: NODE_KINDS as [NodeKind, ...NodeKind[]] }).notNull(),
		toId: integer('to_id').notNull(),
		createdAt: createdAt()
	},
	(t) => [
		uniqueIndex('benefit_link_unique').on(t.fromKind, t.fromId, t.toKind, t.toId),
		index('benefit_link_project_idx').on(t.projectId)
	]
);

/** Seed 001, page BRUKER: one line of a priced estimate. */
export const estimateLine = sqliteTable(
	'estimate_line',
	{
		id: rowId(),
		benefitId: requiredRef('benefit_id', () => benefit.id),
		description: text('description').notNull(),
		amountPerCase: integer('amount_per_case').notNull(),
		cases: integer('cases').notNull(),
		// Hundredths of a percent (12,5 % = 1250): exact, no floats in the database.
		shareHundredths: integer('share_hundredths').notNull(),
		// Lost-update check: a save carries the version it was loaded with.
		version: version(),
		createdAt: createdAt()
	},
	(t) => [
		index('estimate_line_benefit_idx').on(t.benefitId),
		check('estimate_line_share_range', sql`${t.shareHundredths} between 0 and 10000`)
	]
);

/** A plan «given per period»: fixed planned values; months between are interpolated. */
export const plannedPeriod = sqliteTable(
	'planned_period',
	{
		id: rowId(),
		benefitId: requiredRef('benefit_id', () => benefit.id),
		period: text('period').notNull(),
		value: integer('value').notNull()
	},
	(t) => [uniqueIndex('planned_period_unique').on(t.benefitId, t.period)]
);

export const realisation = sqliteTable(
	'realisation',
	{
		id: rowId(),
		benefitId: requiredRef('benefit_id', () => benefit.id),
		// YYYY-MM
		period: text('period').notNull(),
		// Quantitative: the gain logged for the month. Qualitative: null.
		value: integer('value'),
		assessment: text('assessment', { enum: ASSESSMENTS }),
		narrative: text('narrative').notNull().default(''),
		comment: text('comment').notNull().default(''),
		evidence: text('evidence').notNull().default(''),
		supersedesId: integer('supersedes_id').references((): AnySQLiteColumn => realisation.id),
		// Why this entry supersedes another: required once the superseded period was attested.
		correctionReason: text('correction_reason'),
		authorId: integer('author_id').references(() => user.id),
		createdAt: createdAt()
	},
	(t) => [
		// «Still counts» is «no row of the benefit supersedes it»: one seek, not a walk through
		// the benefit's rows for every row tested (a month corrected 1 000 times made each
		// write walk 1 000 rows a thousand times).
		index('realisation_benefit_idx').on(t.benefitId, t.supersedesId),
		// A month's current and attested values, looked up on every write.
		index('realisation_benefit_period_idx').on(t.benefitId, t.period),
		// «Siden forrige møte» on /styring: realisations logged since a day, without reading a
		// million rows.
		index('realisation_created_idx').on(t.createdAt)
	]
);

/** Behind plan: the owner's cause and corrective measure for one month. */
export const behindPlanFollowUp = sqliteTable(
	'behind_plan_follow_up',
	{
		id: rowId(),
		benefitId: requiredRef('benefit_id', () => benefit.id),
		period: text('period').notNull(),
		cause: text('cause').notNull(),
		correctiveMeasure: text('corrective_measure').notNull(),
		authorId: integer('author_id').references(() => user.id),
		createdAt: createdAt()
	},
	(t) => [index('behind_plan_follow_up_benefit_idx').on(t.benefitId)]
);

export type BenefitChange = typeof benefitChange.$inferSelect;
export type Benefit = typeof benefit.$inferSelect;
export type BenefitLink = typeof benefitLink.$inferSelect;
export type EstimateLineRow = typeof estimateLine.$inferSelect;
export type Realisation = typeof realisation.$inferSelect;
export type BehindPlanFollowUp = typeof behindPlanFollowUp.$inferSelect;

/*
 * Roll-ups of gain figures, kept in step with the rows above inside every write that changes
 * them (db/queries/gain-rollups.ts), so the benefit pages read sums and series without reading
 * realisations. Derived data only: `rebuildGainRollups` recomputes all of it from the rows
 * above, and does so when the database is opened with the roll-ups empty. No foreign keys:
 * a cache row must never stop a benefit from being deleted.
 */

/**
 * Per benefit: the estimate (sum of the rounded line totals, `estimateTotal`) and the plan
 * status at the latest logged month (`latestPlanStatus`): the month, the planned value and the
 * cumulative realised value, both absolute (baseline included); and the plan and forecast at
 * the target month.
 */
export const benefitFigure = sqliteTable('benefit_figure', {
	benefitId: integer('benefit_id').primaryKey(),
	estimate: integer('estimate'),
	statusPeriod: text('status_period'),
	statusPlanned: integer('status_planned'),
	statusRealised: integer('status_realised'),
	/**
	 * With a status: the planned value at the target month, and what the owner's forecast says
	 * the value will be then (`forecastAtEnd`; null without a forecast ahead of the status).
	 * Kept so lists can judge «i faresonen» (`AT_RISK`, gain-lists.ts) without the path.
	 */
	endPlanned: integer('end_planned'),
	forecastEnd: integer('forecast_end')
});

/**
 * The scopes sums and series are kept for: the mission, each track, each project; and each
 * effect goal a benefit is linked to directly in its map (sums only, for /styring).
 */
export const ROLLUP_SCOPES = ['mission', 'track', 'project', 'goal'] as const;
/**
 * Units kept apart: kroner and hours are summed; every other benefit is only counted. A
 * dis-benefit's sums are kept under `ulempe_` + its unit, so they count against the gains
 * (domain/benefits/net.ts). Text without a CHECK, so the codes need no migration.
 */
export const ROLLUP_UNITS = [
	'kr',
	'timer',
	'other',
	'ulempe_kr',
	'ulempe_timer',
	'ulempe_other'
] as const;

/**
 * Sums per scope, level and unit of the benefits of live projects (`rollUp`): how many
 * benefits, and the sums of estimate, planned gain and realised gain at each benefit's latest
 * logged month (gains are relative to the baseline, `figuresFor`).
 */
export const gainTotal = sqliteTable(
	'gain_total',
	{
		scope: text('scope', { enum: ROLLUP_SCOPES }).notNull(),
		scopeId: integer('scope_id').notNull(),
		level: text('level', { enum: BENEFIT_LEVELS }).notNull(),
		unit: text('unit', { enum: ROLLUP_UNITS }).notNull(),
		benefits: integer('benefits').notNull().default(0),
		estimate: integer('estimate').notNull().default(0),
		planned: integer('planned').notNull().default(0),
		realised: integer('realised').notNull().default(0)
	},
	(t) => [primaryKey({ columns: [t.scope, t.scopeId, t.level, t.unit] })]
);

/**
 * The combined monthly series of planned and cumulative realised values in kr and hours
 * (`combineSeries`), per mission and track, level and unit, as changes per month: the value
 * in a month is the sum of the rows up to it, the row `0000-00` holding the values before any
 * path starts. The counts mark where paths and realised values begin and end, which decides
 * the months shown and where the realised line stops.
 */
export const gainSeries = sqliteTable(
	'gain_series',
	{
		scope: text('scope', { enum: ROLLUP_SCOPES }).notNull(),
		scopeId: integer('scope_id').notNull(),
		level: text('level', { enum: BENEFIT_LEVELS }).notNull(),
		unit: text('unit', { enum: ROLLUP_UNITS }).notNull(),
		period: text('period').notNull(),
		planned: integer('planned').notNull().default(0),
		realised: integer('realised').notNull().default(0),
		pathStarts: integer('path_starts').notNull().default(0),
		pathEnds: integer('path_ends').notNull().default(0),
		pointStarts: integer('point_starts').notNull().default(0),
		pointEnds: integer('point_ends').notNull().default(0)
	},
	(t) => [primaryKey({ columns: [t.scope, t.scopeId, t.level, t.unit, t.period] })]
);
