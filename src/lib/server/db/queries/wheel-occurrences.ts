/**
 * Occurrences for units and years, and the two writes on them: sign-off and reopening.
 * Occurrences are computed (src/lib/domain/wheel/occurrences.ts); signatures are rows.
 */
import { and, desc, eq, inArray, isNull, lt, or } from 'drizzle-orm';
import { db, type Queryable } from '..';
import { writeAudit } from './audit';
import { insertSignatureEvidence, type NewEvidenceFile } from './evidence';
import { user, wheelReopening, wheelSignature } from '../schema';
import { unitUsesWheel } from './wheel-sets';
import { idList, wheelReads } from './wheel-reads';
import { unitOccurrences, wheelsByUnit, type OccurrenceView } from '$lib/domain/wheel/occurrences';
import { periodHasBegun, signedLate } from '$lib/domain/wheel/schedule';
import type { ReopenInput, SignOffInput } from '$lib/schemas/wheel';
import type { WriteResult } from '../../result';

export interface OccurrenceKey {
	taskId: number;
	unitId: number;
	/** `YYYY-MM` */
	period: string;
}

export type UnitOccurrence = OccurrenceView & {
	wheelName: string;
	unitName: string;
	/** False: from a wheel the unit no longer uses, kept because it was signed (or reopened). */
	inUse: boolean;
};

/**
 * Which active wheels each active unit uses, with inheritance from parent units. Prepared
 * reads (wheel-reads.ts): the statements run on the one connection, so `_q` (a transaction)
 * sees the same rows.
 */
export function wheelUsage(_q: Queryable = db) {
	const reads = wheelReads();
	const units = reads.units.all();
	const wheels = reads.activeWheels.all();
	const active = new Set(wheels.map((w) => w.id));
	const assignments = reads.assignments.all().filter((a) => active.has(a.wheelId));
	return { units, wheels, byUnit: wheelsByUnit(assignments, units) };
}

/** Signatures of `year` for the units: the active ones, and those reopened since. */
function yearSignatures(unitIds: number[], year: number) {
	const rows = unitIds.length
		? wheelReads().signatures.all({ unitIds: idList(unitIds), periods: `${year}-%` })
		: [];
	return {
		active: rows.filter((s) => s.reopenedAt === null),
		reopened: rows.filter((s) => s.reopenedAt !== null)
	};
}

/**
 * Every occurrence of `year` for the given units (all units using a wheel, or holding a
 * signature, when omitted), optionally of one wheel only, in due-date order. A wheel the unit
 * no longer uses (unassigned or archived) keeps its signed occurrences and makes no new ones:
 * signed history is a record for internal control and supervision.
 */
export function listOccurrences(
	opts: { year: number; now: Date; unitIds?: number[]; wheelId?: number | null },
	q: Queryable = db
): UnitOccurrence[] {
	const usage = wheelUsage(q);
	const reads = wheelReads();
	const signatures = yearSignatures(opts.unitIds ?? usage.units.map((u) => u.id), opts.year);
	const all = [...signatures.active, ...signatures.reopened];
	const withHistory = new Set(all.map((s) => s.unitId));
	const unitIds = (opts.unitIds ?? [...new Set([...usage.byUnit.keys(), ...withHistory])]).filter(
		(id) => usage.byUnit.has(id) || withHistory.has(id)
	);
	const assigned = new Set(unitIds.flatMap((id) => [...(usage.byUnit.get(id) ?? [])]));
	const signedTaskIds = [...new Set(all.map((s) => s.taskId))];
	if (assigned.size === 0 && signedTaskIds.length === 0) return [];
	const rows = reads.tasks
		.all({ wheelIds: idList([...assigned]), taskIds: idList(signedTaskIds) })
		.filter((t) => !opts.wheelId || t.wheelId === opts.wheelId);
	const past = rows.length
		? reads.pastSchedules.all({ taskIds: idList(rows.map((t) => t.id)) })
		: [];
	const pastByTask = new Map<number, typeof past>();
	for (const p of past) pastByTask.set(p.taskId, [...(pastByTask.get(p.taskId) ?? []), p]);
	const tasks = rows.map((t) => ({ ...t, pastSchedules: pastByTask.get(t.id) ?? [] }));
	const wheelName = new Map(reads.wheelNames.all().map((w) => [w.id, w.name]));
	const unitName = new Map(usage.units.map((u) => [u.id, u.name]));
	const stopped = new Date(0);
	return unitIds.flatMap((unitId) => {
		const uses = usage.byUnit.get(unitId) ?? new Set<number>();
		const own = signatures.active.filter((s) => s.unitId === unitId);
		const reopened = signatures.reopened.filter((s) => s.unitId === unitId);
		const recorded = new Set([...own, ...reopened].map((s) => s.taskId));
		const unitTasks = tasks
			.filter((t) => uses.has(t.wheelId) || recorded.has(t.id))
			// Not used any more: only occurrences with a signature (active or reopened) stay,
			// as if the task was archived long ago.
			.map((t) => (uses.has(t.wheelId) ? t : { ...t, archivedAt: stopped }));
		return unitOccurrences(unitId, unitTasks, own, opts.year, opts.now, reopened).map((o) => ({
			...o,
			wheelName: wheelName.get(o.wheelId) ?? '',
			unitName: unitName.get(unitId) ?? '',
			inUse: uses.has(o.wheelId)
		}));
	});
}

/**
 * One occurrence, or undefined when the unit has no such occurrence: the same as
 * listOccurrences gives for the key, from the one task, unit and period alone (indexed reads),
 * so a sign-off does not compute the unit's whole year.
 */
export function findOccurrence(
	key: OccurrenceKey,
	now: Date,
	// Prepared statements run on the one connection, so inside a caller's transaction too.
	_q: Queryable = db
): UnitOccurrence | undefined {
	const reads = wheelReads();
	const task = reads.task.get({ taskId: key.taskId });
	if (!task) return undefined;
	const owner = reads.unitName.get({ unitId: key.unitId });
	if (!owner) return undefined;
	const records = reads.keySignatures.all({ ...key });
	const inUse = unitUsesWheel(key.unitId, task.wheelId);
	if (!inUse && records.length === 0) return undefined;
	const pastSchedules = reads.taskSchedules.all({ taskId: task.id });
	// Not used any more: only an occurrence with a signature (active or reopened) stays.
	const scheduled = { ...task, pastSchedules, archivedAt: inUse ? task.archivedAt : new Date(0) };
	const occurrence = unitOccurrences(
		key.unitId,
		[scheduled],
		records.filter((s) => s.reopenedAt === null),
		Number(key.period.slice(0, 4)),
		now,
		records.filter((s) => s.reopenedAt !== null)
	).find((o) => o.period === key.period);
	if (!occurrence) return undefined;
	const wheelName = reads.wheelName.get({ wheelId: task.wheelId })?.name ?? '';
	return { ...occurrence, wheelName, unitName: owner.name, inUse };
}

/** Where a page of an occurrence's history starts: after this signature (keyset). */
export interface HistoryCursor {
	signedAt: Date;
	id: number;
}

/**
 * The signatures of an occurrence, newest first, each with its reopening if any: a page of
 * `limit` after `after`, and one more when there are more (the caller shows `limit`).
 */
export function occurrenceHistory(
	key: OccurrenceKey,
	{ after = null, limit = 20 }: { after?: HistoryCursor | null; limit?: number } = {}
) {
	const signer = db
		.select({
			id: wheelSignature.id,
			signedAt: wheelSignature.signedAt,
			signedById: wheelSignature.signedById,
			signedByName: user.name,
			late: wheelSignature.late,
			comment: wheelSignature.comment,
			storedIn: wheelSignature.storedIn,
			link: wheelSignature.link,
			taskTitle: wheelSignature.taskTitle,
			dueDate: wheelSignature.dueDate
		})
		.from(wheelSignature)
		.innerJoin(user, eq(user.id, wheelSignature.signedById))
		.where(
			and(
				eq(wheelSignature.taskId, key.taskId),
				eq(wheelSignature.unitId, key.unitId),
				eq(wheelSignature.period, key.period),
				after
					? or(
							lt(wheelSignature.signedAt, after.signedAt),
							and(eq(wheelSignature.signedAt, after.signedAt), lt(wheelSignature.id, after.id))
						)
					: undefined
			)
		)
		.orderBy(desc(wheelSignature.signedAt), desc(wheelSignature.id))
		.limit(limit + 1)
		.all();
	const reopenings = signer.length
		? db
				.select({
					signatureId: wheelReopening.signatureId,
					reopenedAt: wheelReopening.reopenedAt,
					reopenedByName: user.name,
					reason: wheelReopening.reason
				})
				.from(wheelReopening)
				.innerJoin(user, eq(user.id, wheelReopening.reopenedById))
				.where(
					inArray(
						wheelReopening.signatureId,
						signer.map((s) => s.id)
					)
				)
				.all()
		: [];
	return signer.map((s) => ({
		...s,
		reopening: reopenings.find((r) => r.signatureId === s.id) ?? null
	}));
}

/** The partial unique index, or the no-replace trigger in front of it (drizzle/0008_no_replace.sql). */
function isUniqueViolation(e: unknown): boolean {
	if (typeof e !== 'object' || e === null || !('code' in e)) return false;
	const { code, message } = e as { code: string; message?: string };
	return (
		code === 'SQLITE_CONSTRAINT_UNIQUE' ||
		(code === 'SQLITE_CONSTRAINT_TRIGGER' && /already signed/.test(message ?? ''))
	);
}

/**
 * Records a sign-off with a snapshot of what was signed, and its evidence (the files, and the
 * link as a link) in the same transaction: a refused sign-off stores no evidence, and evidence
 * never stands without its signature. A second sign-off of the same occurrence (double click,
 * two tabs) is refused with `already_signed`: the partial unique index on active signatures
 * makes that hold even if two requests race.
 */
export function signOccurrence(
	key: OccurrenceKey,
	input: SignOffInput,
	actorId: number,
	now: Date,
	files: NewEvidenceFile[] = []
): WriteResult<number> {
	try {
		return db.transaction((tx) => {
			const occurrence = findOccurrence(key, now, tx);
			if (!occurrence) return { ok: false, reason: 'not_found' } as const;
			if (!periodHasBegun(key.period, now)) return { ok: false, reason: 'not_begun' } as const;
			if (occurrence.signature) return { ok: false, reason: 'already_signed' } as const;
			const values = {
				taskId: key.taskId,
				unitId: key.unitId,
				period: key.period,
				dueDate: occurrence.dueDate,
				taskTitle: occurrence.title,
				responsibleRole: occurrence.responsibleRole,
				signedById: actorId,
				signedAt: now,
				late: signedLate(now, occurrence.dueDate),
				comment: input.comment,
				storedIn: input.storedIn,
				link: input.link
			};
			const row = tx.insert(wheelSignature).values(values).returning().get();
			const evidence = insertSignatureEvidence(
				tx,
				row.id,
				{ files, links: input.link ? [input.link] : [] },
				actorId,
				now
			);
			writeAudit(tx, now, {
				actorId,
				entity: 'wheel_signature',
				entityId: row.id,
				action: 'sign',
				after: evidence.length ? { ...values, evidence } : values
			});
			return { ok: true, value: row.id } as const;
		});
	} catch (e) {
		if (isUniqueViolation(e)) return { ok: false, reason: 'already_signed' };
		throw e;
	}
}

/** The active signature of an occurrence, for deciding who may reopen it. */
export function activeSignature(key: OccurrenceKey, q: Queryable = db) {
	return q
		.select()
		.from(wheelSignature)
		.where(
			and(
				eq(wheelSignature.taskId, key.taskId),
				eq(wheelSignature.unitId, key.unitId),
				eq(wheelSignature.period, key.period),
				isNull(wheelSignature.reopenedAt)
			)
		)
		.get();
}

/**
 * Reopens the active signature: the signature row keeps every signed field; a reopening row
 * says who, when and why, and the occurrence is open to be signed again.
 */
export function reopenOccurrence(
	key: OccurrenceKey,
	input: ReopenInput,
	actorId: number,
	now: Date,
	/** The signature the caller checked permission on; another one by now is refused. */
	expectedSignatureId?: number
): WriteResult<number> {
	return db.transaction((tx) => {
		const signature = activeSignature(key, tx);
		if (!signature) return { ok: false, reason: 'not_signed' } as const;
		if (expectedSignatureId !== undefined && signature.id !== expectedSignatureId) {
			return { ok: false, reason: 'not_signed' } as const;
		}
		// The reopening first: the signature's update trigger lets reopened_at be set only to
		// the time of a reopening of that signature (drizzle/0006_audit_append_only.sql).
		const row = tx
			.insert(wheelReopening)
			.values({
				signatureId: signature.id,
				reopenedById: actorId,
				reopenedAt: now,
				reason: input.reason
			})
			.returning()
			.get();
		tx.update(wheelSignature)
			.set({ reopenedAt: now })
			.where(eq(wheelSignature.id, signature.id))
			.run();
		writeAudit(tx, now, {
			actorId,
			entity: 'wheel_signature',
			entityId: signature.id,
			action: 'reopen',
			before: { signedById: signature.signedById, signedAt: signature.signedAt },
			after: { reason: input.reason, reopenedAt: now }
		});
		return { ok: true, value: row.id } as const;
	});
}
