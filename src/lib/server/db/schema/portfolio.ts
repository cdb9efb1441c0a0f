/**
 * The portfolio hierarchy (seed 001 «Begrepshierarki»; README, «Hva du finner hvor»):
 * mission → effect goals and mission tracks → projects (in one or more tracks) → measures
 * (carried out by one or more units). Status changes, monthly status reports, the five
 * prioritisation lenses and ROS risks hang off tracks, projects and measures.
 */
import { sql } from 'drizzle-orm';
import {
	check,
	index,
	integer,
	primaryKey,
	sqliteTable,
	text,
	uniqueIndex
} from 'drizzle-orm/sqlite-core';
import {
	LENSES,
	LEVELS,
	LIFECYCLE_STATUSES,
	RAG_STATUSES,
	CONSEQUENCE_AREAS,
	RISK_STATUSES
} from '../../../domain/portfolio/vocabulary';
import { user } from './auth';
import { unit } from './org';
import { createdAt, linkTable, requiredRef, rowId, version } from './columns';

export const mission = sqliteTable('mission', {
	id: rowId(),
	grandChallenge: text('grand_challenge').notNull(),
	statement: text('statement').notNull(),
	baselineYear: integer('baseline_year').notNull(),
	targetYear: integer('target_year').notNull(),
	// Timesats: whole kroner per hour, used to show hour benefits in kroner.
	hourlyRateKroner: integer('hourly_rate_kroner'),
	// The «bak plan» tolerance of a benefit without its own (domain/benefits/health.ts, toleranceOf).
	behindPlanMarginPercent: integer('behind_plan_margin_percent').notNull().default(20),
	version: version(),
	createdAt: createdAt()
});

export const effectGoal = sqliteTable(
	'effect_goal',
	{
		id: rowId(),
		missionId: requiredRef('mission_id', () => mission.id),
		// «Effektmål 1», «Effektmål 2» … in the order the mission lists them.
		number: integer('number').notNull(),
		level: text('level', { enum: LEVELS }).notNull(),
		title: text('title').notNull(),
		indicator: text('indicator').notNull(),
		// Lost-update check: a save carries the version it was loaded with.
		version: version(),
		archivedAt: integer('archived_at', { mode: 'timestamp_ms' }),
		createdAt: createdAt()
	},
	(t) => [index('effect_goal_mission_idx').on(t.missionId)]
);

export const track = sqliteTable(
	'track',
	{
		id: rowId(),
		missionId: requiredRef('mission_id', () => mission.id),
		code: text('code').notNull(),
		title: text('title').notNull(),
		problemStatement: text('problem_statement').notNull(),
		barriers: text('barriers'),
		expectedEffectUser: text('expected_effect_user'),
		expectedEffectService: text('expected_effect_service'),
		expectedEffectSystem: text('expected_effect_system'),
		ownerId: integer('owner_id').references(() => user.id),
		status: text('status', { enum: LIFECYCLE_STATUSES }).notNull().default('proposed'),
		// Seed 001: 1A/1B and 5 were prioritised by the steering group.
		prioritised: integer('prioritised', { mode: 'boolean' }).notNull().default(false),
		// Lost-update check: a save carries the version it was loaded with.
		version: version(),
		archivedAt: integer('archived_at', { mode: 'timestamp_ms' }),
		createdAt: createdAt()
	},
	(t) => [uniqueIndex('track_mission_code_unique').on(t.missionId, t.code)]
);

export const project = sqliteTable(
	'project',
	{
		id: rowId(),
		missionId: requiredRef('mission_id', () => mission.id),
		title: text('title').notNull(),
		description: text('description'),
		ownerId: integer('owner_id').references(() => user.id),
		// Calendar days, YYYY-MM-DD.
		startDate: text('start_date'),
		endDate: text('end_date'),
		status: text('status', { enum: LIFECYCLE_STATUSES }).notNull().default('proposed'),
		// The levels the project aims to change (JSON array of LEVELS); feeds portfolio balance.
		levels: text('levels', { mode: 'json' }).$type<(typeof LEVELS)[number][]>().notNull(),
		version: version(),
		// The steering group's lens scores are their own form: an owner's edit of the project
		// must not refuse a scorer's save, so the score set has its own lost-update version.
		scoresVersion: integer('scores_version').notNull().default(0),
		archivedAt: integer('archived_at', { mode: 'timestamp_ms' }),
		createdAt: createdAt()
	},
	(t) => [index('project_mission_idx').on(t.missionId), index('project_owner_idx').on(t.ownerId)]
);

/** Seed 001: «Noen prosjekter vil naturlig kobles opp til flere mission-spor». */
export const projectTrack = linkTable(
	'project_track',
	['projectId', 'project_id', () => project.id],
	['trackId', 'track_id', () => track.id]
);

export const measure = sqliteTable(
	'measure',
	{
		id: rowId(),
		projectId: requiredRef('project_id', () => project.id),
		title: text('title').notNull(),
		description: text('description'),
		ownerId: integer('owner_id').references(() => user.id),
		startDate: text('start_date'),
		endDate: text('end_date'),
		status: text('status', { enum: LIFECYCLE_STATUSES }).notNull().default('proposed'),
		version: version(),
		archivedAt: integer('archived_at', { mode: 'timestamp_ms' }),
		createdAt: createdAt()
	},
	(t) => [index('measure_project_idx').on(t.projectId), index('measure_owner_idx').on(t.ownerId)]
);

export const measureUnit = linkTable(
	'measure_unit',
	['measureId', 'measure_id', () => measure.id],
	['unitId', 'unit_id', () => unit.id]
);

export const STATUS_SUBJECTS = ['track', 'project', 'measure'] as const;
export const REPORT_SUBJECTS = ['project', 'measure'] as const;

/** Lifecycle history: the date and reason of every status change are kept. */
export const statusChange = sqliteTable(
	'status_change',
	{
		id: rowId(),
		subject: text('subject', { enum: STATUS_SUBJECTS }).notNull(),
		subjectId: integer('subject_id').notNull(),
		// Null for the first status a row was created with.
		fromStatus: text('from_status', { enum: LIFECYCLE_STATUSES }),
		toStatus: text('to_status', { enum: LIFECYCLE_STATUSES }).notNull(),
		reason: text('reason'),
		actorId: integer('actor_id').references(() => user.id),
		at: integer('at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [
		index('status_change_subject_idx').on(t.subject, t.subjectId),
		// The portfolio funnel asks, per item, whether it ever reached a stage: answered from the
		// index alone (db/queries/portfolio-ranking.ts).
		index('status_change_subject_status_idx').on(t.subject, t.subjectId, t.toStatus),
		// «Siden forrige møte» on /styring: the changes since a day, newest first; with the old
		// status in the index, counting the window's changes reads the index alone.
		index('status_change_at_idx').on(t.at, t.fromStatus)
	]
);

/** Monthly red/amber/green report with a narrative; one per subject and month. */
export const statusReport = sqliteTable(
	'status_report',
	{
		id: rowId(),
		subject: text('subject', { enum: REPORT_SUBJECTS }).notNull(),
		subjectId: integer('subject_id').notNull(),
		// YYYY-MM
		period: text('period').notNull(),
		rag: text('rag', { enum: RAG_STATUSES }).notNull(),
		narrative: text('narrative').notNull(),
		authorId: integer('author_id').references(() => user.id),
		createdAt: createdAt()
	},
	(t) => [
		uniqueIndex('status_report_subject_period').on(t.subject, t.subjectId, t.period),
		// «Siden forrige møte» reads the reports written in a window and compares each one's
		// colour with the report before it (queries/steering.ts): both read only these indexes,
		// 13 000 reports counted in 20 ms instead of 70 ms at national scale.
		index('status_report_created').on(t.createdAt, t.subject, t.subjectId, t.period, t.rag),
		index('status_report_subject_rag').on(t.subject, t.subjectId, t.period, t.rag)
	]
);

/** Seed 001 «Kriterier for prioritering»: one score 1–5 per lens, with a justification. */
export const projectScore = sqliteTable(
	'project_score',
	{
		projectId: requiredRef('project_id', () => project.id),
		lens: text('lens', { enum: LENSES }).notNull(),
		score: integer('score').notNull(),
		justification: text('justification').notNull(),
		scoredBy: integer('scored_by').references(() => user.id),
		scoredAt: integer('scored_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [
		primaryKey({ columns: [t.projectId, t.lens] }),
		check('project_score_range', sql`${t.score} between 1 and 5`)
	]
);

/** ROS risks on a project or a measure (seed 004): exactly one of the two is set. */
export const risk = sqliteTable(
	'risk',
	{
		id: rowId(),
		projectId: integer('project_id').references(() => project.id),
		measureId: integer('measure_id').references(() => measure.id),
		title: text('title').notNull(),
		description: text('description'),
		likelihood: integer('likelihood').notNull(),
		consequence: integer('consequence').notNull(),
		area: text('area', { enum: CONSEQUENCE_AREAS }).notNull(),
		mitigation: text('mitigation'),
		ownerId: integer('owner_id').references(() => user.id),
		status: text('status', { enum: RISK_STATUSES }).notNull().default('open'),
		version: version(),
		createdAt: createdAt()
	},
	(t) => [
		index('risk_project_idx').on(t.projectId),
		index('risk_measure_idx').on(t.measureId),
		// «Siden forrige møte» on /styring: risks registered since a day.
		index('risk_created_idx').on(t.createdAt),
		check('risk_one_subject', sql`(${t.projectId} is null) <> (${t.measureId} is null)`),
		check('risk_likelihood_range', sql`${t.likelihood} between 1 and 5`),
		check('risk_consequence_range', sql`${t.consequence} between 1 and 5`)
	]
);

export type Mission = typeof mission.$inferSelect;
export type EffectGoal = typeof effectGoal.$inferSelect;
export type Track = typeof track.$inferSelect;
export type Project = typeof project.$inferSelect;
export type Measure = typeof measure.$inferSelect;
export type StatusChange = typeof statusChange.$inferSelect;
export type StatusReport = typeof statusReport.$inferSelect;
export type ProjectScore = typeof projectScore.$inferSelect;
export type Risk = typeof risk.$inferSelect;
