/**
 * The change log as the admin page reads it: a page at a time by id (keyset pagination, so a
 * page deep in 200 000 rows costs what the first does), filters that each have an index
 * (schema/audit.ts), the filter choices by a loose index scan, and the recorded checks of the
 * hash chain, so the page shows the last check instead of walking every row on each visit.
 */
import { and, asc, desc, eq, gt, gte, lt, sql, type SQL } from 'drizzle-orm';
import { db } from '..';
import { auditLog, auditVerification, user } from '../schema';
import type { ChainReport } from '../../audit-chain';

export type AuditLogFilter = {
	entity?: string;
	action?: string;
	actorId?: number;
	/** UTC milliseconds; `toMs` is exclusive. */
	fromMs?: number;
	toMs?: number;
};

/** Rows older than `before`, or newer than `after` (ids); neither: the newest. */
export type AuditCursor = { before: number } | { after: number } | null;

function conditions(filter: AuditLogFilter): SQL[] {
	const c: SQL[] = [];
	if (filter.entity) c.push(eq(auditLog.entity, filter.entity));
	if (filter.action) c.push(eq(auditLog.action, filter.action));
	if (filter.actorId) c.push(eq(auditLog.actorId, filter.actorId));
	if (filter.fromMs !== undefined) c.push(gte(auditLog.at, new Date(filter.fromMs)));
	if (filter.toMs !== undefined) c.push(lt(auditLog.at, new Date(filter.toMs)));
	return c;
}

/**
 * Past every id: the first page is "older than this", so every page is the same statement
 * and SQLite seeks the rowid from the end (`SEARCH audit_log USING INTEGER PRIMARY KEY`).
 */
const NEWEST = Number.MAX_SAFE_INTEGER;

const columns = {
	id: auditLog.id,
	at: auditLog.at,
	actorId: auditLog.actorId,
	actorName: user.name,
	entity: auditLog.entity,
	entityId: auditLog.entityId,
	action: auditLog.action,
	before: auditLog.before,
	after: auditLog.after
};

/** Does a row matching the filter lie beyond `id` in that direction? One index seek. */
function existsBeyond(filter: AuditLogFilter, id: number, direction: 'older' | 'newer'): boolean {
	const bound = direction === 'older' ? lt(auditLog.id, id) : gt(auditLog.id, id);
	return (
		db
			.select({ id: auditLog.id })
			.from(auditLog)
			.where(and(...conditions(filter), bound))
			.orderBy(direction === 'older' ? desc(auditLog.id) : asc(auditLog.id))
			.limit(1)
			.get() !== undefined
	);
}

/** One page, newest first, and whether there are older and newer rows beyond it. */
export function listAuditLogPage(filter: AuditLogFilter, cursor: AuditCursor, size: number) {
	const newerPage = cursor !== null && 'after' in cursor;
	const bound = newerPage
		? gt(auditLog.id, cursor.after)
		: lt(auditLog.id, cursor?.before ?? NEWEST);
	const fetched = db
		.select(columns)
		.from(auditLog)
		.leftJoin(user, eq(auditLog.actorId, user.id))
		.where(and(...conditions(filter), bound))
		.orderBy(newerPage ? asc(auditLog.id) : desc(auditLog.id))
		.limit(size + 1)
		.all();
	const more = fetched.length > size;
	const rows = fetched.slice(0, size);
	if (newerPage) rows.reverse();
	const first = rows[0];
	const last = rows[rows.length - 1];
	return {
		rows,
		hasNewer: newerPage ? more : first !== undefined && existsBeyond(filter, first.id, 'newer'),
		hasOlder: newerPage ? last !== undefined && existsBeyond(filter, last.id, 'older') : more
	};
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
