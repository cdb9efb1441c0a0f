/**
 * The change log as the admin page reads it: a page at a time by time and id (keyset
 * pagination, so a page deep in 200 000 rows costs what the first does), filters that each have an index
 * (schema/audit.ts), the filter choices by a loose index scan, and the recorded checks of the
 * hash chain, so the page shows the last check instead of walking every row on each visit.
 */
import { and, asc, count, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import { db } from '..';
import { auditLog, auditVerification, user } from '../schema';
import type { ChainReport } from '../audit-chain';
import { auditEntryColumns } from './audit';

export type AuditLogFilter = {
	entity?: string;
	action?: string;
	actorId?: number;
	/** Rows about things in this unit or below it (see `inUnit`). */
	unitId?: number;
	/** UTC milliseconds; `toMs` is exclusive. */
	fromMs?: number;
	toMs?: number;
};

/** A row's place in the log's order: its time, then its id for rows of the same millisecond. */
export type AuditPosition = { at: number; id: number };
/** Rows older than `before`, or newer than `after`; neither: the newest. */
export type AuditCursor = { before: AuditPosition } | { after: AuditPosition } | null;

/**
 * The filter's conditions, and the cursor's when there is one. A cursor row lies within the
 * date range, so the date bound on its side says nothing more; it is left out, because
 * SQLite seeks on one lower and one upper bound of `at`, and given both `from` and the
 * cursor it may pick `from` and walk the whole range up to the cursor.
 */
function conditions(filter: AuditLogFilter, cursor: AuditCursor = null): SQL[] {
	const c: SQL[] = [];
	if (filter.entity) c.push(eq(auditLog.entity, filter.entity));
	if (filter.action) c.push(eq(auditLog.action, filter.action));
	if (filter.actorId) c.push(eq(auditLog.actorId, filter.actorId));
	if (filter.unitId) c.push(inUnit(filter.unitId));
	const newer = cursor !== null && 'after' in cursor;
	const older = cursor !== null && 'before' in cursor;
	if (filter.fromMs !== undefined && !newer) c.push(gte(auditLog.at, new Date(filter.fromMs)));
	if (filter.toMs !== undefined && !older) c.push(lt(auditLog.at, new Date(filter.toMs)));
	if (newer) c.push(beyond(cursor.after, 'newer'));
	if (older) c.push(beyond(cursor.before, 'older'));
	return c;
}

/**
 * Rows about things that belong to the unit or a unit below it: the units themselves, the
 * sign-offs and deviations of those units, the wheels they own and those wheels' tasks, and
 * the tilsyn that covered them. Other rows (a role, a project) name no unit of their own and
 * are not matched. The (entity, entity_id) pairs are looked up through audit_entity_idx.
 */
function inUnit(unitId: number): SQL {
	return sql`(${auditLog.entity}, ${auditLog.entityId}) IN (
		WITH RECURSIVE sub(id) AS (
			SELECT CAST(${unitId} AS INTEGER)
			UNION ALL SELECT u.id FROM unit u JOIN sub ON u.parent_id = sub.id
		)
		SELECT 'unit', CAST(id AS TEXT) FROM sub
		UNION ALL SELECT 'wheel_signature', CAST(s.id AS TEXT) FROM wheel_signature s
			WHERE s.unit_id IN (SELECT id FROM sub)
		UNION ALL SELECT 'deviation', CAST(d.id AS TEXT) FROM deviation d
			WHERE d.unit_id IN (SELECT id FROM sub)
		UNION ALL SELECT 'wheel', CAST(w.id AS TEXT) FROM wheel w
			WHERE w.owner_unit_id IN (SELECT id FROM sub)
		UNION ALL SELECT 'wheel_task', CAST(t.id AS TEXT) FROM wheel_task t JOIN wheel w ON w.id = t.wheel_id
			WHERE w.owner_unit_id IN (SELECT id FROM sub)
		UNION ALL SELECT DISTINCT 'tilsyn', CAST(tu.tilsyn_id AS TEXT) FROM tilsyn_unit tu
			WHERE tu.unit_id IN (SELECT id FROM sub)
	)`;
}

/**
 * Before or after a position, as one row-value comparison: SQLite reads it as a range on the
 * index's `at` (https://sqlite.org/rowvalue.html#row_value_comparisons), so a page deep in the
 * log is a seek, not a count past the rows before it.
 */
function beyond(p: AuditPosition, direction: 'older' | 'newer'): SQL {
	return direction === 'older'
		? sql`(${auditLog.at}, ${auditLog.id}) < (${p.at}, ${p.id})`
		: sql`(${auditLog.at}, ${auditLog.id}) > (${p.at}, ${p.id})`;
}

const newestFirst = [desc(auditLog.at), desc(auditLog.id)];
const oldestFirst = [asc(auditLog.at), asc(auditLog.id)];

/** Does a row matching the filter lie beyond `p` in that direction? One index seek. */
function existsBeyond(filter: AuditLogFilter, p: AuditPosition, direction: 'older' | 'newer') {
	return (
		db
			.select({ id: auditLog.id })
			.from(auditLog)
			.where(and(...conditions(filter, direction === 'older' ? { before: p } : { after: p })))
			.orderBy(...(direction === 'older' ? newestFirst : oldestFirst))
			.limit(1)
			.get() !== undefined
	);
}

const position = (r: { at: Date; id: number }): AuditPosition => ({ at: r.at.getTime(), id: r.id });

/**
 * One page, newest first by time (then id), and whether older and newer rows lie beyond it.
 * Time, not id, because the page shows and filters by time; the two agree as rows are
 * appended, and the hash chain's own order is the id (queries/audit-chain.ts).
 */
export function listAuditLogPage(filter: AuditLogFilter, cursor: AuditCursor, size: number) {
	const newerPage = cursor !== null && 'after' in cursor;
	const fetched = db
		.select(auditEntryColumns)
		.from(auditLog)
		.leftJoin(user, eq(auditLog.actorId, user.id))
		.where(and(...conditions(filter, cursor)))
		.orderBy(...(newerPage ? oldestFirst : newestFirst))
		.limit(size + 1)
		.all();
	const more = fetched.length > size;
	const rows = fetched.slice(0, size);
	if (newerPage) rows.reverse();
	const first = rows[0];
	const last = rows[rows.length - 1];
	return {
		rows,
		hasNewer: newerPage
			? more
			: first !== undefined && existsBeyond(filter, position(first), 'newer'),
		hasOlder: newerPage ? last !== undefined && existsBeyond(filter, position(last), 'older') : more
	};
}

/** How many rows the filter matches (for an export's «viser N av M»). */
export function countAuditLog(filter: AuditLogFilter): number {
	return (
		db
			.select({ n: count() })
			.from(auditLog)
			.where(and(...conditions(filter)))
			.get()?.n ?? 0
	);
}

/**
 * The distinct values of an indexed column, each found by one seek past the one before
 * (a "loose index scan", https://sqlite.org/lang_with.html#recursive_query_examples style):
 * a handful of seeks instead of reading 200 000 index entries for `SELECT DISTINCT`.
 */
function distinctValues(column: 'entity' | 'action'): string[] {
	const col = sql.identifier(column);
	return db
		.all<{ v: string }>(
			sql`WITH RECURSIVE seen(v) AS (
				SELECT min(${col}) FROM ${auditLog}
				UNION ALL
				SELECT (SELECT min(${col}) FROM ${auditLog} WHERE ${col} > seen.v) FROM seen
				WHERE seen.v IS NOT NULL
			)
			SELECT v FROM seen WHERE v IS NOT NULL`
		)
		.map((r) => r.v);
}

/** The entity and action names that occur in the log, for the filter form. */
export function listAuditLogFacets() {
	return { entities: distinctValues('entity'), actions: distinctValues('action') };
}

/** The id of the newest row (ids only grow: AUTOINCREMENT, append-only). */
export function lastAuditLogId(): number | null {
	return (
		db.select({ id: auditLog.id }).from(auditLog).orderBy(desc(auditLog.id)).limit(1).get()?.id ??
		null
	);
}

export function recordAuditVerification(
	report: ChainReport,
	checkedById: number | null,
	checkedAt: Date,
	durationMs: number
) {
	return db
		.insert(auditVerification)
		.values({
			checkedAt,
			checkedById,
			ok: report.ok,
			checked: report.checked,
			lastId: report.ok ? report.lastId : null,
			brokenId: report.ok ? null : report.brokenId,
			reason: report.ok ? null : report.reason,
			durationMs: Math.round(durationMs)
		})
		.returning({ id: auditVerification.id })
		.get().id;
}

/** The newest recorded check, with who asked for it. */
export function lastAuditVerification() {
	return db
		.select({
			id: auditVerification.id,
			checkedAt: auditVerification.checkedAt,
			checkedBy: user.name,
			ok: auditVerification.ok,
			checked: auditVerification.checked,
			lastId: auditVerification.lastId,
			brokenId: auditVerification.brokenId,
			reason: auditVerification.reason,
			durationMs: auditVerification.durationMs
		})
		.from(auditVerification)
		.leftJoin(user, eq(auditVerification.checkedById, user.id))
		.orderBy(desc(auditVerification.id))
		.limit(1)
		.get();
}

/** The names of people and units a page of the log names by id, for the before → after. */
export function auditNames(personIds: number[], unitIds: number[]) {
	const list = (ids: number[]) => JSON.stringify(ids);
	return {
		persons: personIds.length
			? db.all<{ id: number; name: string }>(
					sql`SELECT id, name FROM ${user} WHERE id IN (SELECT value FROM json_each(${list(personIds)}))`
				)
			: [],
		units: unitIds.length
			? db.all<{ id: number; name: string }>(
					sql`SELECT id, name FROM unit WHERE id IN (SELECT value FROM json_each(${list(unitIds)}))`
				)
			: []
	};
}

/** The people who appear in the log as actors, by name, for the filter form. */
export function listAuditLogActors(): { id: number; name: string }[] {
	return db.all<{ id: number; name: string }>(sql`
		WITH RECURSIVE seen(v) AS (
			SELECT min(actor_id) FROM ${auditLog}
			UNION ALL
			SELECT (SELECT min(actor_id) FROM ${auditLog} WHERE actor_id > seen.v) FROM seen
			WHERE seen.v IS NOT NULL
		)
		SELECT ${user.id} AS id, ${user.name} AS name FROM seen JOIN ${user} ON ${user.id} = seen.v
		ORDER BY ${user.name}`);
}
