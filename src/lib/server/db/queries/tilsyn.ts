/**
 * The tilsyn register (kommuneloven § 25-2: the results of statlig tilsyn are reported to the
 * kommunestyre): inspections, the units they covered, and their findings (lovbrudd, merknad),
 * each write with its audit row in the same transaction.
 */
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { db, type Tx } from '..';
import { tilsyn, tilsynFinding, tilsynUnit, unit, type Tilsyn } from '../schema';
import { writeAudit } from './audit';
import { writeTransaction } from './write';
import { preparedStatements } from './prepared';
import type { WriteResult } from '../../result';
import type { FindingInput, TilsynInput } from '$lib/schemas/control';
import {
	FINDING_KIND_LABEL,
	type FindingKind,
	type FindingStatus,
	type TilsynStatus
} from '$lib/domain/control/vocabulary';

function unitsLive(tx: Tx, unitIds: number[]): boolean {
	const found = tx
		.select({ id: unit.id })
		.from(unit)
		.where(and(inArray(unit.id, unitIds), isNull(unit.archivedAt)))
		.all();
	return found.length === unitIds.length;
}

function tilsynUnitIds(q: Tx | typeof db, tilsynId: number): number[] {
	return q
		.select({ id: tilsynUnit.unitId })
		.from(tilsynUnit)
		.where(eq(tilsynUnit.tilsynId, tilsynId))
		.orderBy(asc(tilsynUnit.unitId))
		.all()
		.map((r) => r.id);
}

function auditable(t: Tilsyn, unitIds: number[]) {
	return {
		authority: t.authority,
		theme: t.theme,
		description: t.description,
		startDate: t.startDate,
		preliminaryReportDate: t.preliminaryReportDate,
		finalReportDate: t.finalReportDate,
		followUpDeadline: t.followUpDeadline,
		status: t.status,
		unitIds
	};
}

export function createTilsyn(input: TilsynInput, actorId: number, now: Date): WriteResult<number> {
	return writeTransaction((tx) => {
		if (!unitsLive(tx, input.unitIds)) return { ok: false, reason: 'unit_missing' } as const;
		const { unitIds, ...fields } = input;
		const row = tx
			.insert(tilsyn)
			.values({ ...fields, createdById: actorId, createdAt: now })
			.returning()
			.get();
		for (const unitId of unitIds) tx.insert(tilsynUnit).values({ tilsynId: row.id, unitId }).run();
		writeAudit(tx, now, {
			actorId,
			entity: 'tilsyn',
			entityId: row.id,
			action: 'create',
			after: auditable(row, unitIds)
		});
		return { ok: true, value: row.id } as const;
	});
}

export function updateTilsyn(
	id: number,
	input: TilsynInput,
	version: number,
	actorId: number,
	now: Date
): WriteResult {
	return writeTransaction((tx) => {
		const before = tx.select().from(tilsyn).where(eq(tilsyn.id, id)).get();
		if (!before) return { ok: false, reason: 'not_found' } as const;
		if (before.version !== version) return { ok: false, reason: 'conflict' } as const;
		const beforeUnits = tilsynUnitIds(tx, id);
		// A unit archived since stays covered; a newly chosen one must be live.
		const added = input.unitIds.filter((u) => !beforeUnits.includes(u));
		if (added.length && !unitsLive(tx, added))
			return { ok: false, reason: 'unit_missing' } as const;
		const { unitIds, ...fields } = input;
		const after = tx
			.update(tilsyn)
			.set({ ...fields, version: version + 1 })
			.where(and(eq(tilsyn.id, id), eq(tilsyn.version, version)))
			.returning()
			.get();
		if (!after) return { ok: false, reason: 'conflict' } as const;
		tx.delete(tilsynUnit).where(eq(tilsynUnit.tilsynId, id)).run();
		for (const unitId of unitIds) tx.insert(tilsynUnit).values({ tilsynId: id, unitId }).run();
		writeAudit(tx, now, {
			actorId,
			entity: 'tilsyn',
			entityId: id,
			action: 'update',
			before: auditable(before, beforeUnits),
			after: auditable(
				after,
				[...unitIds].sort((a, b) => a - b)
			)
		});
		return { ok: true, value: undefined } as const;
	});
}

export function addFinding(
	tilsynId: number,
	input: FindingInput,
	actorId: number,
	now: Date
): WriteResult<number> {
	return writeTransaction((tx) => {
		if (!tx.select({ id: tilsyn.id }).from(tilsyn).where(eq(tilsyn.id, tilsynId)).get()) {
			return { ok: false, reason: 'not_found' } as const;
		}
		const row = tx
			.insert(tilsynFinding)
			.values({ tilsynId, ...input, createdAt: now })
			.returning()
			.get();
		writeAudit(tx, now, {
			actorId,
			entity: 'tilsyn_finding',
			entityId: row.id,
			action: 'create',
			after: { tilsynId, kind: row.kind, text: row.text, status: row.status }
		});
		return { ok: true, value: row.id } as const;
	});
}

export function setFindingStatus(
	tilsynId: number,
	findingId: number,
	status: FindingStatus,
	actorId: number,
	now: Date
): WriteResult {
	return writeTransaction((tx) => {
		const before = tx
			.select()
			.from(tilsynFinding)
			.where(and(eq(tilsynFinding.id, findingId), eq(tilsynFinding.tilsynId, tilsynId)))
			.get();
		if (!before) return { ok: false, reason: 'not_found' } as const;
		if (before.status === status) return { ok: true, value: undefined } as const;
		tx.update(tilsynFinding)
			.set({ status, version: before.version + 1 })
			.where(eq(tilsynFinding.id, findingId))
			.run();
		writeAudit(tx, now, {
			actorId,
			entity: 'tilsyn_finding',
			entityId: findingId,
			action: 'status',
			before: { status: before.status },
			after: { status }
		});
		return { ok: true, value: undefined } as const;
	});
}

// --- reads -----------------------------------------------------------------------------------

const statement = preparedStatements();

export function getTilsyn(id: number) {
	const row = db.select().from(tilsyn).where(eq(tilsyn.id, id)).get();
	return row ? { ...row, unitIds: tilsynUnitIds(db, id) } : undefined;
}

export function listTilsynUnits(tilsynId: number) {
	return statement(
		'units',
		() => `select u.id, u.name from tilsyn_unit tu join unit u on u.id = tu.unit_id
			where tu.tilsyn_id = @tilsynId order by u.name`
	).all({ tilsynId }) as { id: number; name: string }[];
}

/** A tilsyn's findings, each with how many deviations follow it up and how many are open. */
export function listFindings(tilsynId: number) {
	return statement(
		'findings',
		() => `select f.id, f.kind, f.text, f.status,
			(select count(*) from deviation d where d.finding_id = f.id) as deviations,
			(select count(*) from deviation d where d.finding_id = f.id and d.status = 'open') as openDeviations
		from tilsyn_finding f where f.tilsyn_id = @tilsynId order by f.id limit 200`
	).all({ tilsynId }) as {
		id: number;
		kind: FindingKind;
		text: string;
		status: FindingStatus;
		deviations: number;
		openDeviations: number;
	}[];
}

/** The deviations that follow up a tilsyn's findings. */
export function listTilsynDeviations(tilsynId: number) {
	return statement(
		'tilsyn-deviations',
		() => `select d.id, d.title, d.status, d.deadline, d.finding_id as findingId, u.name as unitName
		from deviation d join tilsyn_finding f on f.id = d.finding_id join unit u on u.id = d.unit_id
		where f.tilsyn_id = @tilsynId order by d.id limit 200`
	).all({ tilsynId }) as {
		id: number;
		title: string;
		status: 'open' | 'closed';
		deadline: string | null;
		findingId: number;
		unitName: string;
	}[];
}

export interface TilsynListRow {
	id: number;
	authority: string;
	theme: string;
	startDate: string | null;
	followUpDeadline: string | null;
	status: TilsynStatus;
	units: string | null;
	breaches: number;
	remarks: number;
	openFindings: number;
}

const LIST_SQL = (direction: 'after' | 'before' | 'first') => `
	select * from (
		select t.id, t.authority, t.theme, t.start_date as startDate,
			t.follow_up_deadline as followUpDeadline, t.status,
			(select group_concat(u.name, ', ') from tilsyn_unit tu join unit u on u.id = tu.unit_id
				where tu.tilsyn_id = t.id) as units,
			(select count(*) from tilsyn_finding f where f.tilsyn_id = t.id and f.kind = 'breach') as breaches,
			(select count(*) from tilsyn_finding f where f.tilsyn_id = t.id and f.kind = 'remark') as remarks,
			(select count(*) from tilsyn_finding f where f.tilsyn_id = t.id and f.status = 'open') as openFindings
		from tilsyn t
		where 1 ${direction === 'after' ? 'and t.id < @k1' : direction === 'before' ? 'and t.id > @k1' : ''}
		order by t.id ${direction === 'before' ? 'asc' : 'desc'}
		limit @limit
	) order by id desc`;

/** A page of the register, newest recorded first (keyset on id). */
export function listTilsynPage(
	position: { after?: (string | number)[]; before?: (string | number)[] },
	limit: number
): TilsynListRow[] {
	const direction = position.after ? 'after' : position.before ? 'before' : 'first';
	const k = position.after ?? position.before;
	return statement(`list-${direction}`, () => LIST_SQL(direction)).all({
		limit,
		k1: k ? k[0] : null
	}) as TilsynListRow[];
}

export function countTilsyn(): { total: number; open: number } {
	return statement(
		'count',
		() => `select count(*) as total, coalesce(sum(status <> 'closed'), 0) as open from tilsyn`
	).get() as { total: number; open: number };
}

/** A finding with its tilsyn and covered units, to prefill a deviation that follows it up. */
export function getFindingForFollowUp(findingId: number) {
	const row = statement(
		'finding-follow-up',
		() => `select f.id, f.kind, f.text, f.tilsyn_id as tilsynId, t.theme, t.authority
		from tilsyn_finding f join tilsyn t on t.id = f.tilsyn_id where f.id = @findingId`
	).get({ findingId }) as
		| {
				id: number;
				kind: FindingKind;
				text: string;
				tilsynId: number;
				theme: string;
				authority: string;
		  }
		| undefined;
	if (!row) return undefined;
	return {
		...row,
		kindLabel: FINDING_KIND_LABEL[row.kind],
		unitIds: tilsynUnitIds(db, row.tilsynId)
	};
}
