/**
 * Reading the audit log's hash chain in order (src/lib/server/db/audit-chain.ts says what is
 * hashed). The log can hold hundreds of thousands of rows, so rows are read in id-ordered
 * batches through better-sqlite3's `iterate()`, one row in memory at a time; between batches
 * the event loop gets a turn, so a running server keeps answering while the admin page
 * verifies. Raw SQL through the driver, because drizzle's query builder has no row iterator.
 */
import type Database from 'better-sqlite3';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { chainHash, GENESIS_HASH, type ChainFields, type ChainReport } from '../audit-chain';

/** A row as stored, named as the hash names its fields. */
type StoredRow = ChainFields & { prevHash: string | null; hash: string | null };

const COLUMNS = `id, at, actor_id AS actorId, entity, entity_id AS entityId, action, before, after,
	api_token_id AS apiTokenId, api_token_name AS apiTokenName, prev_hash AS prevHash, hash`;

export const VERIFY_BATCH_SIZE = 2_000;

/**
 * Walks the whole chain from the first row and names the first row that does not fit.
 * Rows are immutable (triggers), so reading batch by batch in separate read transactions
 * sees one consistent prefix even while the server appends.
 */
export async function verifyAuditChain(
	client: Database.Database,
	{ batchSize = VERIFY_BATCH_SIZE }: { batchSize?: number } = {}
): Promise<ChainReport> {
	const batch = client.prepare<[number, number], StoredRow>(
		`SELECT ${COLUMNS} FROM audit_log WHERE id > ? ORDER BY id LIMIT ?`
	);
	let prevHash = GENESIS_HASH;
	let lastId: number | null = null;
	let checked = 0;
	for (;;) {
		let inBatch = 0;
		for (const row of batch.iterate(lastId ?? -1, batchSize)) {
			inBatch += 1;
			const broken = (reason: 'unsealed' | 'link' | 'hash') =>
				({ ok: false, checked, brokenId: row.id, reason }) as const;
			if (row.hash === null || row.prevHash === null) return broken('unsealed');
			if (row.prevHash !== prevHash) return broken('link');
			if (chainHash(prevHash, row) !== row.hash) return broken('hash');
			prevHash = row.hash;
			lastId = row.id;
			checked += 1;
		}
		if (inBatch < batchSize) break;
		await nextTurn();
	}
	// AUTOINCREMENT never hands out an id twice and keeps the largest in sqlite_sequence
	// (https://sqlite.org/autoinc.html); a counter past the last row means rows were cut off
	// the end, which no hash after them can show.
	const counter = client
		.prepare<[], { seq: number }>("SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'")
		.get();
	if (counter && counter.seq > (lastId ?? 0)) {
		return { ok: false, checked, brokenId: (lastId ?? 0) + 1, reason: 'truncated' };
	}
	return { ok: true, checked, lastId };
}

/**
 * Gives rows written before the chain existed their hashes, in id order, once. Only a
 * leading run of unsealed rows is sealed: after it every row is written with its hash (an
 * insert trigger refuses one without), so an unsealed row later in the log was put there
 * around the app and is left for the verifier to name. The update trigger lets exactly this
 * NULL → hash transition through (drizzle/0006_audit_append_only.sql).
 */
export function sealLegacyAuditRows(client: Database.Database, batchSize = 1_000): number {
	const first = client
		.prepare<[], { hash: string | null }>('SELECT hash FROM audit_log ORDER BY id LIMIT 1')
		.get();
	if (!first || first.hash !== null) return 0;
	const rows = client.prepare<[number, number], StoredRow>(
		`SELECT ${COLUMNS} FROM audit_log WHERE id > ? ORDER BY id LIMIT ?`
	);
	const seal = client.prepare<[string, string, number]>(
		'UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ? AND hash IS NULL'
	);
	// IMMEDIATE: a second process opening the same file waits, then finds the rows sealed.
	const sealAll = client.transaction(() => {
		let prevHash = GENESIS_HASH;
		let lastId = -1;
		let sealed = 0;
		for (;;) {
			// Collected per batch because the connection cannot write while a cursor is open.
			const batch = [...rows.iterate(lastId, batchSize)];
			for (const row of batch) {
				if (row.hash !== null) return sealed;
				const hash = chainHash(prevHash, row);
				seal.run(prevHash, hash, row.id);
				prevHash = hash;
				lastId = row.id;
				sealed += 1;
			}
			if (batch.length < batchSize) return sealed;
		}
	});
	return sealAll.immediate();
}
