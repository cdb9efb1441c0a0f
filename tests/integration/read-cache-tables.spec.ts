/**
 * A read kept per table version (read-cache.ts `versioned(key, compute, reads)`) is computed
 * again only after a write to a table it names, so the names must be every table its
 * statements open. This captures the statements each kept figure runs (query-plan-check.ts)
 * and reads, from each one's bytecode (EXPLAIN, OpenRead), the tables and indexes it opens;
 * each index counts as its table. Every `versioned(` call in src/ must name its tables, and
 * each list is held here to the statements of the figure it keeps.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import { db } from '$lib/server/db';
import { captureStatements, isQuery } from './query-plan-check';
import {
	BEHIND_READS,
	COMPLIANCE_READS,
	steeringComplianceFigures
} from '$lib/server/steering/views/steering';
import { CHANGE_COUNT_READS } from '$lib/server/steering/views/since-meeting';
import { DEVIATION_COUNT_READS } from '$lib/server/control/views/deviations';
import {
	BENEFITS_IN_SCOPE_READS,
	countBehindByTrack,
	countPlanStatus
} from '$lib/server/db/queries/gain-lists';
import { gainBreakdown } from '$lib/server/db/queries/gain-breakdowns';
import { countOpenDeviations } from '$lib/server/db/queries/deviation-reads';
import { countChangesSince } from '$lib/server/db/queries/steering';
import { versioned } from '$lib/server/read-cache';
import { makeUnit, makeUser } from '../factories';
import { makeMeasure, makeMission, makeProject, makeTrack } from '../factories/portfolio';
import { makeWheel } from '../factories/wheel';

type Op = { opcode: string; p1: number; p2: number; p3: number };

function tablesOpened(client: Database.Database, sql: string, params: unknown[]): Set<string> {
	const owner = new Map(
		(
			client.prepare(`SELECT rootpage, tbl_name FROM sqlite_master WHERE rootpage > 0`).all() as {
				rootpage: number;
				tbl_name: string;
			}[]
		).map((r) => [r.rootpage, r.tbl_name])
	);
	const program = client.prepare(`EXPLAIN ${sql}`).all(...(params as never[])) as Op[];
	const opened = new Set<string>();
	for (const op of program)
		if ((op.opcode === 'OpenRead' || op.opcode === 'OpenWrite') && op.p3 === 0) {
			const table = owner.get(op.p2);
			if (table) opened.add(table);
		}
	return opened;
}

/** The tables the statements `run` prepares open, by their bytecode. */
function tablesRead(run: () => unknown): string[] {
	const capture = captureStatements(db.$client);
	try {
		run();
	} finally {
		capture.stop();
	}
	const opened = new Set<string>();
	for (const s of capture.statements().filter((s) => isQuery(s.sql)))
		for (const t of tablesOpened(db.$client, s.sql, s.params)) opened.add(t);
	return [...opened].sort();
}

describe('the steering compliance figures, kept per table version', () => {
	it('name every table their statements open, and no other', async () => {
		// A unit a track's measure involves, with a wheel: else the figures have nothing to count.
		const owner = await makeUser([{ role: 'programme_leader' }]);
		makeMission();
		const unit = makeUnit();
		const project = makeProject(owner, [makeTrack(owner)]);
		makeMeasure(project, owner, [unit]);
		makeWheel({ ownerUnitId: unit });
		const opened = tablesRead(() => steeringComplianceFigures(new Date('2026-06-15T10:00:00Z')));
		expect(opened).toEqual([...COMPLIANCE_READS].sort());
	});

	it('are computed again after a write to one of those tables, not after another', () => {
		let runs = 0;
		const read = () => versioned('tables-test', () => ++runs, ['unit']);
		expect(read()).toBe(1);
		db.$client.prepare(`update user set name = name`).run();
		expect(read()).toBe(1);
		makeUnit();
		expect(read()).toBe(2);
		db.transaction(() => {
			db.$client.prepare(`update unit set name = name`).run();
		});
		expect(read()).toBe(3);
	});
});

const SCOPES = [
	{ projectId: null, trackId: null, level: null },
	{ projectId: 1, trackId: 1, level: 'bruker' }
];

/** Each kept figure besides the compliance: the compute its view keeps, and the list it names. */
const FIGURES: { name: string; reads: readonly string[]; runs: (() => unknown)[] }[] = [
	{
		name: 'behind plan per track (/styring)',
		reads: BEHIND_READS,
		runs: [() => countBehindByTrack(10)]
	},
	{
		name: 'behind and at risk in the scope (/gevinster)',
		reads: BENEFITS_IN_SCOPE_READS,
		runs: SCOPES.map((s) => () => countPlanStatus({ missionId: 1, ...s }, 10))
	},
	{
		name: 'the breakdown (/gevinster/fordeling)',
		reads: BENEFITS_IN_SCOPE_READS,
		runs: SCOPES.map((s) => () => gainBreakdown({ ...s, beneficiary: 'innbygger' }))
	},
	{
		name: 'open deviations (/styring)',
		reads: DEVIATION_COUNT_READS,
		runs: [() => countOpenDeviations('2026-06-15')]
	},
	{
		name: 'changes since the last meeting (/styring)',
		reads: CHANGE_COUNT_READS,
		runs: [() => countChangesSince({ since: 0, until: Date.parse('2026-06-15T10:00:00Z') })]
	}
];

describe('every other kept figure', () => {
	for (const f of FIGURES) {
		it(`${f.name} names every table its statements open, and no other`, () => {
			// Prepared once per process: run each in a fresh capture so its statement is seen.
			const opened = new Set(f.runs.flatMap((run) => tablesRead(run)));
			expect([...opened].sort()).toEqual([...f.reads].sort());
		});
	}

	it('is every versioned( call in src/, and each names the tables it reads', () => {
		const files = (readdirSync('src', { recursive: true }) as string[])
			.filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts'))
			.filter((f) => !f.endsWith('read-cache.ts'));
		const calls: string[] = [];
		for (const f of files) {
			const text = readFileSync(join('src', f), 'utf8');
			// The call runs to the first `);` at the indentation its line starts with.
			for (const m of text.matchAll(/^(\t*)(.*)\bversioned(<[^>]*>)?\(([\s\S]*?)\n?\1?\);/gm))
				calls.push(`${f}: ${m[4]}`);
		}
		expect(calls.length).toBe(FIGURES.length + 1);
		for (const c of calls) expect(c).toMatch(/_READS\s*$/);
	});
});
