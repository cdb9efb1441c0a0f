import { beforeAll, describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { actions as templateActions } from '../../src/routes/(app)/arshjul/maler/[id=id]/+page.server';
import { actions as newWheelActions } from '../../src/routes/(app)/arshjul/maler/+page.server';
import { actions as feedPageActions } from '../../src/routes/(app)/arshjul/kalender/+page.server';
import { GET as feed } from '../../src/routes/kalender/[token].ics/+server';
import { makeEvent, makeUnit, makeUser, outcome, signIn, type Signed } from '../factories';
import { makeWheel } from '../factories/wheel';
import { db } from '$lib/server/db';
import { listWheelAssignments } from '$lib/server/db/queries/wheel';
import { auditLog, wheelSignature, wheelTask } from '$lib/server/db/schema';
import { listOccurrences, signOccurrence } from '$lib/server/db/queries/wheel-occurrences';

let parentId: number;
let unitId: number;
let otherUnitId: number;
const who: Record<string, Signed | null> = {};
const NOW = new Date('2026-11-25T12:00:00Z');

const TASK_FORM = {
	title: 'ROS-analyse vold og trusler',
	responsibleRole: 'Avdelingsleder',
	storedIn: 'Compilo',
	scheduleKind: 'months',
	months: ['3', '9'],
	dueDay: '31'
};

beforeAll(async () => {
	parentId = makeUnit('Bo og habilitering');
	unitId = makeUnit('Avdeling Nord', parentId);
	otherUnitId = makeUnit('Avdeling Sør', parentId);
	who.admin = signIn(await makeUser([{ role: 'admin' }]));
	who.ownerLeader = signIn(await makeUser([{ role: 'unit_leader', unitId: parentId }]));
	who.leader = signIn(await makeUser([{ role: 'unit_leader', unitId }]));
	who.steering = signIn(await makeUser([{ role: 'steering' }]));
	who.viewer = signIn(await makeUser([{ role: 'viewer' }]));
	who.anonymous = null;
});

const occurrencesOf = (taskId: number, unit = unitId) =>
	listOccurrences({ year: 2026, now: NOW, unitIds: [unit] }).filter((o) => o.taskId === taskId);

describe('template changes', () => {
	it('change unsigned occurrences and never signed ones', async () => {
		const { wheelId, taskIds } = makeWheel({
			ownerUnitId: parentId,
			unitIds: [unitId],
			tasks: [{ title: 'Personalmøte', schedule: { kind: 'monthly', dueDay: null } }]
		});
		const taskId = taskIds[0]!;
		const input = { storedIn: 'Teams', comment: null, link: null };
		signOccurrence(
			{ taskId, unitId, period: '2026-01' },
			input,
			who.leader!.user.id,
			new Date('2026-01-20T09:00:00Z')
		);
		signOccurrence(
			{ taskId, unitId, period: '2026-02' },
			input,
			who.leader!.user.id,
			new Date('2026-03-05T09:00:00Z')
		);
		const signedBefore = db
			.select()
			.from(wheelSignature)
			.all()
			.filter((s) => s.taskId === taskId);

		// Now only March and September, due the 10th, another title.
		const result = await outcome(() =>
			templateActions.updateTask!(
				makeEvent({
					now: NOW,
					signed: who.ownerLeader!,
					path: `/arshjul/maler/${wheelId}`,
					params: { id: String(wheelId) },
					form: {
						...TASK_FORM,
						title: 'Personalmøte med referat',
						dueDay: '10',
						taskId: String(taskId),
						version: '0'
					}
				}) as never
			)
		);
		expect(result.kind).toBe('ok');

		// The new schedule applies from this month (November 2026) on: the unsigned months
		// before keep the monthly schedule and stay overdue; no March/September date in the
		// rest of the year. Unsigned occurrences show the new title.
		const after = occurrencesOf(taskId);
		const pastMonths = ['03', '04', '05', '06', '07', '08', '09', '10'].map((m) => [
			`2026-${m}`,
			`2026-${m}-${m === '04' || m === '06' || m === '09' ? '30' : '31'}`,
			'Personalmøte med referat',
			'overdue'
		]);
		expect(after.map((o) => [o.period, o.dueDate, o.title, o.status])).toEqual([
			['2026-01', '2026-01-31', 'Personalmøte', 'signed'],
			['2026-02', '2026-02-28', 'Personalmøte', 'signed_late'],
			...pastMonths
		]);
		// The signature rows are byte for byte what they were.
		expect(
			db
				.select()
				.from(wheelSignature)
				.all()
				.filter((s) => s.taskId === taskId)
		).toEqual(signedBefore);
	});

	it('archiving a task stops future occurrences and keeps the past and the signed', async () => {
		const { wheelId, taskIds } = makeWheel({
			ownerUnitId: parentId,
			unitIds: [unitId, otherUnitId]
		});
		const taskId = taskIds[0]!;
		// A month can be signed only once it has begun, so December is signed on its first day
		// and the task archived the day after, while December's occurrence is still due.
		const signedAt = new Date('2026-12-01T09:00:00Z');
		const archivedAt = new Date('2026-12-02T12:00:00Z');
		expect(
			signOccurrence(
				{ taskId, unitId, period: '2026-12' },
				{ storedIn: 'Teams', comment: null, link: null },
				who.leader!.user.id,
				signedAt
			).ok
		).toBe(true);
		const result = await outcome(() =>
			templateActions.archiveTask!(
				makeEvent({
					now: archivedAt,
					signed: who.admin!,
					path: `/arshjul/maler/${wheelId}`,
					params: { id: String(wheelId) },
					form: { taskId: String(taskId) }
				}) as never
			)
		);
		expect(result.kind).toBe('ok');
		const pastMonths = [
			'2026-01',
			'2026-02',
			'2026-03',
			'2026-04',
			'2026-05',
			'2026-06',
			'2026-07',
			'2026-08',
			'2026-09',
			'2026-10',
			'2026-11'
		];
		// Archived 2 December: January–November stay (their due days have passed); December's
		// (due the 31st) stops, and stays only where it is signed.
		expect(occurrencesOf(taskId).map((o) => o.period)).toEqual([...pastMonths, '2026-12']);
		expect(occurrencesOf(taskId, otherUnitId).map((o) => o.period)).toEqual(pastMonths);
		const archived = db
			.select()
			.from(wheelTask)
			.all()
			.find((t) => t.id === taskId);
		expect(archived?.archivedAt).not.toBeNull();
	});

	it('a double active signature is impossible even past the check (trigger before the partial unique index)', () => {
		const { taskIds } = makeWheel({ ownerUnitId: parentId, unitIds: [unitId] });
		const row = {
			taskId: taskIds[0]!,
			unitId,
			period: '2026-05',
			dueDate: '2026-05-31',
			taskTitle: 'x',
			responsibleRole: 'Avdelingsleder',
			signedById: who.leader!.user.id,
			signedAt: NOW,
			late: true,
			storedIn: 'Compilo'
		};
		db.insert(wheelSignature).values(row).run();
		// drizzle/0008_no_replace.sql refuses it before the index would (the index stays as backstop).
		expect(() => db.insert(wheelSignature).values(row).run()).toThrow(/already signed/);
	});
});

describe('taking a wheel away from a unit', () => {
	it('keeps its signed occurrences and stops the rest', async () => {
		const { wheelId, taskIds } = makeWheel({ ownerUnitId: parentId, unitIds: [otherUnitId] });
		const taskId = taskIds[0]!;
		signOccurrence(
			{ taskId, unitId: otherUnitId, period: '2026-04' },
			{ storedIn: 'Compilo', comment: 'Før endringen', link: null },
			who.admin!.user.id,
			new Date('2026-04-10T09:00:00Z')
		);
		const [assignment] = listWheelAssignments(wheelId);
		const result = await outcome(() =>
			templateActions.unassign!(
				makeEvent({
					now: NOW,
					signed: who.ownerLeader!,
					path: `/arshjul/maler/${wheelId}`,
					params: { id: String(wheelId) },
					form: { assignmentId: String(assignment!.id) }
				}) as never
			)
		);
		expect(result.kind).toBe('ok');
		expect(occurrencesOf(taskId, otherUnitId).map((o) => [o.period, o.status])).toEqual([
			['2026-04', 'signed']
		]);
		const audit = db
			.select()
			.from(auditLog)
			.all()
			.filter((a) => a.entity === 'wheel' && a.entityId === String(wheelId));
		expect(audit.map((a) => a.action)).toEqual(['create', 'assign', 'unassign']);
	});
});

describe('wheels reach child units when assigned with them', () => {
	it('inherits with «gjelder også underenheter», not without', () => {
		const withChildren = makeWheel({
			ownerUnitId: parentId,
			unitIds: [parentId],
			includeChildUnits: true
		});
		const without = makeWheel({ ownerUnitId: parentId, unitIds: [parentId] });
		expect(occurrencesOf(withChildren.taskIds[0]!, otherUnitId)).toHaveLength(12);
		expect(occurrencesOf(without.taskIds[0]!, otherUnitId)).toHaveLength(0);
		expect(occurrencesOf(without.taskIds[0]!, parentId)).toHaveLength(12);
	});
});

describe('who may keep templates', () => {
	const cases: [string, 'ok' | 403 | 'redirect'][] = [
		['admin', 'ok'],
		['ownerLeader', 'ok'],
		['leader', 403],
		['steering', 403],
		['viewer', 403],
		['anonymous', 'redirect']
	];
	it.each(cases)('%s adding a task: %s', async (name, expected) => {
		const { wheelId } = makeWheel({ ownerUnitId: parentId });
		const result = await outcome(() =>
			templateActions.addTask!(
				makeEvent({
					now: NOW,
					signed: who[name]!,
					path: `/arshjul/maler/${wheelId}`,
					params: { id: String(wheelId) },
					form: TASK_FORM
				}) as never
			)
		);
		const tasks = db
			.select()
			.from(wheelTask)
			.all()
			.filter((t) => t.wheelId === wheelId);
		if (expected === 'ok') {
			expect(result.kind).toBe('ok');
			expect(tasks.map((t) => [t.title, t.scheduleKind, t.months, t.dueDay])).toEqual([
				[expect.stringMatching(/^Oppgave /), 'monthly', '1,2,3,4,5,6,7,8,9,10,11,12', null],
				['ROS-analyse vold og trusler', 'months', '3,9', 31]
			]);
			const audit = db
				.select()
				.from(auditLog)
				.all()
				.filter((a) => a.entity === 'wheel_task' && a.entityId === String(tasks[1]!.id));
			expect(audit.map((a) => a.action)).toEqual(['create']);
		} else {
			expect(result.kind).toBe(expected === 'redirect' ? 'redirect' : 'error');
			if (expected === 403) expect(result).toMatchObject({ status: 403 });
			expect(tasks).toHaveLength(1);
		}
	});

	it('validates the schedule with Norwegian messages', async () => {
		const { wheelId } = makeWheel({ ownerUnitId: parentId });
		const result = await outcome(() =>
			templateActions.addTask!(
				makeEvent({
					now: NOW,
					signed: who.admin!,
					path: `/arshjul/maler/${wheelId}`,
					params: { id: String(wheelId) },
					form: { ...TASK_FORM, months: ['13'], dueDay: '32' }
				}) as never
			)
		);
		expect(result).toMatchObject({
			kind: 'fail',
			status: 400,
			data: {
				errors: {
					months: 'Månedene må være fra januar til desember',
					dueDay: 'Forfallsdagen må være et helt tall fra 1 til 31, eller tom for siste dag'
				}
			}
		});
	});

	it('a unit leader may create a wheel only for a unit they lead', async () => {
		const create = (ownerUnitId: number) =>
			outcome(() =>
				newWheelActions.create!(
					makeEvent({
						now: NOW,
						signed: who.leader!,
						path: '/arshjul/maler',
						form: { name: 'Årshjul for primærkontakter', ownerUnitId: String(ownerUnitId) }
					}) as never
				)
			);
		expect((await create(unitId)).kind).toBe('ok');
		expect(await create(otherUnitId)).toMatchObject({ kind: 'error', status: 403 });
	});
});

describe('calendar feed', () => {
	it('lists the occurrences of the units the user leads, parses with ical.js, and can be revoked', async () => {
		const feedUnit = makeUnit('Avdeling Fjord', parentId);
		const leaderId = await makeUser([{ role: 'unit_leader', unitId: feedUnit }]);
		const leader = signIn(leaderId);
		makeWheel({
			ownerUnitId: parentId,
			unitIds: [feedUnit],
			tasks: [
				{
					title: 'Ressursfordelingskartlegging',
					schedule: { kind: 'yearly', month: 1, dueDay: null }
				}
			]
		});
		const created = await outcome(() =>
			feedPageActions.create!(
				makeEvent({ now: NOW, signed: leader, path: '/arshjul/kalender', form: {} }) as never
			)
		);
		const url = new URL((created as { data: { feedUrl: string } }).data.feedUrl);
		const token = url.pathname.match(/^\/kalender\/(\w+)\.ics$/)![1]!;
		const get = (t: string) =>
			outcome(() =>
				feed(makeEvent({ now: NOW, path: `/kalender/${t}.ics`, params: { token: t } }) as never)
			);

		const ok = await get(token);
		const response = (ok as { data: Response }).data;
		expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
		const calendar = new ICAL.Component(ICAL.parse(await response.text()));
		const events = calendar.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
		const summaries = events.map((e) => `${e.summary} ${e.startDate.toString()}`);
		// Last, this and next year: 2025, 2026 (from its start month) and 2027.
		expect(summaries).toContain('Ressursfordelingskartlegging (Avdeling Fjord) 2026-01-31');
		expect(
			events.every((e) =>
				e.component.getFirstPropertyValue('url')?.toString().includes(`/${feedUnit}/`)
			)
		).toBe(true);

		await outcome(() =>
			feedPageActions.revoke!(
				makeEvent({ now: NOW, signed: leader, path: '/arshjul/kalender', form: {} }) as never
			)
		);
		expect(await get(token)).toMatchObject({ kind: 'error', status: 404 });
		expect(await get('a'.repeat(32))).toMatchObject({ kind: 'error', status: 404 });
	});
});
