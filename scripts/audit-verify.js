#!/usr/bin/env node
// `npm run audit:verify [-- FILE]`: checks the audit log's whole hash chain in the database
// (DATABASE_URL, data/misjonskart.db, or FILE, e.g. a backup) and names the first row that does
// not fit. Read-only, and safe while the server runs (WAL readers do not block the writer).
// Exit code 0 when intact, 1 when broken, 2 when the check could not run.
// Run through tsx so the check is the app's own TypeScript module, not a copy of it.
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { verifyAuditChain } from '../src/lib/server/db/queries/audit-chain.ts';
import { describeChainReport } from '../src/lib/server/db/audit-chain.ts';

const file = process.argv[2] || process.env.DATABASE_URL || 'data/misjonskart.db';
if (!existsSync(file)) {
	console.error(`Fant ikke databasen ${file}.`);
	process.exit(2);
}

const client = new Database(file, { readonly: true, fileMustExist: true });
let columns;
try {
	client.pragma('busy_timeout = 5000');
	columns = client.prepare("SELECT name FROM pragma_table_info('audit_log')").all();
} catch (e) {
	console.error(`${file} kan ikke leses som en SQLite-database: ${e.message}`);
	process.exit(2);
}
if (!columns.some((c) => c.name === 'hash')) {
	console.error(
		`${file} har ingen kontrollsummer i endringsloggen ennå. Start serveren én gang, så migreres og forsegles den.`
	);
	process.exit(2);
}

const started = performance.now();
const report = await verifyAuditChain(client);
const ms = performance.now() - started;
const last = client.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get();
client.close();

console.log(describeChainReport(report));
// Compare with the end noted at the last backup: a chain rewritten or cut from some row on is
// intact in itself, but no longer ends where it did (README, «Endringsloggen kan ikke endres»).
if (report.ok && last) console.log(`Siste rad: ${last.id}, kontrollsum ${last.hash}.`);
console.log(`${file}: ${report.checked} rader på ${(ms / 1000).toFixed(2)} s.`);
process.exit(report.ok ? 0 : 1);
