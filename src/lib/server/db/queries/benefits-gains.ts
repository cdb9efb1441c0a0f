/**
 * Pricing, plan and realisation verbs for one benefit. Realisations are only ever
 * inserted: a correction is a new row naming the one it supersedes, so the history stays.
 */
import { and, eq } from 'drizzle-orm';
import { db, type Queryable, type Tx } from '..';
import { writeAudit } from './audit';
import { behindPlanFollowUp, benefit, estimateLine, plannedPeriod, realisation } from '../schema';
import type {
	BaselineInput,
	CauseInput,
	EstimateLineInput,
	QualitativeRealisationInput,
	QuantitativeRealisationInput,
	TargetInput
} from '$lib/schemas/benefits';
import type { Versioned, WriteResult } from '../../result';
import { writeTransaction } from './write';
import { benefitReads, byIds } from './benefits-reads';
import { withGainRollups } from './gain-rollups';
import { estimateFits } from '$lib/domain/benefits/gain-estimates';
import {
	currentRealisation,
	isAttested,
	isSuperseded,
	lockedRealisation
} from './benefits-attestation';

export type EstimateLineRow = typeof estimateLine.$inferSelect;
export type RealisationRow = typeof realisation.$inferSelect;
export type FollowUpRow = typeof behindPlanFollowUp.$inferSelect;
export type PlannedPeriodRow = typeof plannedPeriod.$inferSelect;

export function listEstimateLines(benefitIds: number[]): EstimateLineRow[] {
	if (!benefitIds.length) return [];
	return benefitReads().estimateLines.all(byIds(benefitIds));
}

export function listRealisations(benefitIds: number[]): RealisationRow[] {
	if (!benefitIds.length) return [];
	return benefitReads().realisations.all(byIds(benefitIds));
}

export function listPlannedPeriods(benefitIds: number[]): PlannedPeriodRow[] {
	if (!benefitIds.length) return [];
	return benefitReads().plannedPeriods.all(byIds(benefitIds));
}

export function listFollowUps(benefitIds: number[]): FollowUpRow[] {
	if (!benefitIds.length) return [];
	return benefitReads().followUps.all(byIds(benefitIds));
}

/** A line of this benefit, or undefined (also for a line of another benefit). */
export function getEstimateLine(benefitId: number, lineId: number): EstimateLineRow | undefined {
	return findLine(db, benefitId, lineId);
}

/** A line of this benefit (a line id of another benefit is not found). */
function findLine(tx: Queryable, benefitId: number, lineId: number) {
	return tx
		.select()
		.from(estimateLine)
		.where(and(eq(estimateLine.id, lineId), eq(estimateLine.benefitId, benefitId)))
		.get();
}

/**
 * Whether the benefit's plan is frozen (approved): then its baseline, target, planned months
 * and estimate change only by an approved request (benefits-plan.ts), so the direct verbs
 * here refuse with `plan_frozen`. Checked in the write's own transaction, so a form loaded
 * before the freeze cannot slip a change past it.
 */
function planFrozen(tx: Queryable, benefitId: number): boolean {
	return !!tx
		.select({ at: benefit.planFrozenAt })
		.from(benefit)
		.where(eq(benefit.id, benefitId))
		.get()?.at;
}

const FROZEN = { ok: false, reason: 'plan_frozen' } as const;

/**
 * Deletes a row of the benefit's plan (an estimate line, a planned month) while the plan is not
 * frozen: found as this benefit's, removed with the sums following, and audited with what it was.
 */
function deletePlanRow(
	benefitId: number,
	row: { entity: 'estimate_line' | 'planned_period'; id: number },
	actorId: number,
	now: Date,
	{ find, remove }: { find: (tx: Tx) => object | undefined; remove: (tx: Tx) => unknown }
): WriteResult {
	return db.transaction((tx) => {
		const before = find(tx);
		if (!before) return { ok: false, reason: 'not_found' } as const;
		if (planFrozen(tx, benefitId)) return FROZEN;
		withGainRollups([benefitId], () => remove(tx));
		writeAudit(tx, now, {
			actorId,
			entity: row.entity,
			entityId: row.id,
			action: 'delete',
			before
		});
		return { ok: true, value: undefined } as const;
	});
}

/** The stored form of a line: the share in hundredths of a percent, exact. */
function lineValues(input: EstimateLineInput) {
	return {
		description: input.description,
		amountPerCase: input.amountPerCase,
		cases: input.cases,
		shareHundredths: Math.round(input.sharePercent * 100)
	};
}

/**
 * `estimate_too_large` when the benefit's lines, with `replace` in place of line `lineId` (or
 * added), would total more than the domain allows (MAX_ESTIMATE): the pages must be able to
 * compute every benefit they show.
 */
function estimateTooLarge(
	tx: Queryable,
	benefitId: number,
	line: EstimateLineInput,
	lineId: number | null = null
): boolean {
	const unit = tx
		.select({ unit: benefit.unit })
		.from(benefit)
		.where(eq(benefit.id, benefitId))
		.get()?.unit;
	if (!unit) return false;
	const others = tx
		.select()
		.from(estimateLine)
		.where(eq(estimateLine.benefitId, benefitId))
		.all()
		.filter((l) => l.id !== lineId)
		.map((l) => ({ ...l, sharePercent: l.shareHundredths / 100 }));
	return !estimateFits([...others, line], unit);
}

export function addEstimateLine(
	benefitId: number,
	input: EstimateLineInput,
	actorId: number,
	now: Date
): WriteResult<number> {
	return db.transaction((tx) => {
		if (planFrozen(tx, benefitId)) return FROZEN;
		if (estimateTooLarge(tx, benefitId, input))
			return { ok: false, reason: 'estimate_too_large' } as const;
		const values = { benefitId, ...lineValues(input) };
		const row = withGainRollups([benefitId], () =>
			tx.insert(estimateLine).values(values).returning().get()
		);
		writeAudit(tx, now, {
			actorId,
			entity: 'estimate_line',
			entityId: row.id,
			action: 'create',
			after: values
		});
		return { ok: true, value: row.id } as const;
	});
}

/**
 * Edits one estimate line in place, if it still has the version the form was loaded with
 * (else `conflict`); the audit row keeps what it said before.
 */
export function updateEstimateLine(
	benefitId: number,
	lineId: number,
	{ version, ...input }: EstimateLineInput & Versioned,
	actorId: number,
	now: Date
): WriteResult {
	return db.transaction((tx) => {
		const before = findLine(tx, benefitId, lineId);
		if (!before) return { ok: false, reason: 'not_found' } as const;
		if (planFrozen(tx, benefitId)) return FROZEN;
		if (estimateTooLarge(tx, benefitId, input, lineId))
			return { ok: false, reason: 'estimate_too_large' } as const;
		const values = lineValues(input);
		const saved = withGainRollups([benefitId], () =>
			tx
				.update(estimateLine)
				.set({ ...values, version: version + 1 })
				.where(and(eq(estimateLine.id, lineId), eq(estimateLine.version, version)))
				.returning({ id: estimateLine.id })
				.get()
		);
		if (!saved) return { ok: false, reason: 'conflict' } as const;
		writeAudit(tx, now, {
			actorId,
			entity: 'estimate_line',
			entityId: lineId,
			action: 'update',
			before: lineValues({ ...before, sharePercent: before.shareHundredths / 100 }),
			after: values
		});
		return { ok: true, value: undefined } as const;
	});
}

export function deleteEstimateLine(
	benefitId: number,
	lineId: number,
	actorId: number,
	now: Date
): WriteResult {
	return deletePlanRow(benefitId, { entity: 'estimate_line', id: lineId }, actorId, now, {
		find: (tx) => findLine(tx, benefitId, lineId),
		remove: (tx) => tx.delete(estimateLine).where(eq(estimateLine.id, lineId)).run()
	});
}

/**
 * The «Nullpunkt og mål» form. It edits the benefit row, so it carries the benefit's version:
 * a save over a newer one (from either of the benefit's forms) is refused as `conflict`.
 */
export function setBaselineAndTarget(
	benefitId: number,
	input: { baseline: BaselineInput; target: TargetInput } & Versioned,
	actorId: number,
	now: Date
): WriteResult {
	return db.transaction((tx) => {
		const before = tx.select().from(benefit).where(eq(benefit.id, benefitId)).get();
		if (!before) return { ok: false, reason: 'not_found' } as const;
		if (before.planFrozenAt) return FROZEN;
		const values = {
			baselineValue: input.baseline.value,
			baselineDate: input.baseline.date,
			baselineMethod: input.baseline.method,
			targetValue: input.target.value,
			targetDate: input.target.date
		};
		const saved = withGainRollups([benefitId], () =>
			tx
				.update(benefit)
				.set({ ...values, version: input.version + 1 })
				.where(and(eq(benefit.id, benefitId), eq(benefit.version, input.version)))
				.returning({ id: benefit.id })
				.get()
		);
		if (!saved) return { ok: false, reason: 'conflict' } as const;
		writeAudit(tx, now, {
			actorId,
			entity: 'benefit',
			entityId: benefitId,
			action: 'plan',
			before: {
				baselineValue: before.baselineValue,
				baselineDate: before.baselineDate,
				baselineMethod: before.baselineMethod,
				targetValue: before.targetValue,
				targetDate: before.targetDate
			},
			after: values
		});
		return { ok: true, value: undefined } as const;
	});
}

/** The reason is only needed to correct an attested row; callers outside forms may leave it out. */
type WithReason<T> = Omit<T, 'correctionReason'> & { correctionReason?: string };

export function logRealisation(
	benefitId: number,
	input: WithReason<QuantitativeRealisationInput> | WithReason<QualitativeRealisationInput>,
	actorId: number,
	now: Date
): WriteResult<number> {
	return writeTransaction((tx) => {
		// A correction replaces one still-current registration of the same benefit and month:
		// another month's row would silently change that month, and a second correction of one
		// row would leave two rows that both count. Checked here, inside the write, for the form
		// and the API alike.
		if (input.supersedesId !== null) {
			const old = tx
				.select({ id: realisation.id, period: realisation.period })
				.from(realisation)
				.where(and(eq(realisation.id, input.supersedesId), eq(realisation.benefitId, benefitId)))
				.get();
			if (!old) return { ok: false, reason: 'supersedes_missing' } as const;
			if (old.period !== input.period) {
				return { ok: false, reason: 'supersedes_other_month' } as const;
			}
			if (isSuperseded(tx, benefitId, old.id)) {
				return { ok: false, reason: 'supersedes_superseded' } as const;
			}
		}
		// An attested month is locked: a new value must supersede the attested one, with a reason.
		const locked = lockedRealisation(benefitId, input.period);
		// Without a row named, a month that already has a value gets the new one in its place.
		const supersedesId =
			input.supersedesId ?? locked ?? currentRealisation(benefitId, input.period) ?? null;
		if (locked !== undefined && supersedesId !== locked) {
			return { ok: false, reason: 'period_attested' } as const;
		}
		const correctionReason = input.correctionReason || null;
		if (supersedesId !== null && !correctionReason && isAttested(supersedesId)) {
			return { ok: false, reason: 'correction_reason_required' } as const;
		}
		const values = {
			benefitId,
			period: input.period,
			value: 'value' in input ? input.value : null,
			assessment: 'assessment' in input ? input.assessment : null,
			narrative: 'narrative' in input ? input.narrative : '',
			comment: input.comment,
			evidence: input.evidence,
			supersedesId,
			correctionReason,
			authorId: actorId,
			createdAt: now
		};
		const row = withGainRollups(
			[benefitId],
			() => tx.insert(realisation).values(values).returning().get(),
			'realised'
		);
		writeAudit(tx, now, {
			actorId,
			entity: 'realisation',
			entityId: row.id,
			action: supersedesId === null ? 'create' : 'supersede',
			after: { ...values, createdAt: undefined }
		});
		return { ok: true, value: row.id } as const;
	});
}

export function logFollowUp(
	benefitId: number,
	input: CauseInput,
	actorId: number,
	now: Date
): WriteResult<number> {
	return db.transaction((tx) => {
		const values = { benefitId, ...input, authorId: actorId };
		const row = tx.insert(behindPlanFollowUp).values(values).returning().get();
		writeAudit(tx, now, {
			actorId,
			entity: 'behind_plan_follow_up',
			entityId: row.id,
			action: 'create',
			after: values
		});
		return { ok: true, value: row.id } as const;
	});
}

/** A planned value for one month («plan given per period»); a second save replaces it. */
export function setPlannedPeriod(
	benefitId: number,
	input: { period: string; value: number },
	actorId: number,
	now: Date
): WriteResult<number> {
	return db.transaction((tx) => {
		if (planFrozen(tx, benefitId)) return FROZEN;
		const before = tx
			.select()
			.from(plannedPeriod)
			.where(and(eq(plannedPeriod.benefitId, benefitId), eq(plannedPeriod.period, input.period)))
			.get();
		const row = withGainRollups([benefitId], () =>
			tx
				.insert(plannedPeriod)
				.values({ benefitId, ...input })
				.onConflictDoUpdate({
					target: [plannedPeriod.benefitId, plannedPeriod.period],
					set: { value: input.value }
				})
				.returning()
				.get()
		);
		writeAudit(tx, now, {
			actorId,
			entity: 'planned_period',
			entityId: row.id,
			action: before ? 'update' : 'create',
			before: before ?? null,
			after: { benefitId, ...input }
		});
		return { ok: true, value: row.id } as const;
	});
}

export function deletePlannedPeriod(
	benefitId: number,
	id: number,
	actorId: number,
	now: Date
): WriteResult {
	const mine = and(eq(plannedPeriod.id, id), eq(plannedPeriod.benefitId, benefitId));
	return deletePlanRow(benefitId, { entity: 'planned_period', id }, actorId, now, {
		find: (tx) => tx.select().from(plannedPeriod).where(mine).get(),
		remove: (tx) => tx.delete(plannedPeriod).where(eq(plannedPeriod.id, id)).run()
	});
}
