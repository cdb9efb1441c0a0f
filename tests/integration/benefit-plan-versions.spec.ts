import { beforeAll, describe, expect, it } from 'vitest';
import {
	actions,
	load as benefitLoad
} from '../../src/routes/(app)/gevinster/[id=id]/+page.server';
import { load as approvalsLoad } from '../../src/routes/(app)/gevinster/godkjenning/+page.server';
import { GET as evidenceGet } from '../../src/routes/(app)/gevinster/[id=id]/nullpunkt/[versionId=id]/+server';
import { eventOn, makeEvent, makeUser, outcome, signIn, type Signed } from '../factories';
import { makeBenefit, makeFrozenBenefit, makeMission, makeProject } from '../factories/benefits';
import { listAuditEntries } from '$lib/server/db/queries/audit';
import { getBenefit } from '$lib/server/db/queries/benefits';
import { listPlannedPeriods, logRealisation } from '$lib/server/db/queries/benefits-gains';
import { listPlanVersions } from '$lib/server/db/queries/benefits-plan-reads';
import { gainSums } from '$lib/server/db/queries/gain-views';
import { db } from '$lib/server/db';
import { benefitPlanVersion, notice } from '$lib/server/db/schema';
import { and, eq } from 'drizzle-orm';

let leader: Signed;
let steering: Signed;
let steering2: Signed;
let viewer: Signed;
let unitLeader: Signed;
let admin: Signed;
let missionId = 0;
let projectId = 0;

const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

beforeAll(async () => {
	leader = signIn(await makeUser([{ role: 'programme_leader' }]));
	steering = signIn(await makeUser([{ role: 'steering' }]));
	steering2 = signIn(await makeUser([{ role: 'steering' }]));
	viewer = signIn(await makeUser([]));
	unitLeader = signIn(await makeUser([{ role: 'unit_leader' }]));
	admin = signIn(await makeUser([{ role: 'admin' }]));
	const m = makeMission(leader.user.id);
	missionId = m.missionId;
	projectId = makeProject(leader.user.id, m.tracks).projectId;
});

/** A posted form on the benefit, with an optional evidence file. */
function post(who: Signed, id: number, form: Record<string, string>, file?: File) {
	const event = eventOn(who, '/gevinster', id, form) as { request: Request };
	if (file) {
		const body = new FormData();
		for (const [k, v] of Object.entries(form)) body.append(k, v);
		body.append('evidence', file);
		event.request = new Request(`http://localhost/gevinster/${id}`, { method: 'POST', body });
	}
	return event as never;
}

const plan = {
	baselineValue: '0',
	baselineDate: '2026-01-01',
	baselineMethod: 'Regnskap 2025',
	targetValue: '120 000',
	targetDate: '2026-12-31',
	version: '0'
};

/** A benefit with baseline, target, one planned month and one realisation, frozen. */
async function frozenBenefit(title: string) {
	const id = makeBenefit(projectId, { title }, leader.user.id);
	expect(await outcome(() => actions.plan!(post(leader, id, plan)))).toMatchObject({ kind: 'ok' });
	expect(
		await outcome(() =>
			actions.planPeriod!(post(leader, id, { period: '2026-06', value: '50000' }))
		)
	).toMatchObject({ kind: 'ok' });
	const r = logRealisation(
		id,
		{ period: '2026-12', value: 10_000, comment: '', evidence: '', supersedesId: null },
		leader.user.id,
		new Date()
	);
	if (!r.ok) throw new Error('setup');
	const freeze = await outcome(() =>
		actions.freezePlan!(
			post(
				leader,
				id,
				{
					baselineSource: 'Regnskapsrapport 2025',
					evidenceUrl: '',
					version: String(getBenefit(id)!.version)
				},
				new File([PDF], 'nullpunkt.pdf', { type: 'application/pdf' })
			)
		)
	);
	expect(freeze).toMatchObject({ kind: 'ok', data: { action: 'freezePlan' } });
	return id;
}

const request = (over: Record<string, string> = {}) => ({
	baselineValue: '0',
	baselineDate: '2026-01-01',
	baselineMethod: 'Regnskap 2025',
	baselineSource: 'Regnskapsrapport 2025',
	evidenceUrl: '',
	targetValue: '150000',
	targetDate: '2026-12-31',
	plan: '2026-06: 60000',
	reason: 'Flere familier enn antatt',
	...over
});

const waitingOf = (id: number) => listPlanVersions(id).find((v) => v.status === 'requested')!;
const planned = () =>
	gainSums({ missionId, projectId, trackId: null, level: null }).mission?.krPlanned ?? 0;

describe('freezing the plan', () => {
	it('writes version 1 with baseline, target, path, source and the sniffed evidence file', async () => {
		const id = await frozenBenefit('Frys');
		const [v1] = listPlanVersions(id);
		expect(v1).toMatchObject({
			number: 1,
			status: 'approved',
			basedOnId: null,
			targetValue: 120_000,
			baselineSource: 'Regnskapsrapport 2025',
			plan: [{ period: '2026-06', value: 50_000 }],
			evidenceFileName: 'nullpunkt.pdf',
			evidenceMediaType: 'application/pdf',
			requestedById: leader.user.id,
			decidedById: leader.user.id
		});
		expect(getBenefit(id)!.planFrozenAt).not.toBeNull();
		const res = evidenceGet(
			makeEvent({
				signed: viewer,
				path: `/gevinster/${id}/nullpunkt/${v1!.id}`,
				params: { id: String(id), versionId: String(v1!.id) }
			}) as never
		) as Response;
		expect(res.headers.get('content-disposition')).toContain('attachment');
		expect(new Uint8Array(await res.arrayBuffer())).toEqual(PDF);
		// The direct form is closed now: a change must be requested.
		const direct = await outcome(() =>
			actions.plan!(post(leader, id, { ...plan, version: String(getBenefit(id)!.version) }))
		);
		expect(direct).toMatchObject({ kind: 'fail', status: 400 });
		expect(getBenefit(id)!.targetValue).toBe(120_000);
	});

	it('refuses to freeze a plan that does not say where the nullpunkt comes from', async () => {
		const id = makeBenefit(projectId, { title: 'Uten kilde' }, leader.user.id);
		expect(await outcome(() => actions.plan!(post(leader, id, plan)))).toMatchObject({
			kind: 'ok'
		});
		const version = String(getBenefit(id)!.version);
		const refused = await outcome(() =>
			actions.freezePlan!(post(leader, id, { baselineSource: '  ', evidenceUrl: '', version }))
		);
		expect(refused).toMatchObject({
			kind: 'fail',
			status: 400,
			data: { errors: { baselineSource: expect.stringMatching(/^Skriv hvor nullpunktet/) } }
		});
		expect(getBenefit(id)!.planFrozenAt).toBeNull();
		expect(listPlanVersions(id)).toEqual([]);
	});
});

describe('a change request and its decision', () => {
	let id = 0;
	beforeAll(async () => {
		id = makeFrozenBenefit(
			projectId,
			{ title: 'Familien' },
			{
				actorId: leader.user.id,
				baseline: { value: 0, date: '2026-01-01', method: 'Regnskap 2025' },
				baselineSource: 'Regnskapsrapport 2025',
				periods: [{ period: '2026-06', value: 50_000 }]
			}
		);
		const r = logRealisation(
			id,
			{ period: '2026-12', value: 10_000, comment: '', evidence: '', supersedesId: null },
			leader.user.id,
			new Date()
		);
		if (!r.ok) throw new Error('setup');
	});

	it('requires a reason, and refuses a viewer and a unit leader', async () => {
		const noReason = await outcome(() =>
			actions.requestPlan!(post(leader, id, request({ reason: ' ' })))
		);
		expect(noReason).toMatchObject({
			kind: 'fail',
			status: 400,
			data: {
				errors: { reason: 'Skriv en begrunnelse for endringen' },
				values: { targetValue: '150000' }
			}
		});
		for (const who of [viewer, unitLeader]) {
			const r = await outcome(() => actions.requestPlan!(post(who, id, request())));
			expect(r).toMatchObject({ kind: 'error', status: 403 });
		}
		expect(waitingOf(id)).toBeUndefined();
	});

	it('keeps the approved plan in force, and the totals, until a steering member approves', async () => {
		const before = planned();
		const r = await outcome(() => actions.requestPlan!(post(leader, id, request())));
		expect(r).toMatchObject({ kind: 'ok', data: { action: 'requestPlan' } });
		const waiting = waitingOf(id);
		expect(waiting).toMatchObject({
			number: 2,
			reason: 'Flere familier enn antatt',
			targetValue: 150_000
		});
		expect(getBenefit(id)!.targetValue).toBe(120_000);
		expect(planned()).toBe(before);
		// The page shows old → new; steering members got a notice.
		const page = (await benefitLoad(eventOn(steering, '/gevinster', id))) as {
			planVersions: { waiting: { changes: { field: string; before: string; after: string }[] } };
		};
		expect(page.planVersions.waiting.changes.map((c) => c.field)).toEqual(['targetValue', 'plan']);
		const told = db
			.select()
			.from(notice)
			.where(
				and(
					eq(notice.userId, steering.user.id),
					eq(notice.key, `plan_request:${waiting.id}:${steering.user.id}`)
				)
			)
			.get();
		expect(told).toMatchObject({
			kind: 'plan_request',
			href: `/gevinster/${id}#versjoner`,
			body: 'Flere familier enn antatt',
			// Kept as data, read in each member's language; the reason is the person's own words.
			params: { reason: { kind: 'own', text: 'Flere familier enn antatt' } }
		});
		const list = (await approvalsLoad(
			makeEvent({ signed: steering, path: '/gevinster/godkjenning' }) as never
		)) as {
			requests: { benefitId: number }[];
		};
		expect(list.requests.some((q) => q.benefitId === id)).toBe(true);
		// A second request waits for the first.
		const second = await outcome(() =>
			actions.requestPlan!(post(leader, id, request({ targetValue: '1' })))
		);
		expect(second).toMatchObject({ kind: 'fail', status: 400 });

		// Who may not decide: the programme leader (not steering), a viewer.
		const decision = { requestId: String(waiting.id), decision: 'approve', note: '', version: '0' };
		for (const who of [leader, viewer]) {
			const d = await outcome(() => actions.decidePlan!(post(who, id, decision)));
			expect(d).toMatchObject({ kind: 'error', status: 403 });
		}
		const ok = await outcome(() =>
			actions.decidePlan!(post(steering, id, { ...decision, note: 'Godkjent i møte' }))
		);
		expect(ok).toMatchObject({
			kind: 'ok',
			data: { success: 'Endringen er godkjent og gjelder nå.' }
		});
		expect(getBenefit(id)!.targetValue).toBe(150_000);
		expect(listPlannedPeriods([id]).map((p) => [p.period, p.value])).toEqual([['2026-06', 60_000]]);
		expect(planned()).toBe(before + 30_000);
		expect(listPlanVersions(id).map((v) => [v.number, v.status])).toEqual([
			[2, 'approved'],
			[1, 'replaced']
		]);
		const audit = listAuditEntries({
			entity: 'benefit_plan_version',
			entityId: String(waiting.id)
		}).rows;
		expect(audit.map((a) => a.action).sort()).toEqual(['approve', 'request']);
		expect(audit.find((a) => a.action === 'approve')).toMatchObject({ actorId: steering.user.id });
		// A decided request cannot be decided again; sent again from the same page (its version
		// is the one before the decision) or by another member, the answer says who decided it.
		for (const [who, version] of [
			[steering, '0'],
			[steering2, '0'],
			[steering2, '1']
		] as const) {
			const again = await outcome(() =>
				actions.decidePlan!(post(who, id, { ...decision, version }))
			);
			expect(again).toMatchObject({ kind: 'fail', status: 409 });
			const message = (again as { data: { errors: { _form: string } } }).data.errors._form;
			expect(message).toMatch(
				new RegExp(
					`^Endringen er allerede godkjent av ${steering.user.name} \\d{2}\\.\\d{2}\\.\\d{4}.*\\. Siden viser nå hvordan planen står\\.$`
				)
			);
		}
		expect(listPlanVersions(id).map((v) => [v.number, v.status])).toEqual([
			[2, 'approved'],
			[1, 'replaced']
		]);
	});

	it('lets nobody approve their own request, an admin neither; a rejection keeps the plan', async () => {
		const r = await outcome(() =>
			actions.requestPlan!(post(admin, id, request({ targetValue: '999999' })))
		);
		expect(r).toMatchObject({ kind: 'ok' });
		const waiting = waitingOf(id);
		const own = await outcome(() =>
			actions.decidePlan!(
				post(admin, id, { requestId: String(waiting.id), decision: 'approve', version: '0' })
			)
		);
		expect(own).toMatchObject({
			kind: 'fail',
			status: 400,
			data: {
				errors: {
					_form: 'Du kan ikke godkjenne din egen endringsforespørsel; en annen må godkjenne den.'
				}
			}
		});
		const no = await outcome(() =>
			actions.decidePlan!(
				post(steering, id, {
					requestId: String(waiting.id),
					decision: 'reject',
					note: 'Ikke begrunnet nok',
					version: '0'
				})
			)
		);
		expect(no).toMatchObject({
			kind: 'ok',
			data: { success: 'Endringen er avvist. Gjeldende plan står.' }
		});
		expect(getBenefit(id)!.targetValue).toBe(150_000);
		expect(listPlanVersions(id)[0]).toMatchObject({
			status: 'rejected',
			decisionNote: 'Ikke begrunnet nok'
		});
	});

	it('refuses to approve a request made against a plan that has since been replaced', async () => {
		await outcome(() => actions.requestPlan!(post(leader, id, request({ targetValue: '170000' }))));
		const waiting = waitingOf(id);
		// Another approval in between (as a re-freeze or a data fix would make): the request is stale.
		db.update(benefitPlanVersion)
			.set({ basedOnId: listPlanVersions(id).at(-1)!.id })
			.where(eq(benefitPlanVersion.id, waiting.id))
			.run();
		const stale = await outcome(() =>
			actions.decidePlan!(
				post(steering, id, { requestId: String(waiting.id), decision: 'approve', version: '0' })
			)
		);
		expect(stale).toMatchObject({ kind: 'fail', status: 400 });
		expect(getBenefit(id)!.targetValue).toBe(150_000);
		const lost = await outcome(() =>
			actions.decidePlan!(
				post(steering, id, { requestId: String(waiting.id), decision: 'reject', version: '7' })
			)
		);
		expect(lost).toMatchObject({ kind: 'fail', status: 409 });
	});
});
