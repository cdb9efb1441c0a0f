/**
 * Crash test: the built server acknowledges sign-offs and realisations over real HTTP, and is
 * killed with SIGKILL at a random moment while writes are in flight, round after round on the
 * same database file. After every round each acknowledged write must be in the file,
 * `PRAGMA integrity_check` must say ok, and the audit log's hash chain must be whole.
 *
 * What it leans on: SQLite commits a transaction in WAL mode by appending to the -wal file
 * (https://sqlite.org/wal.html, https://sqlite.org/pragma.html#pragma_synchronous), and the
 * server answers a request that wrote only after the commit and after syncing the -wal file
 * (one fsync shared by concurrent requests: src/lib/server/db/group-commit.ts). SIGKILL tests
 * the process dying, not the machine losing power: the page cache survives a killed process, so this does not prove the fsync, only that nothing is
 * acknowledged before it is committed and that recovery leaves a sound file.
 *
 * `npm run test:durability` runs 30 rounds (DURABILITY_ROUNDS), `npm test` a short version.
 * DURABILITY_SEED repeats a run's kill moments.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '$lib/server/db';
import { SESSION_COOKIE } from '$lib/server/auth/session';
import { verifyAuditChain } from '$lib/server/db/queries/audit-chain';
import { makeUnit, makeUser, signIn } from '../factories';
import { makeWheel } from '../factories/wheel';
import { makeBenefit, makeMission, makeProject } from '../factories/benefits';
import { startOn } from './server';

const ROUNDS = Number(process.env.DURABILITY_ROUNDS ?? 5);
const SEED = Number(process.env.DURABILITY_SEED ?? Math.floor(Math.random() * 2 ** 31));
/** Longest wait after the first acknowledged write of a round before the kill. */
const MAX_KILL_DELAY_MS = 1_500;

const dir = mkdtempSync(path.join(tmpdir(), 'misjonskart-durability-'));
const file = path.join(dir, 'durability.db');
// The factories open this file (db opens lazily, on first use) to seed it before any server.
process.env.DATABASE_URL = file;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** mulberry32: a small seeded generator, so a failing run can be repeated with its seed. */
function random(seed: number) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

type Write = {
	kind: 'sign' | 'realisation';
	/** A unique comment: how the write is found in the file afterwards. */
	token: string;
	path: string;
	form: Record<string, string>;
};

type Writer = { cookie: string; next: () => Write | undefined };

/** Months from January 2016 up to the one before this Oslo month: all begun, all signable. */
function pastPeriods(): string[] {
	const [year, month] = new Intl.DateTimeFormat('en-CA', {
		timeZone: 'Europe/Oslo',
		year: 'numeric',
		month: '2-digit'
	})
		.format(new Date())
		.split('-')
		.map(Number) as [number, number];
	const periods: string[] = [];
	for (let y = 2016; y <= year; y++) {
		for (let m = 1; m <= 12 && (y < year || m < month); m++) {
			periods.push(`${y}-${String(m).padStart(2, '0')}`);
		}
	}
	return periods;
}

const writers: Writer[] = [];
let serial = 0;

beforeAll(async () => {
	const periods = pastPeriods();
	const cookie = (userId: number) => `${SESSION_COOKIE}=${signIn(userId).token}`;

	// Sign-offs: one leader per unit, each working through their own unit's occurrences.
	const units = [1, 2, 3].map((i) => makeUnit(`Avdeling ${i}`));
	const { taskIds } = makeWheel({
		ownerUnitId: units[0]!,
		unitIds: units,
		tasks: [1, 2, 3, 4].map(() => ({ schedule: { kind: 'monthly', dueDay: null } })),
		activeFrom: periods[0]
	});
	for (const unitId of units) {
		const leader = cookie(await makeUser([{ role: 'unit_leader', unitId }]));
		const queue = periods.flatMap((period) => taskIds.map((taskId) => ({ taskId, period })));
		writers.push({
			cookie: leader,
			next: () => {
				const o = queue.shift();
				if (!o) return undefined;
				const token = `sign-${++serial}`;
				return {
					kind: 'sign',
					token,
					path: `/arshjul/forekomst/${o.taskId}/${unitId}/${o.period}?/sign`,
					form: { storedIn: 'Compilo', comment: token, link: '' }
				};
			}
		});
	}

	// Realisations: the benefit owner logs month after month; a realisation is always a new row.
	const ownerId = await makeUser([{ role: 'programme_leader' }]);
	const { tracks } = makeMission(ownerId);
	const { projectId } = makeProject(ownerId, [tracks[0]!]);
	for (let i = 0; i < 2; i++) {
		const benefitId = makeBenefit(projectId, { ownerId }, ownerId);
		writers.push({
			cookie: cookie(ownerId),
			next: () => {
				const token = `realisation-${++serial}`;
				return {
					kind: 'realisation',
					token,
					path: `/gevinster/${benefitId}?/logRealisation`,
					form: {
						period: periods[serial % periods.length]!,
						value: String(1000 + serial),
						comment: token,
						evidence: '',
						supersedesId: ''
					}
				};
			}
		});
	}
	// From here on only the server writes; this process reads the file after each crash.
	db.$client.close();
});

/** Posts the way `use:enhance` does, and tells whether the server acknowledged the write. */
async function post(baseUrl: string, writer: Writer, write: Write): Promise<'acked' | 'refused'> {
	const response = await fetch(baseUrl + write.path, {
		method: 'POST',
		headers: {
			origin: baseUrl,
			cookie: writer.cookie,
			accept: 'application/json',
			'x-sveltekit-action': 'true',
			'content-type': 'application/x-www-form-urlencoded'
		},
		body: new URLSearchParams(write.form)
	});
	const body = (await response.json()) as { type: string };
	return response.ok && body.type === 'success' ? 'acked' : 'refused';
}

type Tally = { acked: Write[]; refused: Write[]; unanswered: Write[] };

async function round(rand: () => number, tally: Tally) {
	const server = await startOn(file);
	let firstAck: () => void;
	const acked = new Promise<void>((resolve) => (firstAck = resolve));
	const loops = writers.map(async (writer) => {
		for (let write = writer.next(); write; write = writer.next()) {
			try {
				const outcome = await post(server.baseUrl, writer, write);
				tally[outcome].push(write);
				if (outcome === 'acked') firstAck();
			} catch {
				// Killed with the request in flight: no answer, so no promise was made.
				tally.unanswered.push(write);
				return;
			}
		}
	});
	await Promise.race([acked, sleep(15_000)]);
	await sleep(Math.floor(rand() * MAX_KILL_DELAY_MS));
	await server.crash();
	await Promise.all(loops);
}

/** Opens the file as the next start would (WAL recovery included) and checks it. */
async function inspect(tally: Tally) {
	const sqlite = new Database(file);
	try {
		const integrity = sqlite.pragma('integrity_check', { simple: true });
		const stored = new Set<string>([
			...sqlite.prepare('SELECT comment FROM wheel_signature').pluck().all(),
			...sqlite.prepare('SELECT comment FROM realisation').pluck().all()
		] as string[]);
		const chain = await verifyAuditChain(sqlite);
		return {
			integrity,
			chain,
			lost: tally.acked.filter((w) => !stored.has(w.token)),
			keptUnanswered: tally.unanswered.filter((w) => stored.has(w.token)).length
		};
	} finally {
		sqlite.close();
	}
}

describe('durability under SIGKILL', () => {
	it(`keeps every acknowledged write through ${ROUNDS} crashes (seed ${SEED})`, async () => {
		const rand = random(SEED);
		const tally: Tally = { acked: [], refused: [], unanswered: [] };
		const started = performance.now();
		let last: Awaited<ReturnType<typeof inspect>> | undefined;
		for (let r = 1; r <= ROUNDS; r++) {
			const ackedBefore = tally.acked.length;
			await round(rand, tally);
			last = await inspect(tally);
			expect(tally.acked.length, `round ${r} acknowledged nothing`).toBeGreaterThan(ackedBefore);
			expect(last.integrity, `integrity_check after round ${r}`).toBe('ok');
			expect(
				last.lost.map((w) => w.token),
				`lost after round ${r}`
			).toEqual([]);
			expect(last.chain, `audit chain after round ${r}`).toMatchObject({ ok: true });
		}
		const bySort = (kind: Write['kind']) => tally.acked.filter((w) => w.kind === kind).length;
		console.log(
			[
				`Crash test (seed ${SEED}): ${ROUNDS} rounds of SIGKILL in ${((performance.now() - started) / 1000).toFixed(1)} s.`,
				`Acknowledged writes: ${tally.acked.length} (${bySort('sign')} sign-offs, ${bySort('realisation')} realisations); lost: ${last!.lost.length}.`,
				`In flight at the kill, unanswered: ${tally.unanswered.length} (${last!.keptUnanswered} of them committed).`,
				`Refused: ${tally.refused.length}. integrity_check: ${last!.integrity}. Audit chain: ${last!.chain.checked} rows, ${last!.chain.ok ? 'intact' : 'broken'}.`
			].join('\n')
		);
		expect(tally.refused.map((w) => w.token)).toEqual([]);
	});
});
