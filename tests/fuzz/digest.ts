import { createHash } from 'node:crypto';
import type { Statement } from 'better-sqlite3';
import { db } from '$lib/server/db';

let tableReads: { table: string; rows: Statement }[] | undefined;

/**
 * A SHA-256 over every table's rows in rowid order (the tables as sqlite_master lists them,
 * `skip` left out): equal before and after means the request wrote nothing.
 */
export function digest(skip: string[] = []): string {
	const client = db.$client;
	tableReads ??= (
		client
			// WITHOUT ROWID tables (two of the search index's FTS5 shadow tables) have no rowid
			// to order by; the index's changes show in its other tables.
			.prepare(
				"select name from sqlite_master where type = 'table' and sql not like '%WITHOUT ROWID%' order by name"
			)
			.pluck()
			.all() as string[]
	).map((table) => ({
		table,
		rows: client.prepare(`select * from "${table}" order by rowid`).raw()
	}));
	const hash = createHash('sha256');
	for (const { table, rows } of tableReads) {
		if (skip.includes(table)) continue;
		hash.update(`${table}\u0000${JSON.stringify(rows.all())}\u0000`);
	}
	return hash.digest('hex');
}
