/**
 * The scale-data generator (bench/scale) at a hundredth of national size, on the migrated
 * schema: so a schema change that would break the benchmark's dataset fails here, in CI,
 * rather than the next time someone measures. Checks that the data is valid in the app's own
 * terms: foreign keys, benefit maps as DAGs of allowed links, signatures the app's occurrence
 * rules agree with, and open occurrences the benchmark can really sign.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateScaleData, parseNow, type Manifest } from '../../bench/scale/generate';
import { db } from '$lib/server/db';
import {
	findOccurrence,
	listOccurrences,
	signOccurrence
} from '$lib/server/db/queries/wheel-occurrences';
import { verifyPassword } from '$lib/server/auth/password';
import { verifyAuditChain } from '$lib/server/db/queries/audit-chain';
import { isAllowedLink } from '$lib/domain/benefits/graph';
import { osloDay } from '$lib/format';
import { type NodeKind } from '$lib/domain/benefits/vocabulary';

const NOW = parseNow('2026-06-15');
const PASSWORD = 'skala-test-passord';
const FACTOR = 0.01;
let manifest: Manifest;
const scratch = mkdtempSync(path.join(tmpdir(), 'misjonskart-scale-'));

beforeAll(async () => {
	// Into the file `db` opens lazily (tests/setup/temp-db.ts), so the app's queries read it.
	manifest = await generateScaleData({
		out: process.env.DATABASE_URL!,
		factor: FACTOR,
		scale: 'test',
		seed: 7,
		now: NOW,
		password: PASSWORD
	});
}, 120_000);

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const sql = () => db.$client;
const all = <T>(query: string, ...params: unknown[]) =>
	sql()
		.prepare(query)
		.all(...params) as T[];
const idMap = (query: string) =>
	new Map(sql().prepare(query).raw(true).all() as [number, number][]);

describe('scale data', () => {
	it('has the stated counts, scaled', () => {
		expect(manifest.counts).toMatchObject({
			mission: 1,
			project: 20,
			measure: 200,
			benefit: 500,
			realisation: 10_000,
			audit_log: 2_000,
			unit: 3,
			wheel: 3,
			wheel_task: 120
		});
		expect(manifest.counts.wheel_signature).toBeGreaterThan(500);
	});

	it('breaks no foreign key', () => {
		expect(sql().pragma('foreign_key_check')).toEqual([]);
	});

	it('signs in every role with the printed password', async () => {
		const [row] = all<{ password_hash: string }>(
			'SELECT password_hash FROM user WHERE email = ?',
			manifest.bench.users.unit_leader
		);
		expect(await verifyPassword(row!.password_hash, PASSWORD)).toBe(true);
		const roles = all<{ role: string }>('SELECT DISTINCT role FROM role_assignment ORDER BY role');
		expect(roles.map((r) => r.role)).toEqual([
			'admin',
			'programme_leader',
			'steering',
			'unit_leader',
			'viewer'
		]);
	});

	it('draws each project’s benefit map as a DAG of allowed links between its own nodes', () => {
		const links = all<{
			project_id: number;
			from_kind: NodeKind;
			from_id: number;
			to_kind: NodeKind;
			to_id: number;
		}>('SELECT project_id, from_kind, from_id, to_kind, to_id FROM benefit_link');
		expect(links.length).toBeGreaterThan(500);
		const projectOf: Record<Exclude<NodeKind, 'goal'>, Map<number, number>> = {
			measure: idMap('SELECT id, project_id FROM measure'),
			change: idMap('SELECT id, project_id FROM benefit_change'),
			benefit: idMap('SELECT id, project_id FROM benefit')
		};
		const successors = new Map<string, string[]>();
		for (const l of links) {
			expect(isAllowedLink(l.from_kind, l.to_kind)).toBe(true);
			for (const [kind, id] of [
				[l.from_kind, l.from_id],
				[l.to_kind, l.to_id]
			] as const) {
				if (kind !== 'goal') expect(projectOf[kind].get(id)).toBe(l.project_id);
			}
			const from = `${l.from_kind}:${l.from_id}`;
			successors.set(from, [...(successors.get(from) ?? []), `${l.to_kind}:${l.to_id}`]);
		}
		// Depth-first search with colours: reaching a node still on the path is a cycle.
		const state = new Map<string, 'open' | 'done'>();
		const visit = (node: string): boolean => {
			if (state.get(node) === 'done') return false;
			if (state.get(node) === 'open') return true;
			state.set(node, 'open');
			const cycle = (successors.get(node) ?? []).some(visit);
			state.set(node, 'done');
			return cycle;
		};
		expect([...successors.keys()].some(visit)).toBe(false);
	});

	it('logs corrections against the same benefit, one current value a month, and nothing before the baseline', () => {
		const wrong = all(
			`SELECT r.id FROM realisation r JOIN realisation old ON old.id = r.supersedes_id
			 WHERE old.benefit_id <> r.benefit_id OR old.period <> r.period`
		);
		expect(wrong).toEqual([]);
		const early = all(
			`SELECT r.id FROM realisation r JOIN benefit b ON b.id = r.benefit_id
			 WHERE b.baseline_date IS NOT NULL AND r.period < substr(b.baseline_date, 1, 7)`
		);
		expect(early).toEqual([]);
		// One value counts per month, as the app keeps it: no month has two current rows, and
		// no row is replaced twice.
		const twice = all(
			`SELECT r.benefit_id, r.period FROM realisation r
			 WHERE NOT EXISTS (SELECT 1 FROM realisation s WHERE s.supersedes_id = r.id)
			 GROUP BY r.benefit_id, r.period HAVING count(*) > 1`
		);
		expect(twice).toEqual([]);
		const forked = all(
			`SELECT supersedes_id FROM realisation WHERE supersedes_id IS NOT NULL
			 GROUP BY supersedes_id HAVING count(*) > 1`
		);
		expect(forked).toEqual([]);
	});

	it('stores signatures the app’s occurrence rules agree with', () => {
		const unitId = manifest.bench.unitId;
		const year = Number(osloDay(NOW).slice(0, 4));
		const occurrences = listOccurrences({ year, now: NOW, unitIds: [unitId] });
		const statuses = new Set(occurrences.map((o) => o.status));
		expect(statuses).toContain('signed');
		expect(occurrences.filter((o) => o.signature).length).toBeGreaterThan(0);
		const signatures = all<{ signed_at: number; due_date: string; late: number }>(
			'SELECT signed_at, due_date, late FROM wheel_signature'
		);
		for (const s of signatures) {
			expect(s.signed_at).toBeLessThan(NOW.getTime());
			expect(s.late === 1).toBe(osloDay(new Date(s.signed_at)) > s.due_date);
		}
	});

	it('writes the audit log in time order, as an intact hash chain', async () => {
		const rows = all<{ id: number; at: number }>('SELECT id, at FROM audit_log ORDER BY id');
		expect(rows).toHaveLength(2_000);
		expect(rows.every((r, i) => i === 0 || r.at >= rows[i - 1]!.at)).toBe(true);
		expect(await verifyAuditChain(sql())).toEqual({ ok: true, checked: 2_000, lastId: 2_000 });
	});

	it('writes nothing after its reference time', () => {
		const late = (table: string, column: string) =>
			all<{ n: number }>(
				`SELECT count(*) AS n FROM ${table} WHERE ${column} > ?`,
				NOW.getTime()
			)[0]!.n;
		expect({
			audit: late('audit_log', 'at'),
			statusChanges: late('status_change', 'at'),
			realisations: late('realisation', 'created_at'),
			reports: late('status_report', 'created_at')
		}).toEqual({ audit: 0, statusChanges: 0, realisations: 0, reports: 0 });
	});

	it('gives the same rows for the same seed and date', async () => {
		const other = path.join(scratch, 'again.db');
		const again = await generateScaleData({
			out: other,
			factor: FACTOR,
			scale: 'test',
			seed: 7,
			now: NOW,
			password: PASSWORD
		});
		expect(again.counts).toEqual(manifest.counts);
		expect(again.bench).toEqual(manifest.bench);
		sql().exec(`ATTACH DATABASE '${other}' AS again`);
		try {
			for (const table of ['realisation', 'wheel_signature', 'benefit_link', 'audit_log']) {
				const differing = all(
					`SELECT * FROM (SELECT * FROM main."${table}" EXCEPT SELECT * FROM again."${table}")`
				);
				expect(differing, table).toEqual([]);
			}
		} finally {
			sql().exec('DETACH DATABASE again');
		}
	});
	// Last: it writes a signature, which the comparison above must not see.
	it('hands the benchmark open occurrences it can sign', () => {
		const [first] = manifest.bench.signOff;
		expect(first?.keys.length).toBeGreaterThan(0);
		for (const [taskId, unitId, period] of first!.keys) {
			const occurrence = findOccurrence({ taskId, unitId, period }, NOW);
			expect(occurrence?.signature).toBeNull();
		}
		const [taskId, unitId, period] = first!.keys[0]!;
		const [leader] = all<{ id: number }>('SELECT id FROM user WHERE email = ?', first!.email);
		const result = signOccurrence(
			{ taskId, unitId, period },
			{ storedIn: 'Compilo', comment: null, link: null },
			leader!.id,
			NOW
		);
		expect(result.ok).toBe(true);
	});
});
