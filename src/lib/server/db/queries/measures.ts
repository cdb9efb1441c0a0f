import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { db, type Queryable, type Tx } from '..';
import { writeAudit } from './audit';
import { directContext, projectUsable, type CreateContext } from './create-context';
import { measure, measureUnit, risk, unit, type Measure } from '../schema';
import type { MeasureInput, NewMeasureInput } from '$lib/schemas/portfolio';
import { deleteStatusHistory, recordStatus, setArchived } from './lifecycle';
import { refusedWhenReferenced } from './projects';
import type { WriteResult } from '../../result';
import { userExists } from './portfolio-people';
import { writeTransaction } from './write';
import { followMeasure } from './benefits-timing';

export type MeasureWithUnits = Measure & { unitIds: number[] };

let prepared:
	| { measures: ReturnType<typeof prepareMeasures>; units: ReturnType<typeof prepareUnits> }
	| undefined;
function prepareMeasures() {
	return db
		.select()
		.from(measure)
		.where(isNull(measure.archivedAt))
		.orderBy(asc(measure.title))
		.prepare();
}
function prepareUnits() {
	return db.select().from(measureUnit).prepare();
}

/** Measures not archived, with the units that carry them out. Prepared (overview hot path). */
export function listMeasures(): MeasureWithUnits[] {
	prepared ??= { measures: prepareMeasures(), units: prepareUnits() };
	const byMeasure = new Map<number, number[]>();
	for (const l of prepared.units.all()) {
		byMeasure.set(l.measureId, [...(byMeasure.get(l.measureId) ?? []), l.unitId]);
	}
	return prepared.measures.all().map((m) => ({ ...m, unitIds: byMeasure.get(m.id) ?? [] }));
}

export function listMeasuresByProject(projectId: number): MeasureWithUnits[] {
	const rows = db
		.select()
		.from(measure)
		.where(and(eq(measure.projectId, projectId), isNull(measure.archivedAt)))
		.orderBy(asc(measure.title))
		.all();
	if (rows.length === 0) return [];
	const links = db
		.select()
		.from(measureUnit)
		.where(
			inArray(
				measureUnit.measureId,
				rows.map((r) => r.id)
			)
		)
		.all();
	return rows.map((m) => ({
		...m,
		unitIds: links.filter((l) => l.measureId === m.id).map((l) => l.unitId)
	}));
}

export function getMeasureById(id: number, q: Queryable = db): MeasureWithUnits | undefined {
	const row = q.select().from(measure).where(eq(measure.id, id)).get();
	if (!row) return undefined;
	const unitIds = q
		.select({ unitId: measureUnit.unitId })
		.from(measureUnit)
		.where(eq(measureUnit.measureId, id))
		.all()
		.map((l) => l.unitId);
	return { ...row, unitIds };
}

function auditable(m: Measure & { unitIds: number[] }) {
	return {
		projectId: m.projectId,
		title: m.title,
		description: m.description,
		ownerId: m.ownerId,
		startDate: m.startDate,
		endDate: m.endDate,
		status: m.status,
		unitIds: m.unitIds
	};
}

function unitsUsable(q: Queryable, unitIds: number[]): boolean {
	if (unitIds.length === 0) return true;
	const rows = q.select().from(unit).where(inArray(unit.id, unitIds)).all();
	return rows.length === unitIds.length && rows.every((u) => !u.archivedAt);
}

/** A measure belongs to one project and may be carried out by several units. */
export function createMeasure(
	input: NewMeasureInput,
	actorId: number | null,
	now: Date
): WriteResult<number> {
	return writeTransaction((tx) => insertMeasure(tx, input, actorId, now, directContext(tx, now)));
}

/** createMeasure's checks and writes inside the caller's transaction `tx`. */
export function insertMeasure(
	tx: Tx,
	input: NewMeasureInput,
	actorId: number | null,
	now: Date,
	ctx: CreateContext
): WriteResult<number> {
	if (!ctx.projectUsable(input.projectId)) return { ok: false, reason: 'project_missing' } as const;
	if (!unitsUsable(tx, input.unitIds)) return { ok: false, reason: 'unit_missing' } as const;
	if (!ctx.userExists(input.ownerId)) return { ok: false, reason: 'owner_missing' } as const;
	const { unitIds, ...fields } = input;
	const row = tx.insert(measure).values(fields).returning().get();
	for (const unitId of unitIds) tx.insert(measureUnit).values({ measureId: row.id, unitId }).run();
	recordStatus(tx, 'measure', row.id, null, row.status, null, actorId, now);
	ctx.audit({
		actorId,
		entity: 'measure',
		entityId: row.id,
		action: 'create',
		after: auditable({ ...row, unitIds })
	});
	return { ok: true, value: row.id } as const;
}

/** Lost-update check as for projects: a stale `version` writes nothing (`conflict`). */
export function updateMeasure(
	id: number,
	input: MeasureInput,
	actorId: number,
	now: Date
): WriteResult {
	return writeTransaction((tx) => {
		const before = getMeasureById(id, tx);
		if (!before) return { ok: false, reason: 'not_found' } as const;
		if (before.version !== input.version) return { ok: false, reason: 'conflict' } as const;
		if (!userExists(input.ownerId, tx)) return { ok: false, reason: 'owner_missing' } as const;
		if (input.projectId !== before.projectId && !projectUsable(tx, input.projectId)) {
			return { ok: false, reason: 'project_missing' } as const;
		}
		const added = input.unitIds.filter((u) => !before.unitIds.includes(u));
		if (!unitsUsable(tx, added)) return { ok: false, reason: 'unit_missing' } as const;
		const { unitIds, version, ...fields } = input;
		const updated = tx
			.update(measure)
			.set({ ...fields, version: version + 1 })
			.where(and(eq(measure.id, id), eq(measure.version, version)))
			.returning()
			.get();
		if (!updated) return { ok: false, reason: 'conflict' } as const;
		tx.delete(measureUnit).where(eq(measureUnit.measureId, id)).run();
		for (const unitId of unitIds) tx.insert(measureUnit).values({ measureId: id, unitId }).run();
		// Benefits waiting for this measure move with it when its dates slip.
		followMeasure(tx, id, before, updated, actorId, now);
		writeAudit(tx, now, {
			actorId,
			entity: 'measure',
			entityId: id,
			action: 'update',
			before: auditable(before),
			after: auditable({ ...updated, unitIds })
		});
		return { ok: true, value: undefined } as const;
	});
}

/** A measure with risks is refused (`has_children`), as is one a benefit map points at. */
export function deleteMeasure(id: number, actorId: number, now: Date): WriteResult {
	return refusedWhenReferenced(() =>
		db.transaction((tx) => {
			const before = getMeasureById(id, tx);
			if (!before) return { ok: false, reason: 'not_found' } as const;
			if (tx.select({ id: risk.id }).from(risk).where(eq(risk.measureId, id)).all().length > 0) {
				return { ok: false, reason: 'has_children' } as const;
			}
			tx.delete(measureUnit).where(eq(measureUnit.measureId, id)).run();
			deleteStatusHistory(tx, 'measure', id);
			tx.delete(measure).where(eq(measure.id, id)).run();
			writeAudit(tx, now, {
				actorId,
				entity: 'measure',
				entityId: id,
				action: 'delete',
				before: auditable(before)
			});
			return { ok: true, value: undefined } as const;
		})
	);
}

export function setMeasureArchived(
	id: number,
	archived: boolean,
	actorId: number,
	now: Date
): WriteResult {
	return setArchived('measure', id, archived, actorId, now);
}
