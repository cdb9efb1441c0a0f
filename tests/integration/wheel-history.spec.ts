/**
 * Årshjul reads and history: the hot pages run prepared statements, schedule changes apply
 * from the current Oslo month on, and reopened occurrences of a wheel no longer used stay
 * visible in the unit's history.
 */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { load as wheelLoad } from '../../src/routes/(app)/arshjul/+page.server';
import { load as mineLoad } from '../../src/routes/(app)/arshjul/mine/+page.server';
import { makeEvent, makeUnit, makeUser, signIn, type Signed } from '../factories';
import { makeWheel } from '../factories/wheel';
import { getDb } from '$lib/server/db';

let parentId: number;
let unitId: number;
let leader: Signed;

beforeAll(async () => {
	parentId = makeUnit('Bo og habilitering');
	unitId = makeUnit('Avdeling Vest', parentId);
	makeWheel({ ownerUnitId: parentId, unitIds: [unitId] });
	leader = signIn(await makeUser([{ role: 'unit_leader', unitId }]));
});

afterEach(() => {
	vi.restoreAllMocks();
});

describe('prepared wheel reads', () => {
	it('/arshjul and /arshjul/mine compile no SQL once warm: every read is prepared', async () => {
		const wheelPage = () =>
			wheelLoad(makeEvent({ signed: leader, path: `/arshjul?enhet=${unitId}` }) as never);
		const minePage = () => mineLoad(makeEvent({ signed: leader, path: '/arshjul/mine' }) as never);
		const firstWheel = await wheelPage();
		const firstMine = await minePage();
		const compile = vi.spyOn(getDb().$client, 'prepare');
		const wheel = await wheelPage();
		const mine = await minePage();
		expect(compile).not.toHaveBeenCalled();
		// Same answers as the first (cold) load.
		expect(wheel).toEqual(firstWheel);
		expect(mine).toEqual(firstMine);
		expect((wheel as { occurrences: unknown[] }).occurrences.length).toBeGreaterThan(0);
	});
});
