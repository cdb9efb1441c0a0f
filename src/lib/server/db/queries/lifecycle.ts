/**
 * Lifecycle history and monthly status reports, shared by tracks, projects and measures
 * (the date and reason of each change are kept; one status report per item and month).
 */
import { and, asc, desc, eq } from 'drizzle-orm';
import { db, type Tx } from '..';
import { writeAudit } from './audit';
import {
	measure,
	project,
	statusChange,
	statusReport,
	track,
	type StatusChange,
	type StatusReport
} from '../schema';
import { canTransition } from '$lib/domain/portfolio/rules';
import { type LifecycleStatus } from '$lib/domain/portfolio/vocabulary';
import type { StatusReportInput } from '$lib/schemas/portfolio';
import type { WriteResult } from '../../result';
import { benefitIdsOfProject, withGainRollups } from './gain-rollups';
import { followMeasure } from './benefits-timing';

export type StatusSubject = 'track' | 'project' | 'measure';
export type ReportSubject = 'project' | 'measure';

// The three tables share id, status and version columns; one code path serves all of them.
const TABLES = { track, project, measure } as const;
const table = (subject: StatusSubject) => TABLES[subject] as typeof project;

/** Records a status (initial or changed) inside the caller's transaction. */
export function recordStatus(
	tx: Tx,
	subject: StatusSubject,
	subjectId: number,
	from: LifecycleStatus | null,
	to: LifecycleStatus,
	reason: string | null,
	actorId: number | null,
	now: Date
): void {
	tx.insert(statusChange)
		.values({ subject, subjectId, fromStatus: from, toStatus: to, reason, actorId, at: now })
		.run();
}

/**
 * Moves a track, project or measure along the lifecycle. The transition is checked again here,
 * against the status inside the transaction, so two quick clicks cannot skip a step.
 */
export function changeStatus(
	subject: StatusSubject,
	id: number,
	to: LifecycleStatus,
	reason: string | null,
	actorId: number | null,
	now: Date
): WriteResult {
	return db.transaction((tx) => {
		const t = table(subject);
		const before = tx
			.select({ status: t.status, version: t.version })
			.from(t)
			.where(eq(t.id, id))
			.get();
		if (!before) return { ok: false, reason: 'not_found' } as const;
		if (!canTransition(before.status, to)) return { ok: false, reason: 'transition' } as const;
		tx.update(t)
			.set({ status: to, version: before.version + 1 })
			.where(eq(t.id, id))
			.run();
		recordStatus(tx, subject, id, before.status, to, reason, actorId, now);
		if (subject === 'measure') {
			// Benefits waiting for this measure move with it when it goes back a status.
			const m = tx.select().from(measure).where(eq(measure.id, id)).get()!;
			followMeasure(tx, id, { ...m, status: before.status }, m, actorId, now);
		}
		writeAudit(tx, now, {
			actorId,
			entity: subject,
			entityId: id,
			action: 'status',
			before: { status: before.status },
			after: { status: to, reason }
		});
		return { ok: true, value: undefined } as const;
	});
}

/**
 * Archives or restores a track, project or measure: archived work is kept (benefit maps and
 * history point at it) but no longer steered.
 */
export function setArchived(
	subject: StatusSubject,
	id: number,
	archived: boolean,
	actorId: number,
	now: Date
): WriteResult {
	return db.transaction((tx) => {
		const t = table(subject);
		const before = tx
			.select({ archivedAt: t.archivedAt, version: t.version })
			.from(t)
			.where(eq(t.id, id))
			.get();
		if (!before) return { ok: false, reason: 'not_found' } as const;
		const archivedAt = archived ? now : null;
		// An archived project's benefits leave the benefit sums; restored, they come back.
		withGainRollups(subject === 'project' ? benefitIdsOfProject(id) : [], () =>
			tx
				.update(t)
				.set({ archivedAt, version: before.version + 1 })
				.where(eq(t.id, id))
				.run()
		);
		writeAudit(tx, now, {
			actorId,
			entity: subject,
			entityId: id,
			action: archived ? 'archive' : 'restore',
			before: { archivedAt: before.archivedAt },
			after: { archivedAt }
		});
		return { ok: true, value: undefined } as const;
	});
}

/** Removes a subject's status history and reports, inside the transaction that deletes it. */
export function deleteStatusHistory(tx: Tx, subject: StatusSubject, id: number): void {
	tx.delete(statusChange)
		.where(and(eq(statusChange.subject, subject), eq(statusChange.subjectId, id)))
		.run();
	// Tracks have no status reports: reports are per project and measure.
	if (subject === 'track') return;
	tx.delete(statusReport)
		.where(and(eq(statusReport.subject, subject), eq(statusReport.subjectId, id)))
		.run();
}

/** Oldest first: the history reads as a timeline. */
export function listStatusChanges(subject: StatusSubject, id: number): StatusChange[] {
	return db
		.select()
		.from(statusChange)
		.where(and(eq(statusChange.subject, subject), eq(statusChange.subjectId, id)))
		.orderBy(asc(statusChange.at), asc(statusChange.id))
		.all();
}

/** All status changes, for the funnel (an item counts at the furthest stage it reached). */
export function listAllStatusChanges(subject: StatusSubject): StatusChange[] {
	return db.select().from(statusChange).where(eq(statusChange.subject, subject)).all();
}

/** Newest month first. */
export function listStatusReports(subject: ReportSubject, id: number): StatusReport[] {
	return db
		.select()
		.from(statusReport)
		.where(and(eq(statusReport.subject, subject), eq(statusReport.subjectId, id)))
		.orderBy(desc(statusReport.period), desc(statusReport.id))
		.all();
}

let allReports: ReturnType<typeof prepareAllReports> | undefined;
function prepareAllReports() {
	return db.select().from(statusReport).prepare();
}

/** Every report (the overview picks the latest per subject); prepared, it runs on every load. */
export function listAllStatusReports(): StatusReport[] {
	allReports ??= prepareAllReports();
	return allReports.all();
}

/**
 * One report per subject and month: writing a month again replaces that month's report, and
 * the audit row keeps what it said before.
 */
export function saveStatusReport(
	subject: ReportSubject,
	subjectId: number,
	input: StatusReportInput,
	actorId: number,
	now: Date
): WriteResult<number> {
	return db.transaction((tx) => {
		const t = table(subject);
		if (!tx.select({ id: t.id }).from(t).where(eq(t.id, subjectId)).get()) {
			return { ok: false, reason: 'not_found' } as const;
		}
		const where = and(
			eq(statusReport.subject, subject),
			eq(statusReport.subjectId, subjectId),
			eq(statusReport.period, input.period)
		);
		const before = tx.select().from(statusReport).where(where).get();
		const fields = { rag: input.rag, narrative: input.narrative, authorId: actorId };
		const row = before
			? tx.update(statusReport).set(fields).where(where).returning().get()!
			: tx
					.insert(statusReport)
					.values({ subject, subjectId, period: input.period, ...fields, createdAt: now })
					.returning()
					.get();
		writeAudit(tx, now, {
			actorId,
			entity: 'status_report',
			entityId: row.id,
			action: before ? 'update' : 'create',
			before: before
				? { period: before.period, rag: before.rag, narrative: before.narrative }
				: null,
			after: { subject, subjectId, period: row.period, rag: row.rag, narrative: row.narrative }
		});
		return { ok: true, value: row.id } as const;
	});
}
