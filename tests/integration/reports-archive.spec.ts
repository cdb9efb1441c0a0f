/**
 * The gevinstrealiseringsplan as a PDF and the report archive (/rapporter): the plan's sections
 * and totals read back with pdftotext, a plan for a project without benefits that says so, who
 * may download, freeze, see and approve (per role), the frozen file byte-identical after the
 * data changes, and the audit rows of freezing and approving.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { GET as planGet } from '../../src/routes/(app)/gevinster/prosjekt/[id=id]/gevinstrealiseringsplan/+server';
import {
	actions as archiveActions,
	load as archiveLoad
} from '../../src/routes/(app)/rapporter/+page.server';
import {
	actions as reportActions,
	load as reportLoad
} from '../../src/routes/(app)/rapporter/[id=id]/+page.server';
import { GET as fileGet } from '../../src/routes/(app)/rapporter/[id=id]/fil/+server';
import { makeEvent, makeUnit, makeUser, outcome, signIn, type Signed } from '../factories';
import { logGain, makeBenefit, makeMission, makeProject, planBenefit } from '../factories/benefits';
import { makeRisk } from '../factories/portfolio';
import { addEstimateLine, logFollowUp } from '$lib/server/db/queries/benefits-gains';
import { createChange } from '$lib/server/db/queries/benefits';
import { createLink } from '$lib/server/db/queries/benefits-links';
import { freezeReport, getReport, getReportFile, sha256Hex } from '$lib/server/db/queries/reports';
import { listAuditEntries } from '$lib/server/db/queries/audit';
import { getProjectById } from '$lib/server/db/queries/projects';
import { editProject } from '../factories/portfolio';
import { gainPlanPdf } from '$lib/server/benefits/views/plan-report';
import { pdfInfo, pdfText } from '$lib/server/reports/pdf-text';
import { formatKroner } from '$lib/format';
import type { NodeKind } from '$lib/domain/benefits/vocabulary';

const NOW = new Date('2026-11-25T12:00:00Z');
const LATER = new Date('2026-11-30T12:00:00Z');
const PEOPLE = [
	'admin',
	'steering',
	'steering2',
	'owner',
	'other_leader',
	'unit_leader',
	'viewer'
] as const;
type Person = (typeof PEOPLE)[number];
const who = {} as Record<Person, Signed>;
let projectId = 0;
let emptyProjectId = 0;
let goals: number[] = [];

beforeAll(async () => {
	who.admin = signIn(await makeUser([{ role: 'admin' }]));
	who.steering = signIn(await makeUser([{ role: 'steering' }]));
	who.steering2 = signIn(await makeUser([{ role: 'steering' }]));
	who.owner = signIn(await makeUser([{ role: 'programme_leader' }]));
	who.other_leader = signIn(await makeUser([{ role: 'programme_leader' }]));
	who.unit_leader = signIn(await makeUser([{ role: 'unit_leader', unitId: makeUnit() }]));
	who.viewer = signIn(await makeUser([{ role: 'viewer' }]));
	const owner = who.owner.user.id;
	const m = makeMission(owner);
	goals = m.goals;
	const p = makeProject(owner, [m.tracks[0]!], 2);
	projectId = p.projectId;
	emptyProjectId = makeProject(owner, [m.tracks[1]!]).projectId;
	const porto = makeBenefit(
		projectId,
		{ title: 'Spart porto', unit: 'kr', ownerId: owner, takeout: 'budsjettkutt' },
		owner
	);
	const tid = makeBenefit(
		projectId,
		{ title: 'Spart saksbehandlingstid', unit: 'timer', takeout: 'frigjort_tid' },
		owner
	);
	makeBenefit(
		projectId,
		{
			title: 'Tryggere overgang',
			kind: 'kvalitativ',
			unit: undefined,
			qualityDimensions: ['trygge_og_sikre'],
			takeout: 'kvalitet'
		},
		owner
	);
	planBenefit(porto, { baseline: 0, target: 120_000, method: 'Telling i arkivet' }, owner, NOW);
	addEstimateLine(
		porto,
		{ description: 'Brev', amountPerCase: 1_000, cases: 100, sharePercent: 100 },
		owner,
		NOW
	);
	addEstimateLine(
		tid,
		{ description: 'Saker', amountPerCase: 2, cases: 300, sharePercent: 50 },
		owner,
		NOW
	);
	for (const [period, value] of [
		['2026-03', 5_000],
		['2026-06', 10_000]
	] as const) {
		logGain(porto, period, value, owner, NOW);
	}
	logFollowUp(
		porto,
		{ period: '2026-06', cause: 'Sen oppstart', correctiveMeasure: 'Flere brev digitalt' },
		owner,
		NOW
	);
	makeRisk({ projectId }, owner);
	makeRisk({ measureId: p.measureIds[0]! }, owner);
	const change = createChange(projectId, { title: 'Digital post', description: '' }, owner, NOW);
	if (!change.ok) throw new Error(change.reason);
	const link = (fromKind: NodeKind, fromId: number, toKind: NodeKind, toId: number) => {
		const r = createLink(projectId, { fromKind, fromId, toKind, toId }, owner, NOW);
		if (!r.ok) throw new Error(r.reason);
	};
	link('measure', p.measureIds[0]!, 'change', change.value);
	link('change', change.value, 'benefit', porto);
	link('benefit', porto, 'goal', goals[2]!);
});

const signedIn = (p: Person | 'signed_out') => (p === 'signed_out' ? null : who[p]);
const planEvent = (s: Signed | null, id = projectId) =>
	makeEvent({
		signed: s,
		path: `/gevinster/prosjekt/${id}/gevinstrealiseringsplan`,
		params: { id: String(id) },
		now: NOW
	}) as never;

describe('the gevinstrealiseringsplan', () => {
	it('has the sections of the template, the totals and a sensible page count', async () => {
		const plan = await gainPlanPdf(getProjectById(projectId)!, NOW);
		const text = pdfText(plan.content).replace(/\u00a0|\u202f/g, ' ');
		const kr = (n: number) => formatKroner(n).replace(/\u00a0|\u202f/g, ' ');
		for (const heading of [
			'Om prosjektet',
			'Gevinstansvarlig',
			'Gevinstene',
			'Prissatte og ikke-prissatte virkninger',
			'Budsjettmessig virkning og alternativ anvendelse',
			'Tiltak og risiko',
			'Oppfølging mot nullpunkt',
			'Gevinstkart'
		]) {
			expect(text).toContain(heading);
		}
		// Estimates: 100 000 kr, and 2 h × 300 × 50 % = 300 h × 700 kr = 210 000 kr; sum 310 000 kr.
		expect(text).toMatch(new RegExp(`Sum\\s+${kr(310_000)}`));
		expect(text).toContain(kr(100_000));
		expect(text).toMatch(new RegExp(`over nullpunkt\\)\\s+${kr(15_000)}`));
		expect(text).toContain(who.owner.user.name);
		expect(text).toContain('ikke registrert');
		expect(text).toContain('Sen oppstart');
		expect(text).toContain('Digital post');
		expect(text).toContain('Planlagt og realisert: Spart porto');
		// The map drawn as a figure, its bands and nodes as text in the PDF.
		expect(text).toMatch(/Figur \d+: Gevinstkart for /);
		expect(text).toMatch(/Tiltak[\s\S]*Endring[\s\S]*Gevinst[\s\S]*Effektmål/);
		const pages = Number(pdfInfo(plan.content).Pages);
		expect(pages).toBeGreaterThanOrEqual(3);
		expect(pages).toBeLessThanOrEqual(12);
		expect(plan.fileName).toBe(
			'gevinstrealiseringsplan-prosjekt-' + plan.fileName.split('-prosjekt-')[1]
		);
	});

	it('says so for a project without benefits instead of failing', async () => {
		const plan = await gainPlanPdf(getProjectById(emptyProjectId)!, NOW);
		const text = pdfText(plan.content);
		expect(text).toContain('Prosjektet har ingen registrerte gevinster ennå.');
		expect(text).toContain('Gevinstkartet har ingen koblinger ennå.');
	});

	for (const person of [...PEOPLE, 'signed_out'] as const) {
		it(`download: ${person} ${person === 'signed_out' ? 'is sent to log in' : 'gets the PDF'}`, async () => {
			const r = await outcome(() => planGet(planEvent(signedIn(person))));
			if (person === 'signed_out') {
				expect(r).toMatchObject({ kind: 'redirect', status: 303 });
				return;
			}
			const res = (r as { data: Response }).data;
			expect(res.headers.get('content-type')).toBe('application/pdf');
			expect(res.headers.get('content-disposition')).toMatch(
				/^attachment; filename="gevinstrealiseringsplan-/
			);
		});
	}

	it('an unknown project is 404', async () => {
		expect(await outcome(() => planGet(planEvent(who.viewer, 999_999)))).toMatchObject({
			kind: 'error',
			status: 404
		});
	});
});

const freezeForm = (kind: string, extra: Record<string, string> = {}) => ({
	kind,
	periodFrom: '2026-09-01',
	periodTo: '2026-12-31',
	meetingDate: '2026-11-26',
	...extra
});
const freezeAs = (s: Signed | null, form: Record<string, string>, now = NOW) =>
	archiveActions.freeze!(makeEvent({ signed: s, path: '/rapporter?/freeze', form, now }) as never);
const frozenId = (r: unknown) => (r as { id: number }).id;

describe('freezing, per role', () => {
	const PLAN_FREEZERS: readonly Person[] = ['admin', 'steering', 'steering2', 'owner'];
	const REGISTER_FREEZERS: readonly Person[] = ['admin', 'steering', 'steering2'];
	for (const person of PEOPLE) {
		const may = PLAN_FREEZERS.includes(person);
		it(`the project's plan: ${person} ${may ? 'may' : 'may not'}`, async () => {
			const r = await outcome(() =>
				freezeAs(
					who[person],
					freezeForm('gevinstrealiseringsplan', { prosjekt: String(projectId) })
				)
			);
			if (may) expect(r).toMatchObject({ kind: 'ok', data: { action: 'freeze' } });
			else expect(r).toMatchObject({ kind: 'error', status: 403 });
		});
	}
	for (const person of ['admin', 'steering2', 'owner', 'unit_leader', 'viewer'] as const) {
		const may = REGISTER_FREEZERS.includes(person);
		it(`the benefits register: ${person} ${may ? 'may' : 'may not'}`, async () => {
			const r = await outcome(() => freezeAs(who[person], freezeForm('regneark')));
			if (may) expect(r).toMatchObject({ kind: 'ok', data: { action: 'freeze' } });
			else expect(r).toMatchObject({ kind: 'error', status: 403 });
		});
	}
	it('signed out: sent to log in', async () => {
		expect(await outcome(() => freezeAs(null, freezeForm('regneark')))).toMatchObject({
			kind: 'redirect'
		});
	});
	it('bad input comes back with the values and a message per field', async () => {
		const r = await outcome(() =>
			freezeAs(
				who.steering,
				freezeForm('regneark', { periodTo: '2026-01-01', meetingDate: '26.11' })
			)
		);
		expect(r).toMatchObject({
			kind: 'fail',
			status: 400,
			data: { errors: { periodTo: expect.any(String), meetingDate: expect.any(String) } }
		});
	});
	it('a plan for an unknown project is 404', async () => {
		const r = await outcome(() =>
			freezeAs(who.steering, freezeForm('gevinstrealiseringsplan', { prosjekt: '999999' }))
		);
		expect(r).toMatchObject({ kind: 'error', status: 404 });
	});
});

describe('a frozen report', () => {
	let id = 0;
	beforeAll(async () => {
		id = frozenId(
			await freezeAs(
				who.owner,
				freezeForm('gevinstrealiseringsplan', { prosjekt: String(projectId) })
			)
		);
	});

	it('downloads byte for byte as issued, after the data has changed', async () => {
		const issued = getReportFile(id)!.content;
		expect(pdfText(issued)).toContain('Frosset som utstedt til møtet 26. november 2026');
		// The period it was frozen for, as the archive lists it.
		expect(pdfText(issued)).toContain('1. september 2026 – 31. desember 2026');
		const title = 'Digital post for alle';
		const changed = editProject(projectId, { title }, who.owner.user.id, LATER);
		expect(changed.ok).toBe(true);
		const res = await fileGet(
			makeEvent({
				signed: who.viewer,
				path: `/rapporter/${id}/fil`,
				params: { id: String(id) }
			}) as never
		);
		const bytes = new Uint8Array(await res.arrayBuffer());
		expect(Buffer.compare(Buffer.from(bytes), Buffer.from(issued))).toBe(0);
		expect(res.headers.get('etag')).toBe(`"${sha256Hex(bytes)}"`);
		expect(pdfText(bytes)).not.toContain('Digital post for alle');
		const fresh = await gainPlanPdf(getProjectById(projectId)!, LATER);
		expect(pdfText(fresh.content)).toContain('Digital post for alle');
	});

	it('is listed for every signed-in user; a Styringsrapport only for the steering group', async () => {
		const steeringReport = freezeReport(
			{
				kind: 'styringsrapport',
				title: 'Styringsrapport tertial 3',
				period: { from: '2026-09-01', to: '2026-12-31' },
				mediaType: 'application/pdf',
				fileName: 'styringsrapport.pdf',
				content: new Uint8Array([37, 80, 68, 70])
			},
			who.steering.user.id,
			NOW
		);
		if (!steeringReport.ok) throw new Error(steeringReport.reason);
		const sid = steeringReport.value;
		const titles = async (s: Signed) =>
			(
				(await archiveLoad(makeEvent({ signed: s, path: '/rapporter', now: NOW }) as never)) as {
					reports: { id: number }[];
				}
			).reports.map((r) => r.id);
		expect(await titles(who.viewer)).toContain(id);
		expect(await titles(who.viewer)).not.toContain(sid);
		expect(await titles(who.steering)).toContain(sid);
		const asViewer = makeEvent({
			signed: who.viewer,
			path: `/rapporter/${sid}/fil`,
			params: { id: String(sid) }
		}) as never;
		expect(await outcome(() => fileGet(asViewer))).toMatchObject({ kind: 'error', status: 404 });
		const asSteering = makeEvent({
			signed: who.steering2,
			path: `/rapporter/${sid}/fil`,
			params: { id: String(sid) }
		}) as never;
		expect(((await fileGet(asSteering)) as Response).status).toBe(200);
		expect(
			await outcome(() => archiveLoad(makeEvent({ path: '/rapporter' }) as never))
		).toMatchObject({ kind: 'redirect' });
	});

	const approveAs = (s: Signed | null, version = getReport(id)!.version) =>
		reportActions.approve!(
			makeEvent({
				signed: s,
				path: `/rapporter/${id}?/approve`,
				params: { id: String(id) },
				form: { version: String(version) },
				now: LATER
			}) as never
		);

	it('is approved by a steering member who did not freeze it, once, with an audit row', async () => {
		for (const person of ['viewer', 'unit_leader', 'other_leader', 'owner'] as const) {
			expect(await outcome(() => approveAs(who[person])), person).toMatchObject({
				kind: 'error',
				status: 403
			});
		}
		expect(getReport(id)!.status).toBe('draft');
		const page = (await reportLoad(
			makeEvent({
				signed: who.steering,
				path: `/rapporter/${id}`,
				params: { id: String(id) }
			}) as never
		)) as { canApprove: boolean };
		expect(page.canApprove).toBe(true);
		expect(await outcome(() => approveAs(who.steering))).toMatchObject({
			kind: 'ok',
			data: { action: 'approve' }
		});
		const r = getReport(id)!;
		expect(r.status).toBe('approved');
		expect(r.approvedById).toBe(who.steering.user.id);
		expect(await outcome(() => approveAs(who.steering2))).toMatchObject({
			kind: 'fail',
			status: 400
		});
		const audit = listAuditEntries({ entity: 'report', entityId: String(id) }).rows;
		expect(audit.map((a) => a.action).sort()).toEqual(['approve', 'freeze']);
	});

	it('the one who froze it may not approve it, even as steering member', async () => {
		const sid = frozenId(await freezeAs(who.steering, freezeForm('regneark')));
		const r = await outcome(() =>
			reportActions.approve!(
				makeEvent({
					signed: who.steering,
					path: `/rapporter/${sid}?/approve`,
					params: { id: String(sid) },
					form: { version: '0' }
				}) as never
			)
		);
		expect(r).toMatchObject({ kind: 'error', status: 403 });
		expect(getReport(sid)!.kind).toBe('regneark');
		expect(getReport(sid)!.mediaType).toMatch(/spreadsheetml/);
	});
});
