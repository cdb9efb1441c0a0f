import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import * as schema from './schema';
import { sealLegacyAuditRows } from './queries/audit-chain';
import { fillMissingTaskCalendars } from './queries/wheel-calendar';
import { readClock } from '../clock';
import { rebuildGainRollupsIfEmpty } from './queries/gain-rollups';
import { walSyncer } from './group-commit';
import { withStatementCache } from './statement-cache';

export type DB = BetterSQLite3Database<typeof schema> & { $client: Database.Database };
/** A transaction handle: the same query API as `db`, bound to one transaction. */
export type Tx = Parameters<Parameters<DB['transaction']>[0]>[0];

export const DEFAULT_DATABASE_URL = 'data/misjonskart.db';

export function databasePath(): string {
	return process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
}

/** Opens a SQLite file, sets the pragmas, and applies the committed migrations. */
export function openDatabase(file: string): DB {
	if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
	const sqlite = new Database(file);
	// WAL lets readers go on while one writer commits.
	sqlite.pragma('journal_mode = WAL');
	// synchronous=NORMAL: a commit does not wait for the disk; instead a request that wrote is
	// answered only after the -wal file is synced (group-commit.ts, hooks.server.ts), so a signed
	// internal-control record or a logged gain that was acknowledged survives a power loss.
	sqlite.pragma('synchronous = NORMAL');
	sqlite.pragma('foreign_keys = ON');
	// Wait for a competing writer (e.g. the demo seed) instead of failing with SQLITE_BUSY.
	sqlite.pragma('busy_timeout = 5000');
	const db = drizzle(withStatementCache(sqlite), { schema });
	// Statements the app prepares itself and holds go to the connection, not the cache.
	db.$client = sqlite;
	migrate(db, { migrationsFolder: migrationsFolder() });
	// Audit rows from before the hash chain get their hashes once, before anything appends.
	sealLegacyAuditRows(sqlite);
	// Wheel tasks from before the task calendar, or written around the app, get theirs.
	fillMissingTaskCalendars(db, readClock());
	// Gain roll-ups for benefits from before the roll-ups existed, or loaded in bulk.
	rebuildGainRollupsIfEmpty(sqlite);
	return db;
}

function migrationsFolder(): string {
	return process.env.MIGRATIONS_DIR || path.resolve('drizzle');
}

let instance: DB | undefined;
let syncWal: (() => Promise<void>) | undefined;
let changes: Database.Statement | undefined;
let dataVersionOf: Database.Statement | undefined;

export function getDb(): DB {
	instance ??= openDatabase(databasePath());
	return instance;
}

/** Rows changed on the app's connection so far: tells whether a request wrote anything. */
export function changeCount(): number {
	const sqlite = getDb().$client;
	changes ??= sqlite.prepare('select total_changes() as n').pluck();
	return changes.get() as number;
}

/**
 * Changes whenever the database's content may have: a write on the app's own connection
 * (`total_changes()`) or a commit by any other connection (`PRAGMA data_version`,
 * https://sqlite.org/pragma.html#pragma_data_version), such as a backup restore or a script.
 * Reads that are costly and asked for often are kept per version (read-cache.ts).
 */
export function dataVersion(): string {
	const sqlite = getDb().$client;
	dataVersionOf ??= sqlite.prepare('pragma data_version').pluck();
	return `${dataVersionOf.get() as number}:${changeCount()}`;
}

/** Tables whose writes on the app's connection are counted (tablesVersion), by name. */
let watched: Set<string> | undefined;
let writesOf: Database.Statement | undefined;
const TABLE_NAME = /^[a-z_][a-z0-9_]*$/;

/**
 * Like dataVersion, but changes only when one of `tables` may have: a write to one of them on
 * the app's own connection, or a commit by any other connection (which may have written
 * anything). Writes are counted by TEMP triggers (https://sqlite.org/lang_createtrigger.html):
 * they live with this connection only, so the file's schema and its migrations are untouched,
 * and they fire for every statement, drizzle's, prepared or raw, inside a transaction or not
 * (a rolled-back write takes its count back with it). A table is watched from the first time
 * it is asked for; the count starts then, which is all a cache computed after it needs.
 */
export function tablesVersion(tables: readonly string[]): string {
	const sqlite = getDb().$client;
	if (!watched) {
		watched = new Set();
		sqlite.exec(
			'create temp table if not exists table_write (name text primary key, n integer not null)'
		);
	}
	for (const table of tables) {
		if (watched.has(table)) continue;
		if (!TABLE_NAME.test(table)) throw new Error(`not a table name: ${table}`);
		const bump = `insert into temp.table_write (name, n) values ('${table}', 1)
			on conflict (name) do update set n = n + 1`;
		sqlite.exec(
			['insert', 'update', 'delete']
				.map(
					(op) =>
						`create temp trigger if not exists "table_write_${table}_${op}" after ${op} on main."${table}"
						begin ${bump}; end;`
				)
				.join('\n')
		);
		watched.add(table);
	}
	dataVersionOf ??= sqlite.prepare('pragma data_version').pluck();
	writesOf ??= sqlite
		.prepare(
			'select coalesce(sum(n), 0) from temp.table_write where name in (select value from json_each(?))'
		)
		.pluck();
	const writes = writesOf.get(JSON.stringify(tables)) as number;
	return `${dataVersionOf.get() as number}:${writes}`;
}

/** Resolves once every commit made so far is on disk (one fsync shared by concurrent callers). */
export function syncCommits(): Promise<void> {
	const file = getDb().$client.name;
	if (file === ':memory:' || file === '') return Promise.resolve();
	syncWal ??= walSyncer(`${file}-wal`);
	return syncWal();
}

/**
 * The app's database, opened on first use rather than at import, so that building the app
 * (which imports server modules to analyse them) never creates a database file.
 */
export const db: DB = new Proxy({} as DB, {
	get(_target, prop) {
		const target = getDb();
		const value = Reflect.get(target, prop, target);
		return typeof value === 'function' ? value.bind(target) : value;
	}
});

/** Either the database or an open transaction: reads that must see a transaction's writes. */
export type Queryable = DB | Tx;
