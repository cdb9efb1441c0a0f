import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { databasePath, db } from '$lib/server/db';
import { writeAudit } from '$lib/server/db/queries/audit';
import { verifyAuditChain } from '$lib/server/db/queries/audit-chain';

const dir = mkdtempSync(path.join(tmpdir(), 'misjonskart-backup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const AT = new Date('2027-10-31T01:30:00Z');

function writeRows(from: number, count: number) {
	db.transaction((tx) => {
		for (let i = from; i < from + count; i++) {
			writeAudit(tx, AT, {
				actorId: null,
				entity: 'backup_test',
				entityId: i,
				action: 'create',
				after: { i, text: 'x'.repeat(2_000) }
			});
		}
	});
}

/** Runs `npm run backup -- FILE`'s script against this test's database, to its end. */
function runBackup(file: string) {
	const child = spawn(process.execPath, ['scripts/backup.js', file], {
		env: { ...process.env, DATABASE_URL: databasePath() },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	child.stdout.on('data', (c: Buffer) => (output += c.toString()));
	child.stderr.on('data', (c: Buffer) => (output += c.toString()));
	const done = new Promise<{ code: number | null; output: string }>((resolve) =>
		child.once('exit', (code) => resolve({ code, output }))
	);
	return { done, running: () => child.exitCode === null };
}

describe('npm run backup', () => {
	it('takes a consistent copy while another connection keeps writing', async () => {
		writeRows(0, 2_000);
		const before = 2_000;
		const file = path.join(dir, 'kopi.db');
		const backup = runBackup(file);
		let written = before;
		// Keep committing from this process until the backup has finished.
		while (backup.running()) {
			writeRows(written++, 1);
			await nextTurn();
		}
		const { code, output } = await backup.done;
		expect(output).toMatch(/integrity_check: ok/);
		expect(code).toBe(0);
		expect(written).toBeGreaterThan(before);

		const copy = new Database(file, { readonly: true });
		expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
		const rows = (copy.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
		// Everything committed before the backup began is there, and nothing half-written.
		expect(rows).toBeGreaterThanOrEqual(before);
		expect(rows).toBeLessThanOrEqual(written);
		expect(await verifyAuditChain(copy)).toEqual({ ok: true, checked: rows, lastId: rows });
		copy.close();

		// A copy is never written over.
		const again = await runBackup(file).done;
		expect(again.code).toBe(2);
		expect(again.output).toMatch(/finnes allerede/);
	});
});
