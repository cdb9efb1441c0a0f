/**
 * A read kept per table version (read-cache.ts `versioned(key, compute, reads)`) is computed
 * again only after a write to a table it names, so the names must be every table its
 * statements open. This captures the statements the steering page's compliance figures run
 * (query-plan-check.ts) and reads, from each one's bytecode (EXPLAIN, OpenRead), the tables
 * and indexes it opens; each index counts as its table.
 */
import { describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import { db } from '$lib/server/db';
import { captureStatements, isQuery } from './query-plan-check';
import { COMPLIANCE_READS, steeringComplianceFigures } from '$lib/server/steering/views/steering';
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

describe('the steering compliance figures, kept per table version', () => {
	it('name every table their statements open, and no other', async () => {
		// A unit a track's measure involves, with a wheel: else the figures have nothing to count.
		const owner = await makeUser([{ role: 'programme_leader' }]);
		makeMission();
		const unit = makeUnit();
		const project = makeProject(owner, [makeTrack(owner)]);
		makeMeasure(project, owner, [unit]);
		makeWheel({ ownerUnitId: unit });
		const capture = captureStatements(db.$client);
		try {
			steeringComplianceFigures(new Date('2026-06-15T10:00:00Z'));
		} finally {
			capture.stop();
		}
		const opened = new Set<string>();
		for (const s of capture.statements().filter((s) => isQuery(s.sql)))
			for (const t of tablesOpened(db.$client, s.sql, s.params)) opened.add(t);
		expect([...opened].sort()).toEqual([...COMPLIANCE_READS].sort());
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
