/**
 * Internal control (kommuneloven § 25-1 c): deviations recorded on an occurrence and outside
 * the wheel, edited, closed with a note and reopened; who may do what; overdue judged on the
 * Oslo day; tilsyn findings followed up as deviations; the risk-and-control matrix's flags.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import * as occurrence from '../../src/routes/(app)/arshjul/forekomst/[task=id]/[unit=id]/[period=period]/+page.server';
import * as template from '../../src/routes/(app)/arshjul/maler/[id=id]/+page.server';
import * as list from '../../src/routes/(app)/internkontroll/avvik/+page.server';
import * as create from '../../src/routes/(app)/internkontroll/avvik/ny/+page.server';
import * as one from '../../src/routes/(app)/internkontroll/avvik/[id=id]/+page.server';
import * as tilsynNew from '../../src/routes/(app)/internkontroll/tilsyn/ny/+page.server';
import * as tilsynOne from '../../src/routes/(app)/internkontroll/tilsyn/[id=id]/+page.server';
import * as projectPage from '../../src/routes/(app)/portefolje/prosjekter/[id=id]/+page.server';
import * as matrix from '../../src/routes/(app)/internkontroll/kontrollmatrise/+page.server';
import { makeEvent, makeUnit, makeUser, outcome, signIn, type Signed } from '../factories';
import { makeWheel } from '../factories/wheel';
import { makeProject, makeRisk } from '../factories/portfolio';
import { db } from '$lib/server/db';
import { withLocale } from '$lib/server/i18n';
import { auditLog, deviation, wheelSignature } from '$lib/server/db/schema';
import { createDeviation } from '$lib/server/db/queries/deviations';

let parentId: number;
let unitA: number;
let unitB: number;
let wheelId: number;
let taskId: number;
let quietTaskId: number;
const who: Record<string, Signed> = {};

const NOW = new Date('2026-03-10T09:00:00Z');
const FIELDS = {
	title: 'Medisinlisten var ikke oppdatert',
	description: '',
	severity: 'high',
	immediateAction: 'Listen ble rettet samme dag',
	correctiveAction: 'Opplæring i rutinen',
	responsibleId: '',
	deadline: '2026-04-01'
};

type Form = Record<string, string | string[]>;

function onOccurrence(signed: Signed, period: string, form: Form, now = NOW) {
	const params = { task: String(taskId), unit: String(unitA), period };
	const path = `/arshjul/forekomst/${taskId}/${unitA}/${period}`;
	return outcome(() =>
		occurrence.actions.recordDeviation!(makeEvent({ signed, path, params, form, now }) as never)
	);
}

function onDeviation(signed: Signed, id: number, action: keyof typeof one.actions, form: Form) {
	const event = makeEvent({
		signed,
		path: `/internkontroll/avvik/${id}`,
		params: { id: String(id) },
		form,
		now: NOW
	});
	return outcome(() => one.actions[action]!(event as never));
}

function listFor(signed: Signed, query = '', now = NOW) {
	return outcome(() =>
		list.load(makeEvent({ signed, path: `/internkontroll/avvik${query}`, now }) as never)
	) as Promise<{
		kind: string;
		data: {
			rows: { id: number; unitId: number; overdue: boolean }[];
			counts: { open: number; overdue: number };
		};
	}>;
}

const row = (id: number) => db.select().from(deviation).where(eq(deviation.id, id)).get()!;
const audits = (id: number) =>
	db
		.select()
		.from(auditLog)
		.all()
		.filter((a) => a.entity === 'deviation' && a.entityId === String(id));

/** A deviation written straight to the database, for the read tests. */
function seedDeviation(unitId: number, over: Partial<Parameters<typeof createDeviation>[0]> = {}) {
	const result = createDeviation(
		{
			title: 'Avvik',
			description: '',
			severity: 'medium',
			immediateAction: '',
			correctiveAction: '',
			responsibleId: null,
			deadline: null,
			unitId,
			source: 'incident',
			taskId: null,
			period: null,
			findingId: null,
			foundOn: '2026-03-01',
			...over
		},
		who.admin!.user.id,
		NOW
	);
	if (!result.ok) throw new Error(result.reason);
	return result.value;
}

beforeAll(async () => {
	parentId = makeUnit('Helse og omsorg');
	unitA = makeUnit('Bofellesskap A', parentId);
	unitB = makeUnit('Bofellesskap B', parentId);
	const wheel = makeWheel({
		ownerUnitId: parentId,
		unitIds: [unitA, unitB],
		tasks: [
			{ title: 'Legemiddelgjennomgang', schedule: { kind: 'monthly', dueDay: null } },
			{ title: 'HMS-runde', schedule: { kind: 'monthly', dueDay: null } }
		]
	});
	wheelId = wheel.wheelId;
	[taskId, quietTaskId] = wheel.taskIds as [number, number];
	who.admin = signIn(await makeUser([{ role: 'admin' }]));
	who.leaderA = signIn(await makeUser([{ role: 'unit_leader', unitId: unitA }]));
	who.leaderB = signIn(await makeUser([{ role: 'unit_leader', unitId: unitB }]));
	who.parentLeader = signIn(await makeUser([{ role: 'unit_leader', unitId: parentId }]));
	who.steering = signIn(await makeUser([{ role: 'steering' }]));
	who.viewer = signIn(await makeUser([{ role: 'viewer' }]));
});

describe('a deviation through its life', () => {
	let id: number;

	it('is recorded on an occurrence without signing it', async () => {
		const answer = await onOccurrence(who.leaderA!, '2026-02', {
			...FIELDS,
			responsibleId: String(who.leaderA!.user.id)
		});
		expect(answer.kind).toBe('ok');
		id = (answer as { data: { id: number } }).data.id;
		const d = row(id);
		expect(d).toMatchObject({
			unitId: unitA,
			source: 'control',
			taskId,
			period: '2026-02',
			status: 'open',
			foundOn: '2026-03-10',
			severity: 'high'
		});
		const signed = db
			.select()
			.from(wheelSignature)
			.all()
			.filter((s) => s.taskId === taskId && s.period === '2026-02');
		expect(signed).toHaveLength(0);
		expect(audits(id).map((a) => a.action)).toEqual(['create']);
		const page = (await outcome(() =>
			occurrence.load(
				makeEvent({
					signed: who.leaderA,
					path: `/arshjul/forekomst/${taskId}/${unitA}/2026-02`,
					params: { task: String(taskId), unit: String(unitA), period: '2026-02' },
					now: NOW
				}) as never
			)
		)) as { data: { deviations: { id: number }[]; canRecordDeviation: boolean } };
		expect(page.data.deviations.map((x) => x.id)).toEqual([id]);
		expect(page.data.canRecordDeviation).toBe(true);
	});

	it('refuses a missing title with a Norwegian message and writes nothing', async () => {
		const before = db.select().from(deviation).all().length;
		const answer = await onOccurrence(who.leaderA!, '2026-02', { ...FIELDS, title: ' ' });
		expect(answer).toMatchObject({ kind: 'fail', status: 400 });
		expect((answer as { data: { errors: Record<string, string> } }).data.errors.title).toMatch(
			/Skriv kort hva avviket er/
		);
		expect(db.select().from(deviation).all()).toHaveLength(before);
	});

	it('is not recorded on a control whose month has not begun, nor on one the unit lacks', async () => {
		const before = db.select().from(deviation).all().length;
		const future = await onOccurrence(who.leaderA!, '2026-04', FIELDS);
		expect(future).toMatchObject({ kind: 'fail', status: 400 });
		expect((future as { data: { errors: Record<string, string> } }).data.errors._form).toMatch(
			/har ikke begynt/
		);
		const params = { task: '99999', unit: String(unitA), period: '2026-02' };
		const missing = await outcome(() =>
			occurrence.actions.recordDeviation!(
				makeEvent({ signed: who.leaderA, params, form: FIELDS, now: NOW }) as never
			)
		);
		expect(missing).toMatchObject({ kind: 'fail', status: 400 });
		expect(db.select().from(deviation).all()).toHaveLength(before);
	});

	it('is recorded outside the wheel, for a unit the leader leads', async () => {
		const event = makeEvent({
			signed: who.leaderA,
			path: '/internkontroll/avvik/ny',
			form: { ...FIELDS, unitId: String(unitA) },
			now: NOW
		});
		const answer = await outcome(() => create.actions.create!(event as never));
		expect(answer.kind).toBe('redirect');
		const newId = Number((answer as { location: string }).location.match(/avvik\/(\d+)/)![1]);
		expect(row(newId)).toMatchObject({ source: 'incident', taskId: null, unitId: unitA });
		const other = makeEvent({
			signed: who.leaderA,
			path: '/internkontroll/avvik/ny',
			form: { ...FIELDS, unitId: String(unitB) },
			now: NOW
		});
		expect(await outcome(() => create.actions.create!(other as never))).toMatchObject({
			kind: 'error',
			status: 403
		});
	});

	it('refuses an edit made from a stale version and shows the newer values', async () => {
		const first = await onDeviation(who.leaderA!, id, 'update', {
			...FIELDS,
			title: 'Medisinlisten manglet signatur',
			version: '0'
		});
		expect(first.kind).toBe('ok');
		const stale = await onDeviation(who.admin!, id, 'update', {
			...FIELDS,
			title: 'Noe annet',
			version: '0'
		});
		expect(stale).toMatchObject({ kind: 'fail', status: 409 });
		expect((stale as { data: { values: Form } }).data.values.title).toBe(
			'Medisinlisten manglet signatur'
		);
		expect(row(id).title).toBe('Medisinlisten manglet signatur');
	});

	it('is not closed without a note on what was done, and nothing is written', async () => {
		const before = audits(id).length;
		const answer = await onDeviation(who.leaderA!, id, 'close', {
			closingNote: '  ',
			version: '1'
		});
		expect(answer).toMatchObject({ kind: 'fail', status: 400 });
		expect(
			(answer as { data: { errors: Record<string, string> } }).data.errors.closingNote
		).toMatch(/Skriv hva som ble gjort/);
		expect(row(id).status).toBe('open');
		expect(audits(id)).toHaveLength(before);
	});

	it('is closed with a note, and reopened only with a reason', async () => {
		const closed = await onDeviation(who.leaderA!, id, 'close', {
			closingNote: 'Alle ansatte har gått gjennom rutinen',
			version: '1'
		});
		expect(closed.kind).toBe('ok');
		expect(row(id)).toMatchObject({ status: 'closed', closedById: who.leaderA!.user.id });
		expect(
			await onDeviation(who.leaderA!, id, 'reopen', { reason: '', version: '2' })
		).toMatchObject({ kind: 'fail', status: 400 });
		const reopened = await onDeviation(who.leaderA!, id, 'reopen', {
			reason: 'Feilen skjedde igjen',
			version: '2'
		});
		expect(reopened.kind).toBe('ok');
		expect(row(id)).toMatchObject({ status: 'open', closingNote: null });
		expect(audits(id).map((a) => a.action)).toEqual(['create', 'update', 'close', 'reopen']);
	});
});

describe('who may see and write deviations', () => {
	let inA: number;
	let inB: number;

	beforeAll(() => {
		inA = seedDeviation(unitA, { title: 'I A' });
		inB = seedDeviation(unitB, { title: 'I B' });
	});

	it('refuses the leader of another unit, the parent leader and a viewer as writers', async () => {
		for (const name of ['leaderB', 'viewer', 'steering']) {
			const answer = await onOccurrence(who[name]!, '2026-01', FIELDS);
			expect(answer, name).toMatchObject({ kind: 'error', status: 403 });
			expect((answer as { message: string }).message).toMatch(/Bare lederen for enheten/);
		}
		expect(
			await onDeviation(who.parentLeader!, inA, 'update', { ...FIELDS, version: '0' })
		).toMatchObject({ kind: 'error', status: 403 });
		expect(
			await onDeviation(who.viewer!, inA, 'close', { closingNote: 'x', version: '0' })
		).toMatchObject({ kind: 'error', status: 403 });
	});

	it('shows a parent leader the subtree and a unit leader only their own unit', async () => {
		const parent = await listFor(who.parentLeader!, '?status=alle');
		const seen = parent.data.rows.map((r) => r.id);
		expect(seen).toEqual(expect.arrayContaining([inA, inB]));
		const b = await listFor(who.leaderB!, '?status=alle');
		expect(b.data.rows.map((r) => r.id)).toContain(inB);
		expect(b.data.rows.map((r) => r.id)).not.toContain(inA);
		const page = await outcome(() =>
			one.load(
				makeEvent({
					signed: who.leaderB,
					path: `/internkontroll/avvik/${inA}`,
					params: { id: String(inA) }
				}) as never
			)
		);
		expect(page).toMatchObject({ kind: 'error', status: 404 });
	});

	it('lets the steering group and viewers read every unit', async () => {
		for (const name of ['steering', 'viewer']) {
			const seen = (await listFor(who[name]!, '?status=alle')).data.rows.map((r) => r.id);
			expect(seen, name).toEqual(expect.arrayContaining([inA, inB]));
		}
	});
});

describe('overdue is judged on the Oslo day', () => {
	it('turns overdue at midnight in Oslo, not in UTC', async () => {
		const id = seedDeviation(unitB, { title: 'Frist 10. mars', deadline: '2026-03-10' });
		const lastMinute = new Date('2026-03-10T22:59:00Z'); // 23:59 in Oslo (CET)
		const midnight = new Date('2026-03-10T23:00:00Z'); // 00:00 on 11 March in Oslo
		const before = await listFor(who.leaderB!, '?frist=over', lastMinute);
		expect(before.data.rows.map((r) => r.id)).not.toContain(id);
		const after = await listFor(who.leaderB!, '?frist=over', midnight);
		expect(after.data.rows.map((r) => r.id)).toContain(id);
		expect(after.data.counts.overdue).toBe(before.data.counts.overdue + 1);
	});

	it('dates a deviation found just after midnight in Oslo on the new day', async () => {
		const answer = await onOccurrence(
			who.leaderA!,
			'2026-03',
			FIELDS,
			new Date('2026-03-10T23:30:00Z')
		);
		expect(row((answer as { data: { id: number } }).data.id).foundOn).toBe('2026-03-11');
	});
});

describe('a tilsyn and its findings', () => {
	it('follows a finding up as a deviation of a covered unit', async () => {
		const form = {
			authority: 'Statsforvalteren',
			theme: 'Legemiddelhåndtering',
			description: '',
			startDate: '2026-01-15',
			preliminaryReportDate: '',
			finalReportDate: '',
			followUpDeadline: '2026-05-01',
			status: 'open',
			unitIds: [String(unitA)]
		};
		const refused = await outcome(() =>
			tilsynNew.actions.create!(makeEvent({ signed: who.leaderA, form, now: NOW }) as never)
		);
		expect(refused).toMatchObject({ kind: 'error', status: 403 });
		const made = await outcome(() =>
			tilsynNew.actions.create!(makeEvent({ signed: who.admin, form, now: NOW }) as never)
		);
		const tilsynId = Number((made as { location: string }).location.split('/').pop());
		const at = (signed: Signed, f?: Form) =>
			makeEvent({
				signed,
				path: `/internkontroll/tilsyn/${tilsynId}`,
				params: { id: String(tilsynId) },
				form: f,
				now: NOW
			}) as never;
		await tilsynOne.actions.addFinding!(
			at(who.admin!, { kind: 'breach', text: 'Mangelfull dokumentasjon av utdeling' })
		);
		const page = (await tilsynOne.load(at(who.leaderA!))) as {
			findings: { id: number; kind: string }[];
			canRecordDeviation: boolean;
		};
		const findingId = page.findings[0]!.id;
		expect(page.canRecordDeviation).toBe(true);

		const prefill = (await outcome(() =>
			create.load(
				makeEvent({
					signed: who.leaderA,
					path: `/internkontroll/avvik/ny?funn=${findingId}`
				}) as never
			)
		)) as { data: { initial: Form; unitOptions: { value: string }[] } };
		expect(prefill.data.initial.title).toMatch(/^Lovbrudd: Mangelfull/);
		expect(prefill.data.initial.description).toMatch(/^Funn fra tilsyn: .+, «.+»\.$/);
		// Prefilled in the reader's language, as the rest of the form.
		const english = (await withLocale('en', () =>
			outcome(() =>
				create.load(
					makeEvent({
						signed: who.leaderA,
						path: `/internkontroll/avvik/ny?funn=${findingId}`
					}) as never
				)
			)
		)) as { data: { initial: Form } };
		expect(english.data.initial.title).toMatch(/^Breach of law: Mangelfull/);
		expect(english.data.initial.description).toMatch(/^Finding from inspection: .+, “.+”\.$/);
		expect(prefill.data.unitOptions.map((o) => o.value)).toEqual([String(unitA)]);
		expect(
			await outcome(() =>
				create.load(
					makeEvent({
						signed: who.leaderB,
						path: `/internkontroll/avvik/ny?funn=${findingId}`
					}) as never
				)
			)
		).toMatchObject({ kind: 'error', status: 403 });

		const followed = await outcome(() =>
			create.actions.create!(
				makeEvent({
					signed: who.leaderA,
					form: { ...FIELDS, unitId: String(unitA), findingId: String(findingId) },
					now: NOW
				}) as never
			)
		);
		const id = Number((followed as { location: string }).location.match(/avvik\/(\d+)/)![1]);
		expect(row(id)).toMatchObject({ source: 'tilsyn', findingId, unitId: unitA });
		const after = (await tilsynOne.load(at(who.viewer!))) as {
			findings: { deviations: number; openDeviations: number }[];
			canEdit: boolean;
		};
		expect(after.findings[0]).toMatchObject({ deviations: 1, openDeviations: 1 });
		expect(after.canEdit).toBe(false);
		expect(
			await outcome(() =>
				tilsynOne.actions.findingStatus!(
					at(who.leaderB!, { findingId: String(findingId), status: 'closed' })
				)
			)
		).toMatchObject({ kind: 'error', status: 403 });
	});
});

describe('the risk-and-control matrix', () => {
	it('flags a risk without control and a control that keeps finding deviations', async () => {
		const owner = await makeUser([{ role: 'programme_leader' }]);
		const projectId = makeProject(owner, []);
		const controlled = makeRisk({ projectId }, owner);
		const bare = makeRisk({ projectId }, owner);
		const at = (signed: Signed, form: Form) =>
			makeEvent({
				signed,
				path: `/arshjul/maler/${wheelId}`,
				params: { id: String(wheelId) },
				form,
				now: NOW
			}) as never;
		expect(
			await outcome(() =>
				template.actions.linkRisk!(
					at(who.leaderA!, { taskId: String(taskId), riskId: String(bare) })
				)
			)
		).toMatchObject({ kind: 'error', status: 403 });
		for (const t of [taskId, quietTaskId]) {
			const linked = await outcome(() =>
				template.actions.linkRisk!(
					at(who.parentLeader!, { taskId: String(t), riskId: String(controlled) })
				)
			);
			expect(linked.kind).toBe('ok');
		}
		// One deviation on the quiet task; the busy task has them in 2026-02 and 2026-03 already.
		seedDeviation(unitA, { source: 'control', taskId: quietTaskId, period: '2026-02' });

		const page = (await matrix.load(
			makeEvent({ signed: who.viewer, path: '/internkontroll/kontrollmatrise', now: NOW }) as never
		)) as {
			risks: {
				id: number;
				flag: string | null;
				controls: { taskId: number; flag: string | null }[];
			}[];
			repeated: { taskId: number }[];
		};
		const bareRow = page.risks.find((r) => r.id === bare)!;
		const controlledRow = page.risks.find((r) => r.id === controlled)!;
		expect(bareRow.flag).toBe('Ingen kontroll');
		expect(controlledRow.flag).toBeNull();
		const flags = Object.fromEntries(controlledRow.controls.map((c) => [c.taskId, c.flag]));
		expect(flags[taskId]).toBe('Finner avvik gjentatte ganger');
		expect(flags[quietTaskId]).toBeNull();
		expect(page.repeated.map((r) => r.taskId)).toEqual([taskId]);

		// The risk's own page says which tasks control it.
		const project = (await projectPage.load(
			makeEvent({
				signed: who.viewer,
				path: `/portefolje/prosjekter/${projectId}`,
				params: { id: String(projectId) },
				now: NOW
			}) as never
		)) as { risks: { id: number; controls: { taskId: number }[] }[] };
		const controls = (id: number) =>
			project.risks.find((r) => r.id === id)!.controls.map((c) => c.taskId);
		expect(controls(controlled).sort()).toEqual([taskId, quietTaskId].sort());
		expect(controls(bare)).toEqual([]);
	});
});
