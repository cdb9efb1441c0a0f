/**
 * Benefit governance (DOMAIN.md «Benefit governance»; DFØ documents realised gains against the
 * nullpunkt): a benefit's baseline, target and planned path as versions — once the plan is
 * approved («frozen», benefit.plan_frozen_at) a change is a request with a reason that a
 * steering member approves or rejects, and the approved version stays in force until then —,
 * the owner's attestation and a validator's confirmation of a period's realised value, and the
 * owner's forecast per period.
 */
import { sql } from 'drizzle-orm';
import {
	check,
	index,
	integer,
	sqliteTable,
	text,
	uniqueIndex,
	type AnySQLiteColumn
} from 'drizzle-orm/sqlite-core';
import {
	BENEFIT_DIRECTIONS,
	CONFIRMATION_KINDS,
	PLAN_VERSION_STATUSES
} from '../../../domain/benefits/vocabulary';
import type { AutomaticReason } from '../../../domain/benefits/timing';
import { user } from './auth';
import { benefit, realisation } from './benefits';
import { evidenceFile } from './control';
import { requiredRef, rowId, version } from './columns';

/**
 * One version of baseline, target and plan. Version 1 is what the plan was approved with;
 * each later one is a request. `basedOnId` is the approved version the request was made
 * against: approving it after another approval (the plan changed since) is refused.
 */
export const benefitPlanVersion = sqliteTable(
	'benefit_plan_version',
	{
		id: rowId(),
		benefitId: requiredRef('benefit_id', () => benefit.id),
		/** 1, 2, 3 … per benefit. */
		number: integer('number').notNull(),
		status: text('status', { enum: PLAN_VERSION_STATUSES }).notNull(),
		basedOnId: integer('based_on_id').references((): AnySQLiteColumn => benefitPlanVersion.id),
		// Nullpunktsmåling: value, day, method, source, and evidence (a link or a stored file).
		baselineValue: integer('baseline_value'),
		baselineDate: text('baseline_date'),
		baselineMethod: text('baseline_method'),
		baselineSource: text('baseline_source'),
		evidenceUrl: text('evidence_url'),
		evidenceSha256: text('evidence_sha256').references(() => evidenceFile.sha256),
		evidenceFileName: text('evidence_file_name'),
		evidenceMediaType: text('evidence_media_type'),
		targetValue: integer('target_value'),
		targetDate: text('target_date'),
		/** The planned path, `[{ "period": "YYYY-MM", "value": n }, …]` in period order. */
		plan: text('plan', { mode: 'json' })
			.$type<{ period: string; value: number }[]>()
			.notNull()
			.default(sql`'[]'`),
		/**
		 * The estimate lines, `[{ "description", "amountPerCase", "cases", "sharePercent" }, …]`:
		 * as approved in version 1, as proposed in a request; null where a request leaves them
		 * as they are (and in versions made before lines were kept).
		 */
		lines: text('lines', { mode: 'json' }).$type<
			{ description: string; amountPerCase: number; cases: number; sharePercent: number }[]
		>(),
		/**
		 * How the benefit is judged (benefit.direction, tolerance_percent, disbenefit): as
		 * approved in version 1; in a request, null where it leaves them as they are.
		 */
		direction: text('direction', { enum: BENEFIT_DIRECTIONS }),
		tolerancePercent: integer('tolerance_percent'),
		disbenefit: integer('disbenefit', { mode: 'boolean' }),
		/** The reason in words: a person's own, or the system's in bokmål (`reasonParams`). */
		reason: text('reason').notNull().default(''),
		/**
		 * A reason the system gave (a measure slipped), as data (domain/benefits/timing.ts
		 * `AutomaticReason`), read in each reader's language. Null for a person's own reason,
		 * and on requests stored before: their `reason`, in bokmål, is read as it is.
		 */
		reasonParams: text('reason_params', { mode: 'json' }).$type<AutomaticReason>(),
		requestedById: integer('requested_by_id').references(() => user.id),
		requestedAt: integer('requested_at', { mode: 'timestamp_ms' }).notNull(),
		decidedById: integer('decided_by_id').references(() => user.id),
		decidedAt: integer('decided_at', { mode: 'timestamp_ms' }),
		decisionNote: text('decision_note'),
		version: version()
	},
	(t) => [
		uniqueIndex('benefit_plan_version_number_unique').on(t.benefitId, t.number),
		// At most one version in force and one request waiting per benefit.
		uniqueIndex('benefit_plan_version_approved_unique')
			.on(t.benefitId)
			.where(sql`${t.status} = 'approved'`),
		uniqueIndex('benefit_plan_version_requested_unique')
			.on(t.benefitId)
			.where(sql`${t.status} = 'requested'`),
		// Requests waiting for a decision, for the steering page.
		index('benefit_plan_version_status_idx').on(t.status, t.requestedAt),
		check(
			'benefit_plan_version_decided',
			sql`(${t.status} = 'requested' and ${t.decidedAt} is null) or ${t.status} <> 'requested'`
		)
	]
);

/**
 * The owner's attestation («I confirm this is the measured value for October 2026») or a
 * validator's confirmation of one realisation row. An attested period is locked: a correction
 * is a new realisation that supersedes the attested one, with a reason, and is attested anew.
 */
export const realisationConfirmation = sqliteTable(
	'realisation_confirmation',
	{
		id: rowId(),
		realisationId: requiredRef('realisation_id', () => realisation.id),
		benefitId: requiredRef('benefit_id', () => benefit.id),
		/** `YYYY-MM`, the realisation's period. */
		period: text('period').notNull(),
		kind: text('kind', { enum: CONFIRMATION_KINDS }).notNull(),
		byId: requiredRef('by_id', () => user.id),
		at: integer('at', { mode: 'timestamp_ms' }).notNull(),
		statement: text('statement').notNull()
	},
	(t) => [
		uniqueIndex('realisation_confirmation_unique').on(t.realisationId, t.kind),
		index('realisation_confirmation_benefit_idx').on(t.benefitId, t.period)
	]
);

/** The owner's forecast (prognose) per period: what they now expect to realise. */
export const benefitForecast = sqliteTable(
	'benefit_forecast',
	{
		id: rowId(),
		benefitId: requiredRef('benefit_id', () => benefit.id),
		period: text('period').notNull(),
		value: integer('value').notNull(),
		updatedById: integer('updated_by_id').references(() => user.id),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [uniqueIndex('benefit_forecast_unique').on(t.benefitId, t.period)]
);

/**
 * The realisations whose period still waits for the owner's attestation: the effective entry
 * (not superseded by a correction) with no attestation. Kept by triggers on `realisation` and
 * `realisation_confirmation` (migration 0020), so every writer keeps it right; the steering
 * group's count and list read it instead of testing a million realisations (bench/results).
 */
export const attestationWaiting = sqliteTable(
	'attestation_waiting',
	{
		realisationId: integer('realisation_id')
			.primaryKey()
			.references(() => realisation.id),
		benefitId: requiredRef('benefit_id', () => benefit.id),
		period: text('period').notNull()
	},
	(t) => [
		index('attestation_waiting_period_idx').on(t.period, t.realisationId),
		index('attestation_waiting_benefit_idx').on(t.benefitId)
	]
);

export type BenefitPlanVersion = typeof benefitPlanVersion.$inferSelect;
export type RealisationConfirmation = typeof realisationConfirmation.$inferSelect;
export type BenefitForecast = typeof benefitForecast.$inferSelect;
