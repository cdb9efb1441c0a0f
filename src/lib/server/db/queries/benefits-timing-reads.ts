/**
 * What the benefit page tells about a plan that followed its measure: the last move, and the
 * change request still waiting with any delay of the measure since it was made. Only one request
 * may wait at a time (DOMAIN.md «Benefit governance»), so a second delay cannot get its own
 * request: it is recorded against the waiting one (audit action `plan_shift_waiting`), and the
 * page and the notice say that the waiting request moves the plan too little.
 */
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { db, type Tx } from '..';
import { writeAudit } from './audit';
import { waitingOf } from './benefits-plan-reads';
import { auditLog, benefitPlanVersion } from '../schema';
import type { Slip } from '$lib/domain/benefits/timing';

/** What a shift's audit row keeps of the slip (`plan_shift`, `plan_shift_waiting`). */
interface ShiftAfter {
	months: number;
	expectedFrom: string;
	expectedTo: string;
	requestId?: number;
}

/**
 * Records a delay that came while a request waits, inside the measure's transaction, and
 * returns that request's version number for the notice (`planNoticeWords`, outcome `added`);
 * null when none waits any more (then the notice asks the leader to ask by hand).
 */
export function waitingDelay(
	tx: Tx,
	benefitId: number,
	slip: Slip,
	measureId: number,
	actorId: number | null,
	now: Date
): number | null {
	const waiting = waitingOf(tx, benefitId);
	if (!waiting) return null;
	writeAudit(tx, now, {
		actorId,
		entity: 'benefit',
		entityId: benefitId,
		action: 'plan_shift_waiting',
		after: {
			requestId: waiting.id,
			requestNumber: waiting.number,
			measureId,
			months: slip.months,
			expectedFrom: slip.from,
			expectedTo: slip.to
		}
	});
	return waiting.number;
}

/**
 * The months the delays recorded against a waiting request add up to: what the plan moves on
 * top of the request once it is decided (`decidePlanRequest`). Each delay counts once, as each
 * moves an unapproved plan once (`shiftNow`).
 */
export function delayMonthsFor(tx: Tx, benefitId: number, requestId: number): number {
	const row = tx
		.select({
			months: sql<number>`coalesce(sum(json_extract(${auditLog.after}, '$.months')), 0)`
		})
		.from(auditLog)
		.where(
			and(
				shiftRows(benefitId, 'plan_shift_waiting'),
				sql`json_extract(${auditLog.after}, '$.requestId') = ${requestId}`
			)
		)
		.get();
	return Number(row?.months ?? 0);
}

/**
 * The month the benefit's plan already counts on after this measure's earlier slips since the
 * benefit was tied to it: the latest «expected» month of a move, a delay recorded against a
 * waiting request, or an automatic request not rejected. Null when none.
 */
export function countedOnMonth(tx: Tx, benefitId: number, measureId: number): string | null {
	const tiedAt = tx
		.select({ id: sql<number>`max(${auditLog.id})` })
		.from(auditLog)
		.where(shiftRows(benefitId, 'timing'))
		.get()?.id;
	const row = tx
		.select({ month: sql<string | null>`max(json_extract(${auditLog.after}, '$.expectedTo'))` })
		.from(auditLog)
		.where(
			and(
				eq(auditLog.entity, 'benefit'),
				eq(auditLog.entityId, String(benefitId)),
				sql`${auditLog.action} in ('plan_shift', 'plan_shift_waiting', 'plan_shift_requested')`,
				sql`${auditLog.id} > ${tiedAt ?? 0}`,
				sql`json_extract(${auditLog.after}, '$.measureId') = ${measureId}`,
				sql`not (${auditLog.action} = 'plan_shift_requested' and exists (
					select 1 from ${benefitPlanVersion} v
					where v.id = json_extract(${auditLog.after}, '$.requestId') and v.status = 'rejected'))`
			)
		)
		.get();
	return row?.month ?? null;
}

const shiftRows = (benefitId: number, action: string) =>
	and(
		eq(auditLog.entity, 'benefit'),
		eq(auditLog.entityId, String(benefitId)),
		eq(auditLog.action, action)
	);

/** The benefit's last automatic move of its plan (an unapproved plan moves at once), if any. */
export function lastPlanShift(benefitId: number) {
	const row = db
		.select({ at: auditLog.at, after: auditLog.after })
		.from(auditLog)
		.where(shiftRows(benefitId, 'plan_shift'))
		.orderBy(desc(auditLog.at), desc(auditLog.id))
		.limit(1)
		.get();
	return row ? { at: row.at, ...(row.after as ShiftAfter) } : null;
}

/**
 * The change request waiting for the steering group, with the delays recorded since it was made,
 * and whether it moves only the timing (nullpunkt and target value as in the approved version,
 * as the request a late measure makes).
 */
export function waitingRequestWithDelays(benefitId: number) {
	const waiting = db
		.select({
			id: benefitPlanVersion.id,
			number: benefitPlanVersion.number,
			requestedAt: benefitPlanVersion.requestedAt,
			reason: benefitPlanVersion.reason,
			reasonParams: benefitPlanVersion.reasonParams,
			basedOnId: benefitPlanVersion.basedOnId,
			baselineValue: benefitPlanVersion.baselineValue,
			baselineDate: benefitPlanVersion.baselineDate,
			targetValue: benefitPlanVersion.targetValue
		})
		.from(benefitPlanVersion)
		.where(
			and(eq(benefitPlanVersion.benefitId, benefitId), eq(benefitPlanVersion.status, 'requested'))
		)
		.get();
	if (!waiting) return null;
	const delays = db
		.select({ at: auditLog.at, after: auditLog.after })
		.from(auditLog)
		.where(
			and(
				shiftRows(benefitId, 'plan_shift_waiting'),
				sql`json_extract(${auditLog.after}, '$.requestId') = ${waiting.id}`
			)
		)
		.orderBy(asc(auditLog.at), asc(auditLog.id))
		.all()
		.map((r) => ({ at: r.at, ...(r.after as ShiftAfter) }));
	const base = waiting.basedOnId
		? db
				.select({
					baselineValue: benefitPlanVersion.baselineValue,
					baselineDate: benefitPlanVersion.baselineDate,
					targetValue: benefitPlanVersion.targetValue
				})
				.from(benefitPlanVersion)
				.where(eq(benefitPlanVersion.id, waiting.basedOnId))
				.get()
		: undefined;
	const timingOnly =
		base !== undefined &&
		base.baselineValue === waiting.baselineValue &&
		base.baselineDate === waiting.baselineDate &&
		base.targetValue === waiting.targetValue;
	return {
		id: waiting.id,
		number: waiting.number,
		requestedAt: waiting.requestedAt,
		reason: waiting.reason,
		reasonParams: waiting.reasonParams,
		timingOnly,
		delays
	};
}
