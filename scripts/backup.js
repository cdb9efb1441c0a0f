#!/usr/bin/env node
// `npm run backup -- FILE`: a consistent copy of the database (DATABASE_URL or
// data/misjonskart.db) while the server runs, through SQLite's online backup API
// (https://sqlite.org/backup.html) as better-sqlite3's `db.backup()` exposes it. Copying the
// file with `cp` while the server writes can give a torn copy, and misses what is still in the
// -wal file. The copy is checked with PRAGMA integrity_check before this reports success.
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

const target = process.argv[2];
const source = process.env.DATABASE_URL || 'data/misjonskart.db';
if (!target) {
	console.error('Bruk: npm run backup -- FIL   (for eksempel: npm run backup -- kopi.db)');
	process.exit(2);
}
if (!existsSync(source)) {
	console.error(`Fant ikke databasen ${source}.`);
	process.exit(2);
}
if (existsSync(target)) {
	console.error(`${target} finnes allerede. Velg et nytt filnavn; en kopi skrives aldri over.`);
	process.exit(2);
}
if (path.resolve(target) === path.resolve(source)) {
	console.error('Kopien kan ikke skrives til selve databasen.');
	process.exit(2);
}

if (!existsSync(path.dirname(path.resolve(target)))) {
	console.error(`Mappen ${path.dirname(target)} finnes ikke. Lag den først, eller velg en annen.`);
	process.exit(2);
}

/** A file that is not a database, or cannot be read or written, is said in words, not a stack. */
function fail(what, e) {
	console.error(`${what}: ${e instanceof Error ? e.message : e}`);
	process.exit(2);
}

const db = new Database(source, { fileMustExist: true });
try {
	db.pragma('busy_timeout = 5000');
	db.prepare('SELECT count(*) FROM sqlite_master').get();
} catch (e) {
	fail(`${source} kan ikke leses som en SQLite-database`, e);
}
const started = performance.now();
// A write by another connection (the server) between two steps restarts the copy from the
// first page (sqlite.org/c3ref/backup_finish.html, sqlite3_backup_step()). So after the first
// step copy everything left in one step: each step reads one snapshot, and in WAL mode that
// read does not hold up the server's writes.
const { totalPages } = await db
	.backup(target, { progress: ({ remainingPages }) => Math.max(remainingPages, 100) })
	.catch((e) => fail(`Kopien kunne ikke skrives til ${target}`, e));
const ms = performance.now() - started;
db.close();

const copy = new Database(target, { readonly: true });
const integrity = copy.pragma('integrity_check', { simple: true });
const last = copy.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get();
copy.close();
if (integrity !== 'ok') {
	console.error(`Kopien ${target} er skadet: ${integrity}`);
	process.exit(1);
}
console.log(
	`Sikkerhetskopi skrevet til ${target}: ${totalPages} sider, ${ms.toFixed(0)} ms. integrity_check: ok.`
);
// The chain proves nothing against someone who rewrites all of it; a record of its end kept
// outside the database does (README, «Endringsloggen kan ikke endres»).
if (last)
	console.log(
		`Endringsloggens siste rad: ${last.id}, kontrollsum ${last.hash}. Noter dem utenfor serveren.`
	);
