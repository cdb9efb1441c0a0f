/**
 * Reads of benefit plan versions: a benefit's versions with who asked and decided, a version's
 * evidence file, and the requests waiting across benefits (through the status index).
 */
import { aliasedTable, and, asc, desc, eq, gt, or, sql } from 'drizzle-orm';
import { db, type Tx } from '..';
import { listEstimateLines } from './benefits-gains';
import {
	benefit,
	benefitPlanVersion,
	estimateLine,
	evidenceFile,
	plannedPeriod,
	project,
	roleAssignment,
	user
} from '../schema';
import type { PlanLine, PlanPoint } from '$lib/domain/benefits/plan-versions';

const requester = aliasedTable(user, 'requester');
const decider = aliasedTable(user, 'decider');

/** Every version of a benefit, newest first, with who asked and who decided (a handful). */
export function listPlanVersions(benefitId: number) {
	return db
		.select({
			v: benefitPlanVersion,
			requestedBy: requester.name,
			decidedBy: decider.name
		})
		.from(benefitPlanVersion)
		.leftJoin(requester, eq(requester.id, benefitPlanVersion.requestedById))
		.leftJoin(decider, eq(decider.id, benefitPlanVersion.decidedById))
		.where(eq(benefitPlanVersion.benefitId, benefitId))
		.orderBy(desc(benefitPlanVersion.number))
		.all()
		.map((r) => ({ ...r.v, requestedBy: r.requestedBy, decidedBy: r.decidedBy }));
}

/** A version's stored evidence file, if the version belongs to the benefit and has one. */
export function planEvidenceFile(benefitId: number, versionId: number) {
	return db
		.select({
			fileName: benefitPlanVersion.evidenceFileName,
			mediaType: benefitPlanVersion.evidenceMediaType,
			content: evidenceFile.content
		})
		.from(benefitPlanVersion)
		.innerJoin(evidenceFile, eq(evidenceFile.sha256, benefitPlanVersion.evidenceSha256))
		.where(and(eq(benefitPlanVersion.id, versionId), eq(benefitPlanVersion.benefitId, benefitId)))
		.get();
}

export interface WaitingCursor {
	requestedAt: number;
	id: number;
}

/** Waiting requests across benefits, oldest first, a page at a time (status index). */
export function waitingPlanRequests(after: WaitingCursor | null, limit: number) {
	const cursor = after
		? or(
				gt(benefitPlanVersion.requestedAt, new Date(after.requestedAt)),
				and(
					eq(benefitPlanVersion.requestedAt, new Date(after.requestedAt)),
					gt(benefitPlanVersion.id, after.id)
				)
			)
		: undefined;
	return db
		.select({
			id: benefitPlanVersion.id,
			benefitId: benefitPlanVersion.benefitId,
			benefitTitle: benefit.title,
			projectTitle: project.title,
			reason: benefitPlanVersion.reason,
			reasonParams: benefitPlanVersion.reasonParams,
			requestedAt: benefitPlanVersion.requestedAt,
			requestedBy: user.name
		})
		.from(benefitPlanVersion)
		.innerJoin(benefit, eq(benefit.id, benefitPlanVersion.benefitId))
		.innerJoin(project, eq(project.id, benefit.projectId))
		.leftJoin(user, eq(user.id, benefitPlanVersion.requestedById))
		.where(and(eq(benefitPlanVersion.status, 'requested'), cursor))
		.orderBy(asc(benefitPlanVersion.requestedAt), asc(benefitPlanVersion.id))
		.limit(limit)
		.all();
}

export function countWaitingPlanRequests(): number {
	return (
		db
			.select({ n: sql<number>`count(*)` })
			.from(benefitPlanVersion)
			.where(eq(benefitPlanVersion.status, 'requested'))
			.get()?.n ?? 0
	);
}

// ── Inside a write's transaction ──

export function approvedOf(tx: Tx, benefitId: number) {
	return tx
		.select()
		.from(benefitPlanVersion)
		.where(
			and(eq(benefitPlanVersion.benefitId, benefitId), eq(benefitPlanVersion.status, 'approved'))
		)
		.get();
}

export function waitingOf(tx: Tx, benefitId: number) {
	return tx
		.select()
		.from(benefitPlanVersion)
		.where(
			and(eq(benefitPlanVersion.benefitId, benefitId), eq(benefitPlanVersion.status, 'requested'))
		)
		.get();
}

export function pathOf(tx: Tx, benefitId: number): PlanPoint[] {
	return tx
		.select({ period: plannedPeriod.period, value: plannedPeriod.value })
		.from(plannedPeriod)
		.where(eq(plannedPeriod.benefitId, benefitId))
		.orderBy(asc(plannedPeriod.period))
		.all();
}

/** The benefit's estimate lines as a plan version keeps them, in the order they were added. */
export function linesOf(tx: Tx, benefitId: number): PlanLine[] {
	return tx
		.select({
			description: estimateLine.description,
			amountPerCase: estimateLine.amountPerCase,
			cases: estimateLine.cases,
			shareHundredths: estimateLine.shareHundredths
		})
		.from(estimateLine)
		.where(eq(estimateLine.benefitId, benefitId))
		.orderBy(asc(estimateLine.id))
		.all()
		.map(toPlanLine);
}

const toPlanLine = (l: {
	description: string;
	amountPerCase: number;
	cases: number;
	shareHundredths: number;
}): PlanLine => ({
	description: l.description,
	amountPerCase: l.amountPerCase,
	cases: l.cases,
	sharePercent: l.shareHundredths / 100
});

/** The benefit's estimate lines now, as a plan version would keep them (for the page). */
// Through the page's prepared read (benefits-reads.ts): the benefit page compiles no SQL once warm.
export const currentLines = (benefitId: number): PlanLine[] =>
	listEstimateLines([benefitId]).map(toPlanLine);

/** Steering members (active), who are told of a waiting request. */
export function steeringMembers(tx: Tx): number[] {
	return tx
		.selectDistinct({ id: user.id })
		.from(roleAssignment)
		.innerJoin(user, eq(user.id, roleAssignment.userId))
		.where(and(eq(roleAssignment.role, 'steering'), eq(user.active, true)))
		.all()
		.map((r) => r.id);
}
