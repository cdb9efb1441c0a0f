/**
 * Årshjul reads and history: the hot pages run prepared statements, schedule changes apply
 * from the current Oslo month on, and reopened occurrences of a wheel no longer used stay
 * visible in the unit's history.
 */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { load as wheelLoad } from '../../src/routes/(app)/arshjul/+page.server';
import { load as mineLoad } from '../../src/routes/(app)/arshjul/mine/+page.server';
import { load as occurrenceLoad } from '../../src/routes/(app)/arshjul/forekomst/[task=id]/[unit=id]/[period=period]/+page.server';
import { makeEvent, makeUnit, makeUser, signIn, type Signed } from '../factories';
import { makeWheel } from '../factories/wheel';
import { getDb } from '$lib/server/db';
import { listWheelAssignments, unassignWheel, updateWheelTask } from '$lib/server/db/queries/wheel';
import {
	listOccurrences,
	reopenOccurrence,
	signOccurrence
} from '$lib/server/db/queries/wheel-occurrences';
import type { Schedule } from '$lib/domain/wheel/schedule';

const NOW = new Date('2026-11-25T12:00:00Z');

const occurrencesOf = (taskId: number, year = 2026) =>
	listOccurrences({ year, now: NOW, unitIds: [unitId] })
		.filter((o) => o.taskId === taskId)
		.map((o) => [o.period, o.dueDate, o.status]);

const taskInput = (schedule: Schedule) => ({
	title: 'Brannvernrunde',
	description: null,
	responsibleRole: 'Avdelingsleder',
	storedIn: 'Compilo',
	reference: null,
	schedule
});

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
			wheelLoad(makeEvent({ now: NOW, signed: leader, path: `/arshjul?enhet=${unitId}` }) as never);
		const minePage = () =>
			mineLoad(makeEvent({ now: NOW, signed: leader, path: '/arshjul/mine' }) as never);
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

describe('schedule changes apply from the current Oslo month on', () => {
	it('an overdue unsigned occurrence stays overdue; this and future months move', async () => {
		const { taskIds } = makeWheel({
			ownerUnitId: parentId,
			unitIds: [unitId],
			tasks: [
				{ title: 'Brannvernrunde', schedule: { kind: 'months', months: [10, 11, 12], dueDay: 5 } }
			]
		});
		const taskId = taskIds[0]!;
		expect(occurrencesOf(taskId)).toEqual([
			['2026-10', '2026-10-05', 'overdue'],
			['2026-11', '2026-11-05', 'overdue'],
			['2026-12', '2026-12-05', 'future']
		]);
		const changed = updateWheelTask(
			taskId,
			{ ...taskInput({ kind: 'months', months: [10, 11, 12], dueDay: 28 }), version: 0 },
			leader.user.id,
			NOW
		);
		expect(changed.ok).toBe(true);
		expect(occurrencesOf(taskId)).toEqual([
			['2026-10', '2026-10-05', 'overdue'],
			['2026-11', '2026-11-28', 'due'],
			['2026-12', '2026-12-28', 'future']
		]);
		// A second change the same month: October still keeps the schedule it was due under.
		updateWheelTask(
			taskId,
			{ ...taskInput({ kind: 'yearly', month: 12, dueDay: null }), version: 1 },
			leader.user.id,
			NOW
		);
		expect(occurrencesOf(taskId)).toEqual([
			['2026-10', '2026-10-05', 'overdue'],
			['2026-12', '2026-12-31', 'future']
		]);
		expect(occurrencesOf(taskId, 2027)).toEqual([['2027-12', '2027-12-31', 'future']]);
		// Signing the old occurrence now records it late, against the date it was due.
		const signed = signOccurrence(
			{ taskId, unitId, period: '2026-10' },
			{ storedIn: 'Compilo', comment: null, link: null },
			leader.user.id,
			NOW
		);
		expect(signed.ok).toBe(true);
		expect(occurrencesOf(taskId)[0]).toEqual(['2026-10', '2026-10-05', 'signed_late']);
	});
});

describe('history of a wheel the unit no longer uses', () => {
	it('a reopened occurrence stays in the unit’s year, marked as from a wheel no longer in use', async () => {
		const eastId = makeUnit('Avdeling Øst', parentId);
		const admin = signIn(await makeUser([{ role: 'admin' }]));
		const { wheelId, taskIds } = makeWheel({
			ownerUnitId: parentId,
			unitIds: [eastId],
			tasks: [{ title: 'Avviksgjennomgang', schedule: { kind: 'yearly', month: 10, dueDay: 15 } }]
		});
		const taskId = taskIds[0]!;
		const key = { taskId, unitId: eastId, period: '2026-10' };
		expect(
			signOccurrence(key, { storedIn: 'Compilo', comment: 'Ok', link: null }, admin.user.id, NOW).ok
		).toBe(true);
		const assignment = listWheelAssignments(wheelId).find((a) => a.unitId === eastId)!;
		expect(unassignWheel(wheelId, assignment.id, admin.user.id, new Date()).ok).toBe(true);
		expect(reopenOccurrence(key, { reason: 'Signert ved en feil' }, admin.user.id, NOW).ok).toBe(
			true
		);

		const listed = listOccurrences({ year: 2026, now: NOW, unitIds: [eastId] });
		expect(listed.map((o) => [o.taskId, o.period, o.status, o.inUse])).toEqual([
			[taskId, '2026-10', 'overdue', false]
		]);
		// The wheel page still offers the unit and shows the row and its ring, marked.
		const page = (await wheelLoad(
			makeEvent({ now: NOW, signed: admin, path: `/arshjul?enhet=${eastId}&ar=2026` }) as never
		)) as {
			unitId: number;
			units: { id: number }[];
			occurrences: { taskId: number; inUse: boolean }[];
			wheels: { id: number; inUse: boolean }[];
		};
		expect(page.unitId).toBe(eastId);
		expect(page.units.map((u) => u.id)).toContain(eastId);
		expect(page.occurrences.map((o) => [o.taskId, o.inUse])).toEqual([[taskId, false]]);
		expect(page.wheels).toEqual([{ id: wheelId, name: expect.any(String), inUse: false }]);
		// Its page opens, with the signature and its reopening in the history, and can be signed again.
		const occurrencePage = (await occurrenceLoad(
			makeEvent({
				now: NOW,
				signed: admin,
				path: `/arshjul/forekomst/${taskId}/${eastId}/2026-10`,
				params: { task: String(taskId), unit: String(eastId), period: '2026-10' }
			}) as never
		)) as { history: { reopening: { reason: string } | null }[]; canSign: boolean };
		expect(occurrencePage.history.map((h) => h.reopening?.reason)).toEqual(['Signert ved en feil']);
		expect(occurrencePage.canSign).toBe(true);
	});
});
