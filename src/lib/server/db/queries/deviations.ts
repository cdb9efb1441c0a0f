/**
 * Deviations (avvik, kommuneloven § 25-1 c): recording, editing, closing and reopening, each
 * with its audit row in the same transaction. The pages' reads are in ./deviation-reads.ts.
 */
import { and, eq } from 'drizzle-orm';
import { db, type Tx } from '..';
import {
	deviation,
	tilsynFinding,
	tilsynUnit,
	unit,
	user,
	wheelTask,
	type Deviation
} from '../schema';
import { writeAudit, type AuditInput } from './audit';
import { writeTransaction } from './write';
import type { WriteResult } from '../../result';
import type { DeviationInput } from '$lib/schemas/control';
import type { DeviationSource } from '$lib/domain/control/vocabulary';

export type NewDeviation = DeviationInput & {
	unitId: number;
	source: DeviationSource;
	taskId: number | null;
	period: string | null;
	findingId: number | null;
	foundOn: string;
};

function auditable(d: Deviation) {
	return {
		unitId: d.unitId,
		source: d.source,
		taskId: d.taskId,
		period: d.period,
		findingId: d.findingId,
		title: d.title,
		description: d.description,
		severity: d.severity,
		immediateAction: d.immediateAction,
		correctiveAction: d.correctiveAction,
		responsibleId: d.responsibleId,
		deadline: d.deadline,
		status: d.status,
		closingNote: d.closingNote
	};
}

function activeUser(tx: Tx, id: number | null): boolean {
	if (id === null) return true;
	return (
		tx.select({ active: user.active }).from(user).where(eq(user.id, id)).get()?.active === true
	);
}

/** Checks what the input names; a reason, or null when all is there. */
function missingReference(tx: Tx, input: NewDeviation): string | null {
	const u = tx
		.select({ archivedAt: unit.archivedAt })
		.from(unit)
		.where(eq(unit.id, input.unitId))
		.get();
	if (!u || u.archivedAt) return 'unit_missing';
	if (!activeUser(tx, input.responsibleId)) return 'responsible_missing';
	if (input.taskId !== null) {
		const task = tx
			.select({ id: wheelTask.id })
			.from(wheelTask)
			.where(eq(wheelTask.id, input.taskId))
			.get();
		if (!task) return 'occurrence_missing';
	}
	if (input.findingId !== null) {
		const covered = tx
			.select({ id: tilsynFinding.id })
			.from(tilsynFinding)
			.innerJoin(
				tilsynUnit,
				and(eq(tilsynUnit.tilsynId, tilsynFinding.tilsynId), eq(tilsynUnit.unitId, input.unitId))
			)
			.where(eq(tilsynFinding.id, input.findingId))
			.get();
		if (!covered) return 'finding_missing';
	}
	return null;
}

export function createDeviation(
	input: NewDeviation,
	actorId: number,
	now: Date
): WriteResult<number> {
	return writeTransaction((tx) => {
		const missing = missingReference(tx, input);
		if (missing) return { ok: false, reason: missing } as const;
		const row = tx
			.insert(deviation)
			.values({ ...input, reportedById: actorId, createdAt: now })
			.returning()
			.get();
		writeAudit(tx, now, {
			actorId,
			entity: 'deviation',
			entityId: row.id,
			action: 'create',
			after: auditable(row)
		});
		return { ok: true, value: row.id } as const;
	});
}

export function getDeviation(id: number, q: Tx | typeof db = db): Deviation | undefined {
	return q.select().from(deviation).where(eq(deviation.id, id)).get();
}

/**
 * One versioned write of a deviation: the row must exist and still carry `version`; `refusal`
 * says why else it may not change (or null); `write` changes it and answers its audit entry,
 * or null when the row moved meanwhile.
 */
function changeDeviation(
	{ id, version, actorId, now }: { id: number; version: number; actorId: number; now: Date },
	refusal: (before: Deviation, tx: Tx) => string | null,
	write: (before: Deviation, tx: Tx) => Pick<AuditInput, 'action' | 'before' | 'after'> | null
): WriteResult {
	return writeTransaction((tx) => {
		const before = getDeviation(id, tx);
		if (!before) return { ok: false, reason: 'not_found' } as const;
		if (before.version !== version) return { ok: false, reason: 'conflict' } as const;
		const refused = refusal(before, tx);
		if (refused) return { ok: false, reason: refused } as const;
		const entry = write(before, tx);
		if (!entry) return { ok: false, reason: 'conflict' } as const;
		writeAudit(tx, now, { actorId, entity: 'deviation', entityId: id, ...entry });
		return { ok: true, value: undefined } as const;
	});
}

/** Edits what was found and what is to be done; a closed deviation is reopened first. */
export function updateDeviation(
	id: number,
	input: DeviationInput,
	version: number,
	actorId: number,
	now: Date
): WriteResult {
	return changeDeviation(
		{ id, version, actorId, now },
		(before, tx) =>
			before.status === 'closed'
				? 'closed'
				: !activeUser(tx, input.responsibleId)
					? 'responsible_missing'
					: null,
		(before, tx) => {
			const after = tx
				.update(deviation)
				.set({ ...input, version: version + 1 })
				.where(and(eq(deviation.id, id), eq(deviation.version, version)))
				.returning()
				.get();
			if (!after) return null;
			return { action: 'update', before: auditable(before), after: auditable(after) };
		}
	);
}

type Closing = Pick<Deviation, 'status' | 'closingNote' | 'closedById' | 'closedAt'>;

/** Closes or reopens: the closing fields, and the next version. */
function setClosing(tx: Tx, id: number, version: number, closing: Closing): void {
	tx.update(deviation)
		.set({ ...closing, version: version + 1 })
		.where(eq(deviation.id, id))
		.run();
}

/** Closing needs a note on what was done (the check constraint holds it too). */
export function closeDeviation(
	id: number,
	closingNote: string,
	version: number,
	actorId: number,
	now: Date
): WriteResult {
	return changeDeviation(
		{ id, version, actorId, now },
		(before) => (before.status === 'closed' ? 'already_closed' : null),
		(before, tx) => {
			setClosing(tx, id, version, {
				status: 'closed',
				closingNote,
				closedById: actorId,
				closedAt: now
			});
			return {
				action: 'close',
				before: { status: before.status },
				after: { status: 'closed', closingNote }
			};
		}
	);
}

/** Reopening keeps the closing note in the audit log; the reason goes there too. */
export function reopenDeviation(
	id: number,
	reason: string,
	version: number,
	actorId: number,
	now: Date
): WriteResult {
	return changeDeviation(
		{ id, version, actorId, now },
		(before) => (before.status !== 'closed' ? 'not_closed' : null),
		(before, tx) => {
			setClosing(tx, id, version, {
				status: 'open',
				closingNote: null,
				closedById: null,
				closedAt: null
			});
			return {
				action: 'reopen',
				before: {
					status: 'closed',
					closingNote: before.closingNote,
					closedById: before.closedById
				},
				after: { status: 'open', reason }
			};
		}
	);
}
