import { and, asc, eq } from 'drizzle-orm';
import { db, type Tx } from '..';
import { writeAudit } from './audit';
import { unit } from '../schema';
import { wouldCreateUnitCycle } from '$lib/domain/org/units';
import type { Versioned, WriteResult } from '../../result';
import { writeTransaction } from './write';

export type UnitRow = typeof unit.$inferSelect;

let unitsByName: { client: unknown; statement: ReturnType<typeof prepareUnits> } | undefined;
const prepareUnits = () => db.select().from(unit).orderBy(asc(unit.name)).prepare();

/**
 * Every unit by name. Prepared once per database handle: the wheel pages and «Mine oppgaver»
 * read the tree on every load (docs/architecture.md, «Habits»: hot-path queries are prepared).
 */
export function listUnits(): UnitRow[] {
	if (unitsByName?.client !== db.$client) {
		unitsByName = { client: db.$client, statement: prepareUnits() };
	}
	return unitsByName.statement.all();
}

export function getUnit(id: number): UnitRow | undefined {
	return db.select().from(unit).where(eq(unit.id, id)).get();
}

export function createUnit(
	input: { name: string; parentId: number | null },
	actorId: number | null,
	now: Date
): WriteResult<number> {
	return writeTransaction((tx) => {
		if (input.parentId !== null) {
			const parent = tx.select().from(unit).where(eq(unit.id, input.parentId)).get();
			if (!parent || parent.archivedAt) return { ok: false, reason: 'parent_missing' } as const;
		}
		const row = tx.insert(unit).values(input).returning().get();
		writeAudit(tx, now, {
			actorId,
			entity: 'unit',
			entityId: row.id,
			action: 'create',
			after: { name: row.name, parentId: row.parentId }
		});
		return { ok: true, value: row.id } as const;
	});
}

/**
 * Writes `change` to the unit if it still has `version` (else `conflict`, nothing written),
 * with its audit entry: what it was before, and `change`.
 */
function saveIfVersion(
	tx: Tx,
	id: number,
	version: number,
	change: { name: string } | { parentId: number | null },
	audit: { actorId: number; action: string; before: object },
	now: Date
): WriteResult {
	const saved = tx
		.update(unit)
		.set({ ...change, version: version + 1 })
		.where(and(eq(unit.id, id), eq(unit.version, version)))
		.returning({ id: unit.id })
		.get();
	if (!saved) return { ok: false, reason: 'conflict' };
	writeAudit(tx, now, { ...audit, entity: 'unit', entityId: id, after: change });
	return { ok: true, value: undefined };
}

/** The rename form; refused as `conflict` if the unit changed since the form was loaded. */
export function renameUnit(
	id: number,
	{ name, version }: { name: string } & Versioned,
	actorId: number,
	now: Date
): WriteResult {
	return db.transaction((tx) => {
		const before = tx.select().from(unit).where(eq(unit.id, id)).get();
		if (!before) return { ok: false, reason: 'not_found' } as const;
		const audit = { actorId, action: 'rename', before: { name: before.name } };
		return saveIfVersion(tx, id, version, { name }, audit, now);
	});
}

/** The move form; version-checked like the rename form of the same unit. */
export function moveUnit(
	id: number,
	{ parentId, version }: { parentId: number | null } & Versioned,
	actorId: number,
	now: Date
): WriteResult {
	return writeTransaction((tx) => {
		const all = tx.select().from(unit).all();
		const before = all.find((u) => u.id === id);
		if (!before) return { ok: false, reason: 'not_found' } as const;
		if (before.version !== version) return { ok: false, reason: 'conflict' } as const;
		if (parentId !== null) {
			const parent = all.find((u) => u.id === parentId);
			if (!parent || parent.archivedAt) return { ok: false, reason: 'parent_missing' } as const;
			if (wouldCreateUnitCycle(all, id, parentId)) return { ok: false, reason: 'cycle' } as const;
		}
		const audit = { actorId, action: 'move', before: { parentId: before.parentId } };
		return saveIfVersion(tx, id, version, { parentId }, audit, now);
	});
}

/** Archiving keeps the unit and its history; a unit with active children is refused. */
export function setUnitArchived(
	id: number,
	archived: boolean,
	actorId: number,
	now: Date
): WriteResult {
	return db.transaction((tx) => {
		const all = tx.select().from(unit).all();
		const before = all.find((u) => u.id === id);
		if (!before) return { ok: false, reason: 'not_found' } as const;
		if (archived && all.some((u) => u.parentId === id && !u.archivedAt)) {
			return { ok: false, reason: 'has_children' } as const;
		}
		if (!archived && before.parentId !== null) {
			const parent = all.find((u) => u.id === before.parentId);
			if (parent?.archivedAt) return { ok: false, reason: 'parent_archived' } as const;
		}
		const archivedAt = archived ? now : null;
		tx.update(unit).set({ archivedAt }).where(eq(unit.id, id)).run();
		writeAudit(tx, now, {
			actorId,
			entity: 'unit',
			entityId: id,
			action: archived ? 'archive' : 'restore',
			before: { archivedAt: before.archivedAt },
			after: { archivedAt }
		});
		return { ok: true, value: undefined } as const;
	});
}
