import Database from 'better-sqlite3';
import {
	copyFileSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	writeFileSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { beforeAll, describe, expect, it } from 'vitest';
import {
	actions as auditActions,
	load as auditLoad
} from '../../src/routes/(app)/admin/logg/+page.server';
import { db, openDatabase } from '$lib/server/db';
import { checkAuditChain, writeAudit } from '$lib/server/db/queries/audit';
import { sealLegacyAuditRows, verifyAuditChain } from '$lib/server/db/queries/audit-chain';
import { chainHash, describeChainReport, GENESIS_HASH } from '$lib/server/db/audit-chain';
import { makeEvent, makeUser, signIn } from '../factories';

const dir = mkdtempSync(path.join(tmpdir(), 'misjonskart-audit-chain-'));
let copies = 0;

/** A copy of the test database taken with the backup API, to tamper with on its own. */
async function tamperedCopy(tamper: (client: Database.Database) => void) {
	const file = path.join(dir, `copy-${++copies}.db`);
	await db.$client.backup(file);
	const client = new Database(file);
	tamper(client);
	return client;
}

let adminId: number;

beforeAll(async () => {
	adminId = await makeUser([{ role: 'admin' }]);
	// Values a JSON column does not keep as given: Dates, undefined members, NaN, odd Unicode.
	const at = new Date('2027-03-28T01:30:00Z');
	db.transaction((tx) => {
		for (let i = 0; i < 10; i++) {
			writeAudit(tx, at, {
				actorId: i % 2 ? adminId : null,
				entity: 'test_entity',
				entityId: i,
				action: i % 3 ? 'update' : 'create',
				before: i % 3 ? { title: `før ${i}`, at, gone: undefined, n: NaN } : undefined,
				after: { title: `etter ${i} \u202e\u200b\u0000 ✓`, nested: { b: 1, a: [2, -0, 1e21] } }
			});
		}
	});
});

describe('the audit hash chain', () => {
	it('holds for rows written through writeAudit, in batches of any size', async () => {
		const total = db.$client.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number };
		expect(total.n).toBeGreaterThanOrEqual(11);
		const report = await checkAuditChain();
		expect(report).toEqual({ ok: true, checked: total.n, lastId: total.n });
		for (const batchSize of [1, 3, total.n, total.n + 1]) {
			expect(await verifyAuditChain(db.$client, { batchSize })).toEqual(report);
		}
		const first = db.$client.prepare('SELECT prev_hash FROM audit_log ORDER BY id LIMIT 1').get();
		expect(first).toEqual({ prev_hash: GENESIS_HASH });
		expect(describeChainReport(report)).toBe(
			`Endringsloggen er intakt (${total.n} rader kontrollert).`
		);
	});

	it('is checked from the admin log page, which then shows the check', async () => {
		const event = () => makeEvent({ signed: signIn(adminId), path: '/admin/logg', form: {} });
		await auditActions.verify!(event() as never);
		const page = (await auditLoad(event() as never)) as { chain: { state: string; line: string } };
		expect(page.chain.state).toBe('ok');
		expect(page.chain.line).toMatch(/^Endringsloggen er intakt \(\d+ rader kontrollert\)\.$/);
	});

	it('cannot be changed or emptied through SQL while the triggers stand', () => {
		const sqlite = db.$client;
		expect(() => sqlite.prepare("UPDATE audit_log SET action = 'x' WHERE id = 3").run()).toThrow(
			/audit_log is append-only/
		);
		expect(() => sqlite.prepare('DELETE FROM audit_log WHERE id = 3').run()).toThrow(
			/audit_log is append-only/
		);
		expect(() => sqlite.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
		// Sealing is the one update let through, and only for a row without a hash.
		expect(() =>
			sqlite.prepare("UPDATE audit_log SET hash = 'x', prev_hash = 'y' WHERE id = 3").run()
		).toThrow(/append-only/);
		// A row that does not follow the last one is refused.
		const insert = sqlite.prepare(
			"INSERT INTO audit_log (id, at, entity, entity_id, action, prev_hash, hash) VALUES (?, 0, 'x', '1', 'x', ?, ?)"
		);
		expect(() => insert.run(null, null, null)).toThrow(/must carry its hash/);
		expect(() => insert.run(1000, GENESIS_HASH, 'f'.repeat(64))).toThrow(/must carry its hash/);
		expect(() => insert.run(3, GENESIS_HASH, 'f'.repeat(64))).toThrow();
	});

	it('names the row whose content was changed behind the triggers', async () => {
		const copy = await tamperedCopy((c) => {
			c.exec('DROP TRIGGER audit_log_no_update');
			c.prepare(
				`UPDATE audit_log SET after = json_set(after, '$.title', 'forfalsket') WHERE id = 7`
			).run();
		});
		const report = await verifyAuditChain(copy, { batchSize: 4 });
		expect(report).toEqual({ ok: false, checked: 6, brokenId: 7, reason: 'hash' });
		expect(describeChainReport(report)).toMatch(/^Endringsloggen er brutt ved rad 7: /);
	});

	it('names the row after a removed one, even when the changed row got a new hash', async () => {
		const removed = await tamperedCopy((c) => {
			c.exec('DROP TRIGGER audit_log_no_delete');
			c.prepare('DELETE FROM audit_log WHERE id = 5').run();
		});
		expect(await verifyAuditChain(removed)).toMatchObject({
			ok: false,
			brokenId: 6,
			reason: 'link'
		});

		// A forger who knows the scheme rehashes the row they changed; the next row's link
		// still holds the old hash.
		const rehashed = await tamperedCopy((c) => {
			c.exec('DROP TRIGGER audit_log_no_update');
			const row = c
				.prepare(
					'SELECT id, at, actor_id, entity, entity_id, action, before, after, prev_hash FROM audit_log WHERE id = 4'
				)
				.get() as {
				id: number;
				at: number;
				actor_id: number | null;
				entity: string;
				entity_id: string;
				before: string | null;
				after: string | null;
				prev_hash: string;
			};
			const hash = chainHash(row.prev_hash, {
				id: row.id,
				at: row.at,
				actorId: row.actor_id,
				entity: row.entity,
				entityId: row.entity_id,
				action: 'forfalsket',
				before: row.before,
				after: row.after
			});
			c.prepare("UPDATE audit_log SET action = 'forfalsket', hash = ? WHERE id = 4").run(hash);
		});
		expect(await verifyAuditChain(rehashed)).toMatchObject({
			ok: false,
			checked: 4,
			brokenId: 5,
			reason: 'link'
		});
	});

	it('names rows cut off the end and rows written past the insert trigger', async () => {
		const last = (db.$client.prepare('SELECT max(id) AS id FROM audit_log').get() as { id: number })
			.id;
		const cut = await tamperedCopy((c) => {
			c.exec('DROP TRIGGER audit_log_no_delete');
			c.prepare('DELETE FROM audit_log WHERE id >= ?').run(last - 1);
		});
		expect(await verifyAuditChain(cut)).toEqual({
			ok: false,
			checked: last - 2,
			brokenId: last - 1,
			reason: 'truncated'
		});

		const unsealed = await tamperedCopy((c) => {
			c.exec('DROP TRIGGER audit_log_chained_insert');
			c.prepare(
				"INSERT INTO audit_log (at, entity, entity_id, action) VALUES (0, 'x', '1', 'smuglet')"
			).run();
		});
		// Opening the file again does not seal a row that came after sealed ones.
		expect(sealLegacyAuditRows(unsealed)).toBe(0);
		expect(await verifyAuditChain(unsealed)).toMatchObject({
			ok: false,
			brokenId: last + 1,
			reason: 'unsealed'
		});
	});
});

describe('audit rows written before the chain existed', () => {
	it('are sealed in order when the database is opened, and the chain goes on from them', async () => {
		// A database migrated only up to before the hash columns, with audit rows in it.
		const migrations = path.join(dir, 'old-migrations');
		mkdirSync(path.join(migrations, 'meta'), { recursive: true });
		const journal = JSON.parse(readFileSync('drizzle/meta/_journal.json', 'utf8')) as {
			entries: { tag: string }[];
		};
		const upTo = journal.entries.findIndex((e) => e.tag.endsWith('_audit_hash_chain'));
		expect(upTo).toBeGreaterThan(0);
		const old = journal.entries.slice(0, upTo);
		for (const e of old)
			copyFileSync(`drizzle/${e.tag}.sql`, path.join(migrations, `${e.tag}.sql`));
		writeFileSync(
			path.join(migrations, 'meta', '_journal.json'),
			JSON.stringify({ ...journal, entries: old })
		);
		expect(readdirSync(migrations)).toContain(`${old.at(-1)!.tag}.sql`);

		const file = path.join(dir, 'legacy.db');
		const legacy = new Database(file);
		migrate(drizzle(legacy), { migrationsFolder: migrations });
		const insert = legacy.prepare(
			"INSERT INTO audit_log (at, entity, entity_id, action, before, after) VALUES (?, 'unit', ?, 'create', NULL, ?)"
		);
		for (let i = 1; i <= 25; i++) {
			insert.run(1_790_000_000_000 + i, String(i), `{"name":"Enhet ${i}"}`);
		}
		legacy.close();

		const upgraded = openDatabase(file);
		const report = await verifyAuditChain(upgraded.$client, { batchSize: 10 });
		expect(report).toEqual({ ok: true, checked: 25, lastId: 25 });
		// Opening again seals nothing more, and new rows follow the sealed ones.
		expect(sealLegacyAuditRows(upgraded.$client)).toBe(0);
		upgraded.transaction((tx) =>
			writeAudit(tx, new Date('2027-01-01T00:00:00Z'), {
				actorId: null,
				entity: 'unit',
				entityId: 26,
				action: 'create',
				after: {}
			})
		);
		expect(await verifyAuditChain(upgraded.$client)).toEqual({ ok: true, checked: 26, lastId: 26 });
		upgraded.$client.close();
	});
});
