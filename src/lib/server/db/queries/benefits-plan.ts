/**
 * A benefit's plan versions: freezing the plan (version 1, approved), a change request against
 * the version in force, and its decision. The benefit row's baseline and target columns and its
 * `planned_period` rows always hold the version in force, so every other read (and the gain
 * roll-ups, kept in step with `withGainRollups`) stays as it was. Every write is audited in its
 * own transaction; the evidence bytes are stored once per content (evidence_file, SHA-256).
 */
import { and, eq, sql } from 'drizzle-orm';
import { db, type Tx } from '..';
import { writeAudit } from './audit';
import { insertNotices } from './notices';
import { approvedOf, linesOf, pathOf, steeringMembers, waitingOf } from './benefits-plan-reads';
import { withGainRollups } from './gain-rollups';
import { benefit, benefitPlanVersion, estimateLine, plannedPeriod } from '../schema';
import type { WriteResult } from '../../result';
import { storeEvidenceFile, type NewEvidenceFile } from './evidence';
import type { PlanLine, PlanPoint } from '$lib/domain/benefits/plan-versions';
import { decisionRefusal, sameLines } from '$lib/domain/benefits/plan-versions';
import { estimateFits } from '$lib/domain/benefits/gain-estimates';
import type { BenefitDirection } from '$lib/domain/benefits/vocabulary';
import {
	movePath,
	planNoticeWords,
	shiftDay,
	storedReason,
	type PlanReason
} from '$lib/domain/benefits/timing';
import { delayMonthsFor } from './benefits-timing-reads';

export type PlanVersionRow = typeof benefitPlanVersion.$inferSelect;

export interface PlanEvidence {
	url: string;
	file: NewEvidenceFile | null;
}

/** Stores the file's bytes (once per content) and answers the version's evidence columns. */
function evidenceColumns(tx: Tx, evidence: PlanEvidence, now: Date) {
	const file = evidence.file;
	if (file) storeEvidenceFile(tx, file, now);
	return {
		evidenceUrl: evidence.url || null,
		evidenceSha256: file?.sha256 ?? null,
		evidenceFileName: file?.fileName ?? null,
		evidenceMediaType: file?.mediaType ?? null
	};
}

/** What the audit row keeps of a version (not the bytes). */
// The reason as data (`reasonParams`) says what `reason` says in words: the log keeps the words.
const auditOf = ({ reasonParams: _data, ...v }: Omit<PlanVersionRow, 'id' | 'version'>) => ({
	...v,
	requestedAt: v.requestedAt.toISOString(),
	decidedAt: v.decidedAt?.toISOString() ?? null
});

/**
 * Approves the plan as it stands: version 1 with the benefit's baseline, target and planned
 * path, asked for and decided by the same person (the plan's first approval is the programme
 * leader's), and the benefit marked frozen. Refused when already frozen, when baseline or
 * target is missing, or when the benefit changed since the page was loaded (`conflict`).
 */
export function freezePlan(
	benefitId: number,
	input: { baselineSource: string; version: number },
	evidence: PlanEvidence,
	actorId: number,
	now: Date
): WriteResult<number> {
	return db.transaction((tx) => {
		const b = tx.select().from(benefit).where(eq(benefit.id, benefitId)).get();
		if (!b) return { ok: false, reason: 'benefit_missing' } as const;
		if (b.planFrozenAt) return { ok: false, reason: 'plan_frozen_already' } as const;
		if (!b.baselineDate || !b.targetDate) return { ok: false, reason: 'no_plan' } as const;
		const frozen = tx
			.update(benefit)
			.set({ planFrozenAt: now, version: input.version + 1 })
			.where(and(eq(benefit.id, benefitId), eq(benefit.version, input.version)))
			.returning({ id: benefit.id })
			.get();
		if (!frozen) return { ok: false, reason: 'conflict' } as const;
		const values = {
			benefitId,
			number: 1,
			status: 'approved' as const,
			basedOnId: null,
			baselineValue: b.baselineValue,
			baselineDate: b.baselineDate,
			baselineMethod: b.baselineMethod,
			baselineSource: input.baselineSource || null,
			...evidenceColumns(tx, evidence, now),
			targetValue: b.targetValue,
			targetDate: b.targetDate,
			plan: pathOf(tx, benefitId),
			lines: linesOf(tx, benefitId),
			direction: b.direction,
			tolerancePercent: b.tolerancePercent,
			disbenefit: b.disbenefit,
			reason: '',
			reasonParams: null,
			requestedById: actorId,
			requestedAt: now,
			decidedById: actorId,
			decidedAt: now,
			decisionNote: null
		};
		const row = tx.insert(benefitPlanVersion).values(values).returning().get();
		writeAudit(tx, now, {
			actorId,
			entity: 'benefit_plan_version',
			entityId: row.id,
			action: 'freeze',
			after: auditOf(values)
		});
		return { ok: true, value: row.id } as const;
	});
}

export interface PlanRequestValues {
	baselineValue: number;
	baselineDate: string;
	baselineMethod: string;
	baselineSource: string;
	targetValue: number;
	targetDate: string;
	plan: PlanPoint[];
	/** New estimate lines, or null (or left out) to keep them. */
	lines?: PlanLine[] | null;
	/** How the benefit is judged; left out or as it stands: kept. */
	direction?: BenefitDirection;
	tolerancePercent?: number;
	disbenefit?: boolean;
	reason: string;
}

/** A version's evidence columns, to carry over to a request that gives none anew. */
export const evidenceOf = (v: PlanVersionRow) => ({
	evidenceUrl: v.evidenceUrl,
	evidenceSha256: v.evidenceSha256,
	evidenceFileName: v.evidenceFileName,
	evidenceMediaType: v.evidenceMediaType
});

/** What a request proposes: baseline, evidence, target and path (its reason comes apart). */
export type PlanRequestColumns = Pick<
	PlanVersionRow,
	| 'baselineValue'
	| 'baselineDate'
	| 'baselineMethod'
	| 'baselineSource'
	| 'evidenceUrl'
	| 'evidenceSha256'
	| 'evidenceFileName'
	| 'evidenceMediaType'
	| 'targetValue'
	| 'targetDate'
	| 'plan'
> &
	Partial<Pick<PlanVersionRow, 'lines' | 'direction' | 'tolerancePercent' | 'disbenefit'>>;

/**
 * Inserts a change request against the version in force (`approved`), numbered after the
 * benefit's last version, audits it and tells the steering members with a notice (kind
 * `plan_request`), all in the caller's transaction. The caller has checked that the plan is
 * frozen and that no other request waits. `actorId` null: the system asked (a measure slipped).
 * `why` is stored in bokmål as the request's reason and kept as data on the notice, so each
 * steering member reads it in their language; the system's reasons also as data on the request
 * (`storedReason`), a person's own as written.
 */
export function insertPlanRequest(
	tx: Tx,
	b: { id: number; title: string },
	approved: PlanVersionRow,
	columns: PlanRequestColumns,
	why: PlanReason,
	actorId: number | null,
	now: Date
): number {
	const number =
		(tx
			.select({ n: sql<number>`max(${benefitPlanVersion.number})` })
			.from(benefitPlanVersion)
			.where(eq(benefitPlanVersion.benefitId, b.id))
			.get()?.n ?? 0) + 1;
	const values = {
		benefitId: b.id,
		number,
		status: 'requested' as const,
		basedOnId: approved.id,
		...columns,
		...storedReason(why),
		lines: columns.lines ?? null,
		direction: columns.direction ?? null,
		tolerancePercent: columns.tolerancePercent ?? null,
		disbenefit: columns.disbenefit ?? null,
		requestedById: actorId,
		requestedAt: now,
		decidedById: null,
		decidedAt: null,
		decisionNote: null
	};
	const row = tx.insert(benefitPlanVersion).values(values).returning().get();
	writeAudit(tx, now, {
		actorId,
		entity: 'benefit_plan_version',
		entityId: row.id,
		action: 'request',
		after: auditOf(values)
	});
	const params = { benefit: b.title, reason: why };
	const words = planNoticeWords('plan_request', params);
	insertNotices(
		steeringMembers(tx).map((userId) => ({
			userId,
			kind: 'plan_request' as const,
			key: `plan_request:${row.id}:${userId}`,
			...words,
			params,
			href: `/gevinster/${b.id}#versjoner`
		})),
		now
	);
	return row.id;
}

/**
 * Asks for a change to a frozen plan. The version in force stays until a steering member
 * decides; one request waits at a time (a second is refused, so nobody's request is silently
 * replaced). Evidence not given anew is carried over from the version in force. Tells the
 * steering members with a notice (kind `plan_request`).
 */
export function requestPlanChange(
	benefitId: number,
	input: PlanRequestValues,
	evidence: PlanEvidence,
	actorId: number,
	now: Date
): WriteResult<number> {
	return db.transaction((tx) => {
		const b = tx.select().from(benefit).where(eq(benefit.id, benefitId)).get();
		if (!b) return { ok: false, reason: 'benefit_missing' } as const;
		const approved = approvedOf(tx, benefitId);
		if (!b.planFrozenAt || !approved) return { ok: false, reason: 'plan_not_frozen' } as const;
		if (waitingOf(tx, benefitId)) return { ok: false, reason: 'request_waiting' } as const;
		// Lines typed as they stand are no change: the request keeps null, as one that left them.
		const lines =
			input.lines && !sameLines(input.lines, linesOf(tx, benefitId)) ? input.lines : null;
		if (lines && !estimateFits(lines, b.unit ?? 'antall')) {
			return { ok: false, reason: 'estimate_too_large' } as const;
		}
		const given = evidence.url || evidence.file;
		const id = insertPlanRequest(
			tx,
			b,
			approved,
			{
				baselineValue: input.baselineValue,
				baselineDate: input.baselineDate,
				baselineMethod: input.baselineMethod,
				baselineSource: input.baselineSource || null,
				...(given ? evidenceColumns(tx, evidence, now) : evidenceOf(approved)),
				targetValue: input.targetValue,
				targetDate: input.targetDate,
				plan: input.plan,
				lines,
				...changedJudgement(b, input)
			},
			{ kind: 'own', text: input.reason },
			actorId,
			now
		);
		return { ok: true, value: id } as const;
	});
}

/**
 * Approves or rejects a waiting request (refusals: decisionRefusal, and `conflict` when the
 * request changed since the page was loaded). Approval replaces the version in force: the
 * benefit row and its planned months take the request's values in the same transaction, with
 * the gain roll-ups kept in step. A rejection leaves the plan as it was.
 */
export function decidePlanRequest(
	benefitId: number,
	input: { requestId: number; decision: 'approve' | 'reject'; note: string; version: number },
	actorId: number,
	now: Date
): WriteResult {
	return db.transaction((tx) => {
		const request = tx
			.select()
			.from(benefitPlanVersion)
			.where(
				and(eq(benefitPlanVersion.id, input.requestId), eq(benefitPlanVersion.benefitId, benefitId))
			)
			.get();
		if (!request) return { ok: false, reason: 'not_found' } as const;
		// Decided already (a replayed or second decision) says so before any version check: a
		// decision bumps the version, and «someone else saved» would not tell what happened.
		if (request.status !== 'requested') return { ok: false, reason: 'not_waiting' } as const;
		if (request.version !== input.version) return { ok: false, reason: 'conflict' } as const;
		const approved = approvedOf(tx, benefitId);
		const refusal = decisionRefusal(request, approved?.id ?? null, actorId, input.decision);
		if (refusal) return { ok: false, reason: refusal } as const;
		const decided = {
			decidedById: actorId,
			decidedAt: now,
			decisionNote: input.note || null,
			version: request.version + 1
		};
		// The measure's delays recorded while the request waited (`waitingDelay`) are not lost
		// with the decision: approved, they move the plan on top of what the request asked for;
		// rejected, they become a request of their own against the version still in force.
		const delay = delayMonthsFor(tx, benefitId, request.id);
		if (input.decision === 'reject') {
			tx.update(benefitPlanVersion)
				.set({ status: 'rejected', ...decided })
				.where(eq(benefitPlanVersion.id, request.id))
				.run();
			if (delay > 0 && approved) {
				const b = tx.select().from(benefit).where(eq(benefit.id, benefitId)).get()!;
				insertPlanRequest(
					tx,
					b,
					approved,
					{
						...shiftedBy(approved, delay),
						baselineValue: approved.baselineValue,
						baselineDate: approved.baselineDate,
						baselineMethod: approved.baselineMethod,
						baselineSource: approved.baselineSource,
						...evidenceOf(approved),
						targetValue: approved.targetValue
					},
					{ kind: 'rejected_delay', version: request.number, months: delay },
					null,
					now
				);
			}
		} else {
			// Only what the request changed, on top of the delays since it was made.
			Object.assign(request, shiftedBy(request, delay));
			// The old version steps down first: one approved version per benefit (unique index).
			tx.update(benefitPlanVersion)
				.set({ status: 'replaced', version: approved!.version + 1 })
				.where(eq(benefitPlanVersion.id, approved!.id))
				.run();
			tx.update(benefitPlanVersion)
				.set({
					status: 'approved',
					...decided,
					...(delay > 0 ? { plan: request.plan, targetDate: request.targetDate } : {})
				})
				.where(eq(benefitPlanVersion.id, request.id))
				.run();
			withGainRollups([benefitId], () => {
				tx.update(benefit)
					.set({
						...(request.direction !== null ? { direction: request.direction } : {}),
						...(request.tolerancePercent !== null
							? { tolerancePercent: request.tolerancePercent }
							: {}),
						...(request.disbenefit !== null ? { disbenefit: request.disbenefit } : {}),
						baselineValue: request.baselineValue,
						baselineDate: request.baselineDate,
						baselineMethod: request.baselineMethod,
						targetValue: request.targetValue,
						targetDate: request.targetDate,
						version: sql`${benefit.version} + 1`
					})
					.where(eq(benefit.id, benefitId))
					.run();
				if (request.lines) {
					// The approved lines replace the estimate; each line's own audit is this version's.
					tx.delete(estimateLine).where(eq(estimateLine.benefitId, benefitId)).run();
					if (request.lines.length) {
						tx.insert(estimateLine)
							.values(
								request.lines.map((l) => ({
									benefitId,
									description: l.description,
									amountPerCase: l.amountPerCase,
									cases: l.cases,
									shareHundredths: Math.round(l.sharePercent * 100)
								}))
							)
							.run();
					}
				}
				tx.delete(plannedPeriod).where(eq(plannedPeriod.benefitId, benefitId)).run();
				if (request.plan.length) {
					tx.insert(plannedPeriod)
						.values(request.plan.map((p) => ({ benefitId, period: p.period, value: p.value })))
						.run();
				}
			});
		}
		writeAudit(tx, now, {
			actorId,
			entity: 'benefit_plan_version',
			entityId: request.id,
			action: input.decision,
			before: { status: 'requested', inForce: approved?.id ?? null },
			after: {
				status: input.decision === 'approve' ? 'approved' : 'rejected',
				note: input.note || null,
				...(delay > 0 ? { delayMonths: delay } : {}),
				replaced: input.decision === 'approve' ? (approved?.id ?? null) : null
			}
		});
		return { ok: true, value: undefined } as const;
	});
}

/** What the request changes of how the benefit is judged; null for what stays as it is. */
function changedJudgement(
	b: Pick<PlanVersionRow, 'direction' | 'tolerancePercent'> & { disbenefit: boolean },
	input: Pick<PlanRequestValues, 'direction' | 'tolerancePercent' | 'disbenefit'>
) {
	const changed = <T>(asked: T | undefined, now: T | null) =>
		asked === undefined || asked === now ? null : asked;
	return {
		direction: changed(input.direction, b.direction),
		tolerancePercent: changed(input.tolerancePercent, b.tolerancePercent),
		disbenefit: changed(input.disbenefit, b.disbenefit)
	};
}

/**
 * A version's planned months and target day moved `months` later (`shiftNow`'s rule): an empty
 * plan (straight line) is written out and moved against the version's own baseline and target.
 */
function shiftedBy(
	v: Pick<PlanVersionRow, 'plan' | 'targetDate' | 'targetValue' | 'baselineDate' | 'baselineValue'>,
	months: number
) {
	const baseline = { date: v.baselineDate, value: v.baselineValue };
	return {
		plan:
			months > 0
				? movePath(v.plan, baseline, { date: v.targetDate, value: v.targetValue }, months)
				: v.plan,
		targetDate: v.targetDate && months > 0 ? shiftDay(v.targetDate, months) : v.targetDate
	};
}
