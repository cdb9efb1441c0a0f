import { beforeAll, describe, expect, it } from 'vitest';
import {
	actions as occurrenceActions,
	load as occurrenceLoad
} from '../../src/routes/(app)/arshjul/forekomst/[task=id]/[unit=id]/[period=period]/+page.server';
import {
	actions as mineActions,
	load as mineLoad
} from '../../src/routes/(app)/arshjul/mine/+page.server';
import { makeEvent, makeUnit, makeUser, outcome, signIn, type Signed } from '../factories';
import { makeWheel } from '../factories/wheel';
import { db } from '$lib/server/db';
import { auditLog, wheelReopening, wheelSignature } from '$lib/server/db/schema';
import {
	findOccurrence,
	listOccurrences,
	signOccurrence
} from '$lib/server/db/queries/wheel-occurrences';

let unitId: number;
let otherUnitId: number;
let parentId: number;
let taskId: number;
const who: Record<string, Signed | null> = {};

const SIGN_FORM = { storedIn: 'Compilo', comment: 'Gjennomgått', link: '' };

function occurrenceEvent(
	signed: Signed | null,
	period: string,
	form?: Record<string, string>,
	now?: Date
) {
	const params = { task: String(taskId), unit: String(unitId), period };
	return makeEvent({
		signed,
		path: `/arshjul/forekomst/${taskId}/${unitId}/${period}`,
		params,
		form,
		now
	});
}

const sign = (signed: Signed | null, period: string, form = SIGN_FORM, now?: Date) =>
	outcome(() => occurrenceActions.sign!(occurrenceEvent(signed, period, form, now) as never));

const signatures = (period: string) =>
	db
		.select()
		.from(wheelSignature)
		.all()
		.filter((s) => s.taskId === taskId && s.unitId === unitId && s.period === period);

beforeAll(async () => {
	parentId = makeUnit('Bo og habilitering');
	unitId = makeUnit('Avdeling Nord', parentId);
	otherUnitId = makeUnit('Avdeling Sør', parentId);
	taskId = makeWheel({ ownerUnitId: parentId, unitIds: [unitId, otherUnitId] }).taskIds[0]!;
	who.admin = signIn(await makeUser([{ role: 'admin' }]));
	who.leader = signIn(await makeUser([{ role: 'unit_leader', unitId }]));
	who.coLeader = signIn(await makeUser([{ role: 'unit_leader', unitId }]));
	who.otherLeader = signIn(await makeUser([{ role: 'unit_leader', unitId: otherUnitId }]));
	who.parentLeader = signIn(await makeUser([{ role: 'unit_leader', unitId: parentId }]));
	who.steering = signIn(await makeUser([{ role: 'steering' }]));
	who.programme = signIn(await makeUser([{ role: 'programme_leader' }]));
	who.viewer = signIn(await makeUser([{ role: 'viewer' }]));
	who.anonymous = null;
});

describe('who may sign an occurrence', () => {
	// One month each, so every attempt meets an unsigned occurrence.
	const cases: [string, string, 'ok' | 403 | 'redirect'][] = [
		['admin', '2026-01', 'ok'],
		['leader', '2026-02', 'ok'],
		['coLeader', '2026-03', 'ok'],
		['otherLeader', '2026-04', 403],
		['parentLeader', '2026-05', 403],
		['steering', '2026-06', 403],
		['programme', '2026-07', 403],
		['viewer', '2026-08', 403],
		['anonymous', '2026-09', 'redirect']
	];
	it.each(cases)('%s signing %s: %s', async (name, period, expected) => {
		const result = await sign(who[name]!, period);
		if (expected === 'ok') {
			expect(result.kind).toBe('ok');
			expect(signatures(period)).toHaveLength(1);
			expect(signatures(period)[0]).toMatchObject({ storedIn: 'Compilo', late: true });
		} else {
			expect(result.kind).toBe(expected === 'redirect' ? 'redirect' : 'error');
			if (expected === 403) expect(result).toMatchObject({ status: 403 });
			expect(signatures(period)).toHaveLength(0);
		}
	});

	it('refuses bad input with a Norwegian message and writes nothing', async () => {
		const result = await sign(who.leader!, '2026-10', {
			storedIn: '',
			comment: '',
			link: 'javascript:alert(1)'
		});
		expect(result).toMatchObject({
			kind: 'fail',
			status: 400,
			data: {
				errors: {
					storedIn: 'Skriv hvor dokumentasjonen er lagret',
					link: 'Lenken må være en nettadresse som begynner med https:// eller http://'
				}
			}
		});
		expect(signatures('2026-10')).toHaveLength(0);
	});

	it('answers 404 for a period the task has no occurrence in', async () => {
		const result = await outcome(() =>
			occurrenceLoad(occurrenceEvent(who.leader!, '2025-05') as never)
		);
		expect(result).toMatchObject({ kind: 'error', status: 404 });
	});
});

describe('a period that has not begun', () => {
	// 30 November 2026 23:30 Oslo (CET) = 22:30 UTC; an hour later it is December in Oslo.
	const lastOfNovember = new Date('2026-11-30T22:30:00Z');
	const firstOfDecember = new Date('2026-11-30T23:30:00Z');

	it('cannot be signed: 400, a Norwegian message, the values kept and nothing stored', async () => {
		for (const period of ['2026-12', '2099-12']) {
			const result = await sign(who.leader!, period, SIGN_FORM, lastOfNovember);
			expect(result).toMatchObject({
				kind: 'fail',
				status: 400,
				data: { values: { storedIn: 'Compilo', comment: 'Gjennomgått' } }
			});
			const message = (result as { data: { errors: Record<string, string> } }).data.errors._form;
			expect(message).toMatch(/kan ikke signeres før måneden har begynt/);
			expect(signatures(period)).toHaveLength(0);
		}
		expect(signatures('2099-12')).toHaveLength(0);
	});

	it('offers no sign-off form before the month, and one from its first Oslo day', async () => {
		const before = await outcome(() =>
			occurrenceLoad(occurrenceEvent(who.leader!, '2026-12', undefined, lastOfNovember) as never)
		);
		expect(before).toMatchObject({ kind: 'ok', data: { canSign: false } });
		const after = await outcome(() =>
			occurrenceLoad(occurrenceEvent(who.leader!, '2026-12', undefined, firstOfDecember) as never)
		);
		expect(after).toMatchObject({ kind: 'ok', data: { canSign: true } });
		const signed = await sign(who.leader!, '2026-12', SIGN_FORM, firstOfDecember);
		expect(signed.kind).toBe('ok');
		expect(signatures('2026-12')).toMatchObject([{ late: false }]);
	});
});

describe('double sign-off', () => {
	it('records one signature and tells the second attempt who signed', async () => {
		const first = await sign(who.leader!, '2026-11');
		const second = await sign(who.coLeader!, '2026-11');
		expect(first.kind).toBe('ok');
		expect(second).toMatchObject({ kind: 'fail', status: 409 });
		const message = (second as { data: { errors: { _form: string } } }).data.errors._form;
		expect(message).toMatch(/allerede signert av Testbruker/);
		expect(signatures('2026-11')).toHaveLength(1);
		const signId = String(signatures('2026-11')[0]!.id);
		const audits = db
			.select()
			.from(auditLog)
			.all()
			.filter((a) => a.entity === 'wheel_signature' && a.entityId === signId);
		expect(audits.map((a) => a.action)).toEqual(['sign']);
	});
});

describe('who may reopen a signature', () => {
	// Each month is signed by the unit leader first (a task of its own), then reopened by …
	const cases: [string, string, 'ok' | 403 | 'redirect'][] = [
		['leader', '2026-01', 'ok'],
		['admin', '2026-02', 'ok'],
		['coLeader', '2026-03', 403],
		['otherLeader', '2026-04', 403],
		['parentLeader', '2026-05', 403],
		['steering', '2026-06', 403],
		['viewer', '2026-07', 403],
		['anonymous', '2026-08', 'redirect']
	];
	let reopenTaskId: number;
	beforeAll(() => {
		reopenTaskId = makeWheel({ ownerUnitId: parentId, unitIds: [unitId] }).taskIds[0]!;
	});
	const rows = (period: string) =>
		db
			.select()
			.from(wheelSignature)
			.all()
			.filter((s) => s.taskId === reopenTaskId && s.unitId === unitId && s.period === period);
	const event = (signed: Signed | null, period: string, form: Record<string, string>) =>
		makeEvent({
			signed,
			path: `/arshjul/forekomst/${reopenTaskId}/${unitId}/${period}`,
			params: { task: String(reopenTaskId), unit: String(unitId), period },
			form
		}) as never;

	it.each(cases)('%s reopening %s: %s', async (name, period, expected) => {
		const key = { taskId: reopenTaskId, unitId, period };
		expect(
			signOccurrence(
				key,
				{ storedIn: 'Teams', comment: null, link: null },
				who.leader!.user.id,
				new Date()
			).ok
		).toBe(true);
		const [signature] = rows(period);
		const result = await outcome(() =>
			occurrenceActions.reopen!(event(who[name]!, period, { reason: 'Feil dokument lagt ved' }))
		);
		const reopening = () =>
			db
				.select()
				.from(wheelReopening)
				.all()
				.find((r) => r.signatureId === signature!.id);
		if (expected === 'ok') {
			expect(result.kind).toBe('ok');
			// The signature is kept, its signed fields unchanged; it is only closed.
			expect(rows(period)).toEqual([{ ...signature, reopenedAt: expect.any(Date) }]);
			expect(reopening()).toMatchObject({
				reason: 'Feil dokument lagt ved',
				reopenedById: who[name]!.user.id
			});
			const audit = db
				.select()
				.from(auditLog)
				.all()
				.filter((a) => a.entity === 'wheel_signature' && a.entityId === String(signature!.id));
			expect(audit.map((a) => [a.action, a.actorId])).toEqual([
				['sign', who.leader!.user.id],
				['reopen', who[name]!.user.id]
			]);
			// It can be signed again; both signatures stay in the history.
			const again = await outcome(() =>
				occurrenceActions.sign!(event(who.leader!, period, SIGN_FORM))
			);
			expect(again.kind).toBe('ok');
			expect(rows(period)).toHaveLength(2);
			expect(findOccurrence(key, new Date())?.status).toBe('signed_late');
		} else {
			expect(result.kind).toBe(expected === 'redirect' ? 'redirect' : 'error');
			if (expected === 403) expect(result).toMatchObject({ status: 403 });
			expect(rows(period)).toEqual([signature]);
			expect(reopening()).toBeUndefined();
		}
	});

	it('needs a reason, and writes nothing without one', async () => {
		const period = '2026-09';
		signOccurrence(
			{ taskId: reopenTaskId, unitId, period },
			{ storedIn: 'Teams', comment: null, link: null },
			who.leader!.user.id,
			new Date()
		);
		const result = await outcome(() =>
			occurrenceActions.reopen!(event(who.leader!, period, { reason: ' ' }))
		);
		expect(result).toMatchObject({
			kind: 'fail',
			status: 400,
			data: { errors: { reason: 'Skriv hvorfor signaturen gjenåpnes' } }
		});
		expect(rows(period).every((s) => s.reopenedAt === null)).toBe(true);
	});
});

describe('late is judged by the Oslo calendar day', () => {
	it('is on time at 23:30 on the due day in Oslo, late at 00:30 the next day', () => {
		const taskId2 = makeWheel({ ownerUnitId: parentId, unitIds: [unitId] }).taskIds[0]!;
		const a = { taskId: taskId2, unitId, period: '2026-01' };
		const b = { taskId: taskId2, unitId, period: '2026-03' };
		const input = { storedIn: 'VFR', comment: null, link: null };
		// 31 January 23:30 Oslo (CET, UTC+1) = 22:30 UTC.
		signOccurrence(a, input, who.leader!.user.id, new Date('2026-01-31T22:30:00Z'));
		// 1 April 00:30 Oslo (CEST, UTC+2) = 31 March 22:30 UTC: one day past the 31 March due day.
		signOccurrence(b, input, who.leader!.user.id, new Date('2026-03-31T22:30:00Z'));
		const now = new Date('2026-11-25T12:00:00Z');
		expect(findOccurrence(a, now)).toMatchObject({ status: 'signed', dueDate: '2026-01-31' });
		expect(findOccurrence(b, now)).toMatchObject({ status: 'signed_late', dueDate: '2026-03-31' });
		expect(findOccurrence(b, now)?.signature?.late).toBe(true);
	});
});

describe('Mine oppgaver', () => {
	it("lists this month's and overdue items of the leader's own units only", async () => {
		const result = await outcome(() =>
			mineLoad(makeEvent({ signed: who.otherLeader!, path: '/arshjul/mine' }) as never)
		);
		expect(result.kind).toBe('ok');
		const data = (result as { data: { overdue: { unitId: number }[]; due: { unitId: number }[] } })
			.data;
		expect(data.overdue.length).toBeGreaterThan(0);
		expect([...data.overdue, ...data.due].every((o) => o.unitId === otherUnitId)).toBe(true);
	});

	it('signs in place, and refuses a unit the leader does not lead with 403', async () => {
		const form = { ...SIGN_FORM, taskId: String(taskId), period: '2026-10' };
		const refused = await outcome(() =>
			mineActions.sign!(
				makeEvent({
					signed: who.otherLeader!,
					path: '/arshjul/mine',
					form: { ...form, unitId: String(unitId) }
				}) as never
			)
		);
		expect(refused).toMatchObject({ kind: 'error', status: 403 });
		const signed = await outcome(() =>
			mineActions.sign!(
				makeEvent({
					signed: who.otherLeader!,
					path: '/arshjul/mine',
					form: { ...form, unitId: String(otherUnitId) }
				}) as never
			)
		);
		expect(signed.kind).toBe('ok');
		const open = listOccurrences({ year: 2026, now: new Date(), unitIds: [otherUnitId] });
		expect(
			open.find((o) => o.taskId === taskId && o.period === '2026-10')?.signature?.storedIn
		).toBe('Compilo');
	});

	it('a viewer leads no unit: the page opens with no controls to sign', async () => {
		const result = await outcome(() =>
			mineLoad(makeEvent({ signed: who.viewer!, path: '/arshjul/mine' }) as never)
		);
		expect(result).toMatchObject({ kind: 'ok', data: { leadsUnits: false, overdue: [], due: [] } });
	});
});
