import { createHash } from 'node:crypto';
import type { Statement } from 'better-sqlite3';
import { db } from '$lib/server/db';

let tableReads: { table: string; rows: Statement }[] | undefined;

/**
 * A table's rows in a fixed order: by rowid, or by the primary key for a table WITHOUT ROWID
 * (FTS5 keeps some of its own tables so, https://sqlite.org/fts5.html#fts5_table_creation).
 */
function orderedRows(table: string): Statement {
	const client = db.$client;
	try {
		return client.prepare(`select * from "${table}" order by rowid`).raw();
	} catch {
		const keys = client
			.prepare(`select name from pragma_table_info(?) where pk > 0 order by pk`)
			.pluck()
			.all(table) as string[];
		return client
			.prepare(`select * from "${table}" order by ${keys.map((k) => `"${k}"`).join(', ')}`)
			.raw();
	}
}

/**
 * A SHA-256 over every table's rows in rowid order (the tables as sqlite_master lists them,
 * `skip` left out): equal before and after means the request wrote nothing.
 */
export function digest(skip: string[] = []): string {
	const client = db.$client;
	tableReads ??= (
		client
			.prepare("select name from sqlite_master where type = 'table' order by name")
			.pluck()
			.all() as string[]
	).map((table) => ({ table, rows: orderedRows(table) }));
	const hash = createHash('sha256');
	for (const { table, rows } of tableReads) {
		if (skip.includes(table)) continue;
		hash.update(`${table}\u0000${JSON.stringify(rows.all())}\u0000`);
	}
	return hash.digest('hex');
}
