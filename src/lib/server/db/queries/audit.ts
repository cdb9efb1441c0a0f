import { and, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import { db, type Tx } from '..';
import { auditLog, user } from '../schema';
import {
	chainHash,
	GENESIS_HASH,
	storedJson,
	type ChainFields,
	type ChainReport
} from '../audit-chain';
import { verifyAuditChain } from './audit-chain';
import { currentApiToken } from '../audit-origin';

/** An entry of the change log as the pages show it: the row and who did it (null: the system). */
export const auditEntryColumns = {
	id: auditLog.id,
	at: auditLog.at,
	actorId: auditLog.actorId,
	actorName: user.name,
	entity: auditLog.entity,
	entityId: auditLog.entityId,
	action: auditLog.action,
	before: auditLog.before,
	after: auditLog.after,
	apiTokenId: auditLog.apiTokenId,
	apiTokenName: auditLog.apiTokenName
};

export type NewAuditEntry = Omit<
	typeof auditLog.$inferInsert,
	'id' | 'prevHash' | 'hash' | 'apiTokenId' | 'apiTokenName'
>;

/** The chain's last row as the next row must follow it; none before the first row. */
type ChainHead = { id: number; hash: string } | undefined;

function readChainHead(tx: Tx): ChainHead {
	const last = tx
		.select({ id: auditLog.id, hash: auditLog.hash })
		.from(auditLog)
		.orderBy(desc(auditLog.id))
		.limit(1)
		.get();
	if (last && last.hash === null) throw new Error(`audit_log row ${last.id} is not sealed`);
	return last ? { id: last.id, hash: last.hash as string } : undefined;
}

/** A row as `appendAfter` inserts it: the hashed fields, `at` in milliseconds, and the links. */
export type ChainedRow = ChainFields & { prevHash: string; hash: string };

/**
 * The insert of a batch (auditWriter): one statement prepared on the app's connection, the
 * same columns and values as drizzle's insert below, named as ChainedRow names them.
 */
export const AUDIT_INSERT_SQL = `INSERT INTO audit_log (id, at, actor_id, entity, entity_id,
	action, before, after, api_token_id, api_token_name, prev_hash, hash)
	VALUES (@id, @at, @actorId, @entity, @entityId, @action, @before, @after, @apiTokenId,
	@apiTokenName, @prevHash, @hash)`;

/** Inserts `entry` after `head` in the caller's transaction and answers the new head. */
function appendAfter(
	tx: Tx,
	head: ChainHead,
	entry: NewAuditEntry,
	insert?: (row: ChainedRow) => void
): ChainHead & object {
	const prevHash = head?.hash ?? GENESIS_HASH;
	const token = currentApiToken();
	const row = {
		id: (head?.id ?? 0) + 1,
		at: entry.at.getTime(),
		actorId: entry.actorId ?? null,
		entity: entry.entity,
		entityId: entry.entityId,
		action: entry.action,
		before: storedJson(entry.before),
		after: storedJson(entry.after),
		apiTokenId: token?.tokenId ?? null,
		apiTokenName: token?.tokenName ?? null
	};
	const hash = chainHash(prevHash, row);
	if (insert) {
		insert({ ...row, prevHash, hash });
		return { id: row.id, hash };
	}
	// The JSON text goes in as a bound string, not through the JSON column's own
	// serialisation, so what is stored is byte for byte what was hashed.
	const json = (text: string | null) => (text === null ? sql`NULL` : sql`${text}`);
	tx.insert(auditLog)
		.values({
			...row,
			at: entry.at,
			before: json(row.before),
			after: json(row.after),
			prevHash,
			hash
		})
		.run();
	return { id: row.id, hash };
}

/**
 * Appends a row to the hash chain: reads the last row's hash and inserts after it in the
 * caller's transaction, so the read and the insert see the same last row. The id is given
 * explicitly because it is part of what is hashed. A write made through the API names its
 * token (../audit-origin.ts), in the hash as well.
 */
export function insertAuditEntry(tx: Tx, entry: NewAuditEntry): void {
	appendAfter(tx, readChainHead(tx), entry);
}

export type AuditInput = {
	actorId: number | null;
	entity: string;
	entityId: number | string;
	action: string;
	before?: unknown;
	after?: unknown;
};

/**
 * Records who changed what. Takes the transaction handle on purpose: an audit row is written
 * with the change it describes or not at all.
 */
export function writeAudit(tx: Tx, at: Date, entry: AuditInput): void {
	insertAuditEntry(tx, auditEntry(at, entry));
}

function auditEntry(at: Date, entry: AuditInput): NewAuditEntry {
	return {
		at,
		actorId: entry.actorId,
		entity: entry.entity,
		entityId: String(entry.entityId),
		action: entry.action,
		before: entry.before ?? null,
		after: entry.after ?? null
	};
}

/**
 * Writes many audit rows in one transaction, as `writeAudit` writes each, but reads the
 * chain's last row only once and carries it from row to row: the rows are hashed and linked
 * in the order they are written. A caller that lets anything else append to the log in
 * between calls `forget()` after it, so the next row reads the last one again. The insert
 * trigger refuses a row that does not follow the last one (drizzle/0006_audit_append_only.sql),
 * so a stale head cannot go unseen: the write fails and the transaction rolls back.
 */
export function auditWriter(tx: Tx, at: Date, insert?: (row: ChainedRow) => void) {
	let head: ChainHead | null = null;
	return {
		append(entry: AuditInput): void {
			head = appendAfter(
				tx,
				head === null ? readChainHead(tx) : head,
				auditEntry(at, entry),
				insert
			);
		},
		forget(): void {
			head = null;
		}
	};
}

/** The whole chain checked, for the admin log page (batched; see queries/audit-chain.ts). */
export function checkAuditChain(): Promise<ChainReport> {
	return verifyAuditChain(db.$client);
}

export type AuditFilter = {
	entity?: string;
	entityId?: string;
	action?: string;
	actorId?: number;
	/** Calendar days `YYYY-MM-DD`, inclusive, judged in UTC milliseconds by the caller. */
	fromMs?: number;
	toMs?: number;
	page?: number;
};

export const AUDIT_PAGE_SIZE = 50;

export function listAuditEntries(filter: AuditFilter = {}) {
	const conditions: SQL[] = [];
	if (filter.entity) conditions.push(eq(auditLog.entity, filter.entity));
	if (filter.entityId) conditions.push(eq(auditLog.entityId, filter.entityId));
	if (filter.action) conditions.push(eq(auditLog.action, filter.action));
	if (filter.actorId) conditions.push(eq(auditLog.actorId, filter.actorId));
	if (filter.fromMs !== undefined) conditions.push(gte(auditLog.at, new Date(filter.fromMs)));
	if (filter.toMs !== undefined) conditions.push(lt(auditLog.at, new Date(filter.toMs)));
	const where = conditions.length ? and(...conditions) : undefined;
	const page = Math.max(1, filter.page ?? 1);
	const rows = db
		.select(auditEntryColumns)
		.from(auditLog)
		.leftJoin(user, eq(auditLog.actorId, user.id))
		.where(where)
		.orderBy(desc(auditLog.id))
		.limit(AUDIT_PAGE_SIZE)
		.offset((page - 1) * AUDIT_PAGE_SIZE)
		.all();
	const total =
		db
			.select({ n: sql<number>`count(*)` })
			.from(auditLog)
			.where(where)
			.get()?.n ?? 0;
	return { rows, total, page, pageCount: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)) };
}

/** The distinct entity and action names, for the filter form. */
export function listAuditFacets() {
	const entities = db
		.selectDistinct({ v: auditLog.entity })
		.from(auditLog)
		.orderBy(auditLog.entity)
		.all()
		.map((r) => r.v);
	const actions = db
		.selectDistinct({ v: auditLog.action })
		.from(auditLog)
		.orderBy(auditLog.action)
		.all()
		.map((r) => r.v);
	return { entities, actions };
}

/** Used by tests and the admin page for one entity's history. */
export function countAuditEntries(entity: string, entityId?: string): number {
	return (
		db
			.select({ n: sql<number>`count(*)` })
			.from(auditLog)
			.where(
				entityId
					? and(eq(auditLog.entity, entity), eq(auditLog.entityId, entityId))
					: eq(auditLog.entity, entity)
			)
			.get()?.n ?? 0
	);
}
