/**
 * A benefit that starts when a measure reaches a status follows that measure: when the measure
 * slips (domain/benefits/timing.ts, `startSlip`), an unfrozen plan moves at once; a frozen
 * (approved) plan does not change by itself but gets a change request for the steering group
 * (DOMAIN.md «Benefit governance»: changes to an approved plan need an approval). Runs inside
 * the transaction that changed the measure, so the measure and the plan never disagree.
 */
import { and, eq, isNotNull, sql } from 'drizzle-orm';
import { db, type Tx } from '..';
import { writeAudit } from './audit';
import { insertNotices } from './notices';
import { approvedOf, pathOf, waitingOf } from './benefits-plan-reads';
import { withGainRollups } from './gain-rollups';
import { evidenceOf, insertPlanRequest } from './benefits-plan';
import { countedOnMonth, waitingDelay } from './benefits-timing-reads';
import { benefit, measure, plannedPeriod, project } from '../schema';
import { osloDay } from '$lib/format';
import {
	movePath,
	planNoticeWords,
	shiftDay,
	slipWhy,
	startSlip,
	type MeasureTiming,
	type PlanNoticeParams,
	type PlanReason,
	type Slip
} from '$lib/domain/benefits/timing';
import type { PlannedNotice } from '$lib/domain/control/notices';

type BenefitRow = typeof benefit.$inferSelect;

/** The measures a benefit of this project may wait for (not archived), for the form. */
export function startMeasureChoices(projectId: number) {
	return db
		.select({ id: measure.id, title: measure.title, status: measure.status })
		.from(measure)
		.where(and(eq(measure.projectId, projectId), sql`${measure.archivedAt} is null`))
		.orderBy(measure.title)
		.all();
}

/** The measure a benefit waits for, with what the page says about it. */
export function startMeasureOf(measureId: number) {
	return db
		.select({
			id: measure.id,
			title: measure.title,
			status: measure.status,
			startDate: measure.startDate,
			endDate: measure.endDate,
			projectId: measure.projectId
		})
		.from(measure)
		.where(eq(measure.id, measureId))
		.get();
}

/** Sets which measure and status the benefit waits for (both null: it waits for none). */
export function setBenefitTiming(
	benefitId: number,
	input: { measureId: number | null; status: BenefitRow['startMeasureStatus']; version: number },
	actorId: number,
	now: Date
) {
	return db.transaction((tx) => {
		const before = tx.select().from(benefit).where(eq(benefit.id, benefitId)).get();
		if (!before) return { ok: false, reason: 'benefit_missing' } as const;
		if (input.measureId !== null) {
			const m = tx.select().from(measure).where(eq(measure.id, input.measureId)).get();
			if (!m || m.projectId !== before.projectId || m.archivedAt) {
				return { ok: false, reason: 'measure_missing' } as const;
			}
		}
		const after = { startMeasureId: input.measureId, startMeasureStatus: input.status };
		const saved = tx
			.update(benefit)
			.set({ ...after, version: input.version + 1 })
			.where(and(eq(benefit.id, benefitId), eq(benefit.version, input.version)))
			.returning({ id: benefit.id })
			.get();
		if (!saved) return { ok: false, reason: 'conflict' } as const;
		writeAudit(tx, now, {
			actorId,
			entity: 'benefit',
			entityId: benefitId,
			action: 'timing',
			before: {
				startMeasureId: before.startMeasureId,
				startMeasureStatus: before.startMeasureStatus
			},
			after
		});
		return { ok: true, value: undefined } as const;
	});
}

/** Moves the unfrozen plan: planned months and target day, audited, roll-ups kept in step. */
function shiftNow(
	tx: Tx,
	b: BenefitRow,
	slip: Slip,
	measureId: number,
	actorId: number | null,
	now: Date
) {
	const plan = pathOf(tx, b.id);
	// A straight-line plan (no planned months) is written out and moved, not stretched.
	const moved = movePath(
		plan,
		{ date: b.baselineDate, value: b.baselineValue },
		{ date: b.targetDate, value: b.targetValue },
		slip.months
	);
	const targetDate = b.targetDate ? shiftDay(b.targetDate, slip.months) : null;
	withGainRollups([b.id], () => {
		tx.delete(plannedPeriod).where(eq(plannedPeriod.benefitId, b.id)).run();
		if (moved.length) {
			tx.insert(plannedPeriod)
				.values(moved.map((p) => ({ benefitId: b.id, period: p.period, value: p.value })))
				.run();
		}
		tx.update(benefit)
			.set({ targetDate, version: sql`${benefit.version} + 1` })
			.where(eq(benefit.id, b.id))
			.run();
	});
	writeAudit(tx, now, {
		actorId,
		entity: 'benefit',
		entityId: b.id,
		action: 'plan_shift',
		before: { plan, targetDate: b.targetDate },
		after: {
			plan: moved,
			targetDate,
			measureId,
			months: slip.months,
			expectedFrom: slip.from,
			expectedTo: slip.to
		}
	});
	return `${b.version + 1}`;
}

/**
 * Asks the steering group to move a frozen plan: a request against the version in force, with
 * its baseline and evidence and the path and target day moved. Null when a request already
 * waits (one at a time; the notice then says the leader must ask by hand).
 */
function requestShift(
	tx: Tx,
	b: BenefitRow,
	slip: Slip,
	why: PlanReason,
	measureId: number,
	actorId: number | null,
	now: Date
) {
	const approved = approvedOf(tx, b.id);
	if (!approved || waitingOf(tx, b.id)) return null;
	const requestId = insertPlanRequest(
		tx,
		b,
		approved,
		{
			baselineValue: approved.baselineValue,
			baselineDate: approved.baselineDate,
			baselineMethod: approved.baselineMethod,
			baselineSource: approved.baselineSource,
			...evidenceOf(approved),
			targetValue: approved.targetValue,
			targetDate: approved.targetDate ? shiftDay(approved.targetDate, slip.months) : null,
			plan: movePath(
				approved.plan,
				{ date: approved.baselineDate, value: approved.baselineValue },
				{ date: approved.targetDate, value: approved.targetValue },
				slip.months
			)
		},
		why,
		actorId,
		now
	);
	// What the plan counts on if the request stands (`countedOnMonth`), as a move records it.
	writeAudit(tx, now, {
		actorId,
		entity: 'benefit',
		entityId: b.id,
		action: 'plan_shift_requested',
		after: {
			requestId,
			measureId,
			months: slip.months,
			expectedFrom: slip.from,
			expectedTo: slip.to
		}
	});
	return requestId;
}

/**
 * Called by every write that changes a measure's status or dates, inside its transaction: each
 * benefit waiting for this measure whose start slips is moved or gets a request, and its owner
 * and the project's programme leader are told (notice kind `plan_shifted`).
 */
export function followMeasure(
	tx: Tx,
	measureId: number,
	before: MeasureTiming,
	after: MeasureTiming & { title: string },
	actorId: number | null,
	now: Date
): void {
	const waiting = tx
		.select({ b: benefit, leaderId: project.ownerId })
		.from(benefit)
		.innerJoin(project, eq(project.id, benefit.projectId))
		.where(and(eq(benefit.startMeasureId, measureId), isNotNull(benefit.startMeasureStatus)))
		.all();
	const notices: PlannedNotice[] = [];
	for (const { b, leaderId } of waiting) {
		const slip = startSlip(
			before,
			after,
			b.startMeasureStatus!,
			osloDay(now).slice(0, 7),
			countedOnMonth(tx, b.id, measureId)
		);
		if (!slip) continue;
		const reason = slipWhy(after.title, slip, b.planFrozenAt !== null);
		let key: string;
		let params: PlanNoticeParams;
		if (!b.planFrozenAt) {
			key = `shift:${shiftNow(tx, b, slip, measureId, actorId, now)}`;
			params = { benefit: b.title, reason, outcome: 'moved' };
		} else {
			const requestId = requestShift(tx, b, slip, reason, measureId, actorId, now);
			if (requestId) {
				key = `request:${requestId}`;
				params = { benefit: b.title, reason, outcome: 'requested' };
			} else {
				key = `waiting:${slip.from}:${slip.to}`;
				const waiting = waitingDelay(tx, b.id, slip, measureId, actorId, now);
				params =
					waiting === null
						? { benefit: b.title, reason, outcome: 'ask' }
						: { benefit: b.title, reason, outcome: 'added', waiting };
			}
		}
		const words = planNoticeWords('plan_shifted', params);
		const people = new Set([b.ownerId, leaderId].filter((id): id is number => id !== null));
		for (const userId of people) {
			notices.push({
				userId,
				kind: 'plan_shifted',
				key: `plan_shifted:${b.id}:${key}:${userId}`,
				...words,
				params,
				href: `/gevinster/${b.id}#tidspunkt`
			});
		}
	}
	insertNotices(notices, now);
}
