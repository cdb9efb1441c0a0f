import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import {
	actions,
	load as benefitLoad
} from '../../src/routes/(app)/gevinster/[id=id]/+page.server';
import { actions as measureActions } from '../../src/routes/(app)/portefolje/tiltak/[id=id]/+page.server';
import { makeEvent, makeUser, outcome, signIn, type Signed } from '../factories';
import { makeBenefit, makeFrozenBenefit, makeMission, makeProject } from '../factories/benefits';
import { makeMeasure } from '../factories/portfolio';
import { listAuditEntries } from '$lib/server/db/queries/audit';
import { getBenefit } from '$lib/server/db/queries/benefits';
import { listPlannedPeriods, logRealisation } from '$lib/server/db/queries/benefits-gains';
import { listPlanVersions } from '$lib/server/db/queries/benefits-plan-reads';
import { getMeasureById } from '$lib/server/db/queries/measures';
import { db } from '$lib/server/db';
import { notice } from '$lib/server/db/schema';

let leader: Signed;
let owner: Signed;
let steering: Signed;
let projectId = 0;
let tracks: number[] = [];
const NOW = new Date('2026-06-15T10:00:00Z');

beforeAll(async () => {
	leader = signIn(await makeUser([{ role: 'programme_leader' }]));
	owner = signIn(await makeUser([]));
	steering = signIn(await makeUser([{ role: 'steering' }]));
	tracks = makeMission(leader.user.id).tracks;
	projectId = makeProject(leader.user.id, tracks, 0).projectId;
});

const onBenefit = (who: Signed, id: number, form?: Record<string, string>) =>
	makeEvent({
		signed: who,
		path: `/gevinster/${id}`,
		params: { id: String(id) },
		form,
		now: NOW
	}) as never;
/** A steering member's decision on a waiting plan request, sent as the benefit page sends it. */
const decide = (id: number, v: { id: number; version: number }, decision: string) =>
	outcome(() =>
		actions.decidePlan!(
			onBenefit(steering, id, {
				requestId: String(v.id),
				decision,
				note: '',
				version: String(v.version)
			})
		)
	);
/**
 * The programme leader's request for a higher target on the frozen plan (2026-01-01 baseline 0
 * from the accounts, target at the end of 2026), sent as the benefit page sends it.
 */
const requestHigherTarget = (id: number, targetValue: string, plan: string) =>
	outcome(() =>
		actions.requestPlan!(
			onBenefit(leader, id, {
				baselineValue: '0',
				baselineDate: '2026-01-01',
				baselineMethod: 'Regnskap',
				baselineSource: 'Regnskapsrapport',
				evidenceUrl: '',
				targetValue,
				targetDate: '2026-12-31',
				plan,
				reason: 'Høyere mål'
			})
		)
	);
/** A frozen plan of the owner's: 100 000 kr in November 2026 and 300 000 kr in December. */
const frozenForNovember = (title: string) =>
	makeFrozenBenefit(
		projectId,
		{ title, ownerId: owner.user.id },
		{
			actorId: leader.user.id,
			target: { value: 300_000, date: '2026-12-31' },
			periods: [
				{ period: '2026-11', value: 100_000 },
				{ period: '2026-12', value: 300_000 }
			]
		}
	);
const onMeasure = (id: number, form: Record<string, string>) =>
	makeEvent({
		signed: leader,
		path: `/portefolje/tiltak/${id}`,
		params: { id: String(id) },
		form,
		now: NOW
	}) as never;

/** Saves the measure's dates through its edit form, as the programme leader would. */
async function measureDates(id: number, startDate: string, endDate: string) {
	const m = getMeasureById(id)!;
	const form = {
		projectId: String(m.projectId),
		title: m.title,
		description: '',
		ownerId: String(m.ownerId),
		startDate,
		endDate,
		version: String(m.version)
	};
	expect(await outcome(() => measureActions.update!(onMeasure(id, form)))).toMatchObject({
		kind: 'ok'
	});
}

async function status(id: number, to: string) {
	expect(
		await outcome(() => measureActions.status!(onMeasure(id, { to, reason: '' })))
	).toMatchObject({ kind: 'ok' });
}

/** A benefit owned by `owner`, planned 2026-11 and 2026-12, waiting for the measure. */
async function benefitWaitingFor(measureId: number, wanted: string) {
	const id = makeBenefit(
		projectId,
		{ title: `Venter ${measureId}`, ownerId: owner.user.id },
		leader.user.id
	);
	const plan = {
		baselineValue: '0',
		baselineDate: '2026-01-01',
		baselineMethod: 'Regnskap',
		targetValue: '300000',
		targetDate: '2026-12-31',
		version: String(getBenefit(id)!.version)
	};
	expect(await outcome(() => actions.plan!(onBenefit(leader, id, plan)))).toMatchObject({
		kind: 'ok'
	});
	for (const [period, value] of [
		['2026-11', '100000'],
		['2026-12', '300000']
	] as const) {
		expect(
			await outcome(() => actions.planPeriod!(onBenefit(leader, id, { period, value })))
		).toMatchObject({ kind: 'ok' });
	}
	await tieTo(id, measureId, wanted);
	return id;
}

/** Ties the benefit's start to the measure reaching `wanted`, by the timing form. */
async function tieTo(id: number, measureId: number, wanted: string) {
	const tie = {
		startMeasureId: String(measureId),
		startMeasureStatus: wanted,
		version: String(getBenefit(id)!.version)
	};
	expect(await outcome(() => actions.timing!(onBenefit(leader, id, tie)))).toMatchObject({
		kind: 'ok',
		data: { action: 'timing' }
	});
}

const noticesOf = (userId: number, benefitId: number) =>
	db
		.select()
		.from(notice)
		.where(and(eq(notice.userId, userId), eq(notice.kind, 'plan_shifted')))
		.all()
		.filter((n) => n.href === `/gevinster/${benefitId}#tidspunkt`);
const periods = (id: number) => listPlannedPeriods([id]).map((p) => p.period);

describe('tying the start to a measure', () => {
	it('says so in words, and refuses a half-filled form or another project’s measure', async () => {
		const [measureId] = makeProject(leader.user.id, tracks, 1).measureIds;
		const id = makeBenefit(projectId, { title: 'Uten tiltak' }, leader.user.id);
		const version = String(getBenefit(id)!.version);
		expect(
			await outcome(() =>
				actions.timing!(
					onBenefit(leader, id, { startMeasureId: '', startMeasureStatus: 'completed', version })
				)
			)
		).toMatchObject({
			kind: 'fail',
			status: 400,
			data: {
				errors: { startMeasureId: 'Velg tiltaket, eller fjern statusen' },
				values: { startMeasureStatus: 'completed' }
			}
		});
		expect(
			await outcome(() =>
				actions.timing!(
					onBenefit(leader, id, {
						startMeasureId: String(measureId),
						startMeasureStatus: 'completed',
						version
					})
				)
			)
		).toMatchObject({
			kind: 'fail',
			status: 400,
			data: { errors: { startMeasureId: 'Velg et av prosjektets tiltak fra listen' } }
		});
		expect(getBenefit(id)!.startMeasureId).toBeNull();
		// Only the map's editors tie it.
		expect(
			await outcome(() =>
				actions.timing!(
					onBenefit(owner, id, { startMeasureId: '', startMeasureStatus: '', version })
				)
			)
		).toMatchObject({ kind: 'error', status: 403 });
	});
});

describe('the measure slips', () => {
	it('an unfrozen plan moves at once, with an audit row and a notice to owner and leader', async () => {
		const measureId = makeMeasure(projectId, leader.user.id);
		await measureDates(measureId, '2026-09-01', '2026-10-20');
		const id = await benefitWaitingFor(measureId, 'completed');
		const page = (await benefitLoad(onBenefit(owner, id))) as {
			timing: { tied: { sentence: string; reached: boolean } };
		};
		expect(page.timing.tied.sentence).toMatch(/når tiltaket «.+» når status «Avsluttet»/);
		expect(page.timing.tied.reached).toBe(false);

		// Finishing earlier, or a change within the month: nothing moves.
		await measureDates(measureId, '2026-09-01', '2026-10-31');
		await measureDates(measureId, '2026-08-01', '2026-08-31');
		expect(periods(id)).toEqual(['2026-11', '2026-12']);
		expect(noticesOf(owner.user.id, id)).toHaveLength(0);

		// From August to January: five months later, across the year end.
		await measureDates(measureId, '2026-09-01', '2027-01-10');
		expect(periods(id)).toEqual(['2027-04', '2027-05']);
		expect(getBenefit(id)!.targetDate).toBe('2027-05-31');
		const [audit] = listAuditEntries({
			entity: 'benefit',
			entityId: String(id),
			action: 'plan_shift'
		}).rows;
		expect(audit).toMatchObject({ actorId: leader.user.id });
		expect(audit!.after).toMatchObject({
			months: 5,
			expectedFrom: '2026-08',
			expectedTo: '2027-01'
		});
		for (const who of [owner, leader]) {
			const [n] = noticesOf(who.user.id, id);
			expect(n).toMatchObject({ title: expect.stringContaining('Gevinstplanen er flyttet') });
			expect(n!.body).toContain('forsinket fra august 2026 til januar 2027');
			expect(n!.params).toMatchObject({
				outcome: 'moved',
				reason: { kind: 'slip', months: 5, from: '2026-08', to: '2027-01', frozen: false }
			});
		}
		// The page says what moved and why the nullpunkt did not.
		const after = (await benefitLoad(onBenefit(owner, id))) as {
			timing: { shift: string | null; baselineStays: string; waiting: unknown };
		};
		expect(after.timing.shift).toMatch(
			/^Planen ble flyttet 5 måneder senere .+, fordi tiltaket ble forsinket fra august 2026 til januar 2027\.$/
		);
		expect(after.timing.baselineStays).toMatch(/^Nullpunktet står fast/);
		expect(after.timing.waiting).toBeNull();
		expect(getBenefit(id)!.baselineDate).toBe('2026-01-01');
	});

	it('a frozen plan is not changed: a request waits for the steering group, and the owner is told', async () => {
		const measureId = makeMeasure(projectId, leader.user.id);
		await measureDates(measureId, '2026-03-01', '2026-12-01');
		await status(measureId, 'recommended');
		const id = frozenForNovember(`Venter ${measureId}`);
		await tieTo(id, measureId, 'recommended');

		// Sent back to «Forslag» in June, three months after it was due: the plan would move three.
		await status(measureId, 'proposed');
		expect(periods(id)).toEqual(['2026-11', '2026-12']);
		const waiting = listPlanVersions(id).find((v) => v.status === 'requested')!;
		expect(waiting.reason).toContain('forsinket fra mars 2026 til juni 2026');
		expect(waiting.plan.map((p) => p.period)).toEqual(['2027-02', '2027-03']);
		expect(waiting.targetDate).toBe('2027-03-31');
		expect(
			listAuditEntries({
				entity: 'benefit_plan_version',
				entityId: String(waiting.id),
				action: 'request'
			}).rows
		).toHaveLength(1);
		const [n] = noticesOf(owner.user.id, id);
		expect(n!.body).toContain('styringsgruppen avgjør');
		type TimingPage = {
			timing: {
				waiting: { sentence: string; reason: string; timingOnly: boolean; delays: string[] } | null;
				baselineStays: string;
			};
		};
		const before = ((await benefitLoad(onBenefit(steering, id))) as TimingPage).timing;
		expect(before.waiting).toMatchObject({
			sentence: expect.stringMatching(/^En endringsforespørsel venter på styringsgruppen: versjon/),
			reason: waiting.reason,
			timingOnly: true,
			delays: []
		});

		// It slips again while the request waits: no second request; the delay is added to the
		// waiting one, and the notice says so. The plan already counts on June (the status went
		// back then), so the new date in September is three months more, not six from March.
		await measureDates(measureId, '2026-09-01', '2026-12-01');
		expect(listPlanVersions(id).filter((v) => v.status === 'requested')).toHaveLength(1);
		const later = noticesOf(owner.user.id, id).find((x) => x.body.includes('venter allerede'));
		expect(later!.title).toMatch(/^Gevinstplanen bør flyttes/);
		expect(later!.body).toContain('forsinket fra juni 2026 til september 2026; planen bør flyttes');
		expect(later!.body).toContain(`versjon ${waiting.number}) venter allerede`);
		expect(later!.body).toContain('flyttes planen i tillegg 3 måneder senere');
		expect(later!.params).toMatchObject({ outcome: 'added', waiting: waiting.number });
		expect(later!.body).not.toMatch(/er flyttet|for lite/);
		const stale = ((await benefitLoad(onBenefit(steering, id))) as TimingPage).timing;
		expect(stale.waiting!.delays).toEqual([
			expect.stringMatching(/: forsinket fra juni 2026 til september 2026 \(3 måneder\)$/)
		]);
		expect(stale.baselineStays).toMatch(/^Nullpunktet står fast/);

		// A steering member approves it: now the plan moves, by the request and the later delay
		// (each delay counts once, as on an unapproved plan).
		expect(await decide(id, waiting, 'approve')).toMatchObject({ kind: 'ok' });
		expect(periods(id)).toEqual(['2027-05', '2027-06']);
		expect(getBenefit(id)!.targetDate).toBe('2027-06-30');
		const inForce = listPlanVersions(id).find((v) => v.status === 'approved')!;
		expect(inForce.plan.map((p) => p.period)).toEqual(['2027-05', '2027-06']);
	});

	/** A frozen benefit waiting for a measure, with a target-only request from its leader. */
	async function targetRequestWaiting(measureId: number) {
		await measureDates(measureId, '2026-03-01', '2026-12-01');
		const id = frozenForNovember(`Mål ${measureId}`);
		await tieTo(id, measureId, 'adopted');
		expect(
			await requestHigherTarget(id, '400000', '2026-11: 100000\n2026-12: 300000')
		).toMatchObject({ kind: 'ok' });
		// The measure's start slips two months while the target-only request waits.
		await measureDates(measureId, '2026-05-01', '2026-12-01');
		const n = noticesOf(owner.user.id, id).find((x) => x.body.includes('venter allerede'))!;
		expect(n.title).toMatch(/^Gevinstplanen bør flyttes/);
		expect(n.body).toContain('planen bør flyttes 2 måneder senere');
		expect(n.body).toContain('flyttes planen i tillegg 2 måneder senere');
		expect(n.body).not.toMatch(/er flyttet|for lite/);
		expect(periods(id)).toEqual(['2026-11', '2026-12']);
		return { id, waiting: listPlanVersions(id).find((v) => v.status === 'requested')! };
	}

	it('a delay while a target-only request waits survives its approval', async () => {
		const { id, waiting } = await targetRequestWaiting(makeMeasure(projectId, leader.user.id));
		const page = (await benefitLoad(onBenefit(steering, id))) as {
			timing: { waiting: { timingOnly: boolean; delays: string[] } };
		};
		expect(page.timing.waiting).toMatchObject({
			timingOnly: false,
			delays: [expect.stringMatching(/forsinket fra mars 2026 til mai 2026 \(2 måneder\)$/)]
		});
		expect(await decide(id, waiting, 'approve')).toMatchObject({ kind: 'ok' });
		// The new target, on the plan moved two months: the request changed only the target.
		expect(getBenefit(id)).toMatchObject({ targetValue: 400_000, targetDate: '2027-02-28' });
		expect(periods(id)).toEqual(['2027-01', '2027-02']);
		expect(listPlanVersions(id).filter((v) => v.status === 'requested')).toEqual([]);
	});

	it('a delay while a request waits becomes its own request when that one is rejected', async () => {
		const { id, waiting } = await targetRequestWaiting(makeMeasure(projectId, leader.user.id));
		expect(await decide(id, waiting, 'reject')).toMatchObject({ kind: 'ok' });
		expect(getBenefit(id)).toMatchObject({ targetValue: 300_000, targetDate: '2026-12-31' });
		const next = listPlanVersions(id).find((v) => v.status === 'requested')!;
		expect(next).toMatchObject({ targetValue: 300_000, targetDate: '2027-02-28' });
		expect(next.plan.map((p) => p.period)).toEqual(['2027-01', '2027-02']);
		expect(next.reason).toContain('planen bør flyttes 2 måneder senere');
		expect(await decide(id, next, 'approve')).toMatchObject({ kind: 'ok' });
		expect(periods(id)).toEqual(['2027-01', '2027-02']);
	});
});

/**
 * A plan with no planned months is «Rett linje fra nullpunkt til mål»: 0 kr on 1 January 2026
 * to 110 000 kr by 31 December 2026, 10 000 kr a month from February. A three-month slip moves
 * that line three months later; the nullpunkt stays where it is.
 */
describe('a straight-line plan moves with the measure, not stretched', () => {
	type LinePage = {
		series: { period: string; planned: number }[];
		status: { planned: number; realised: number; behind: boolean } | null;
		governance: { health: { sentence: string } | null };
		planVersions: {
			waiting: { requestedBy: string | null } | null;
			versions: { number: number; requestedBy: string | null }[];
		};
	};
	const page = async (id: number) => (await benefitLoad(onBenefit(owner, id))) as LinePage;
	const plannedIn = (p: LinePage, period: string) =>
		p.series.find((r) => r.period === period)?.planned;

	/** What the owner sees once the moved line is in force, and a month logged on it. */
	async function movedLineInForce(id: number) {
		expect(getBenefit(id)).toMatchObject({ baselineDate: '2026-01-01', targetDate: '2027-03-31' });
		const before = await page(id);
		// No gain is planned until the moved start; then the old line, three months later.
		expect(['2026-02', '2026-03', '2026-04'].map((m) => plannedIn(before, m))).toEqual([0, 0, 0]);
		expect(plannedIn(before, '2026-05')).toBe(10_000);
		// The old target month holds what the line held three months before its end, not the target.
		expect(plannedIn(before, '2026-12')).toBe(80_000);
		expect(plannedIn(before, '2027-03')).toBe(110_000);

		// A month realised as the moved plan says reads as on plan, neither over nor under.
		const logged = logRealisation(
			id,
			{ period: '2026-05', value: 10_000, comment: '', evidence: '', supersedesId: null },
			owner.user.id,
			NOW
		);
		expect(logged).toMatchObject({ ok: true });
		const after = await page(id);
		expect(after.status).toMatchObject({ planned: 10_000, realised: 10_000, behind: false });
		expect(after.governance.health?.sentence).not.toMatch(/over plan|under plan/);
	}

	/** The line frozen, its benefit tied to a measure due to start in September 2026. */
	async function frozenLineTiedToMeasure() {
		const measureId = makeMeasure(projectId, leader.user.id);
		await measureDates(measureId, '2026-09-01', '2026-12-01');
		const id = makeFrozenBenefit(
			projectId,
			{ title: `Rett linje ${measureId}`, ownerId: owner.user.id },
			{ actorId: leader.user.id, target: { value: 110_000, date: '2026-12-31' } }
		);
		await tieTo(id, measureId, 'adopted');
		return { measureId, id };
	}

	it('an unfrozen plan: the line is written out month by month and moved at once', async () => {
		const measureId = makeMeasure(projectId, leader.user.id);
		await measureDates(measureId, '2026-09-01', '2026-10-20');
		const id = makeBenefit(
			projectId,
			{ title: `Rett linje ${measureId}`, ownerId: owner.user.id },
			leader.user.id
		);
		const plan = {
			baselineValue: '0',
			baselineDate: '2026-01-01',
			baselineMethod: 'Regnskap',
			targetValue: '110000',
			targetDate: '2026-12-31',
			version: String(getBenefit(id)!.version)
		};
		expect(await outcome(() => actions.plan!(onBenefit(leader, id, plan)))).toMatchObject({
			kind: 'ok'
		});
		await tieTo(id, measureId, 'completed');
		expect(periods(id)).toEqual([]);

		// Due in October, now in January: three months.
		await measureDates(measureId, '2026-09-01', '2027-01-20');
		expect(periods(id)).toHaveLength(14);
		await movedLineInForce(id);
	});

	it('a frozen plan: the request moves the line, and says the system asked', async () => {
		const { measureId, id } = await frozenLineTiedToMeasure();

		// Work was to start in September, now in December: three months.
		await measureDates(measureId, '2026-12-01', '2027-01-20');
		expect(periods(id)).toEqual([]);
		const waiting = listPlanVersions(id).find((v) => v.status === 'requested')!;
		expect(waiting.targetDate).toBe('2027-03-31');
		const valueIn = (period: string) => waiting.plan.find((p) => p.period === period)?.value;
		expect([valueIn('2026-02'), valueIn('2026-12'), valueIn('2027-03')]).toEqual([
			0, 80_000, 110_000
		]);

		// The leader moved the measure; the system, not the leader, asked for the change.
		const asked = (await page(id)).planVersions;
		const words = `Automatisk, da ${leader.user.name} endret tiltaket`;
		expect(asked.waiting?.requestedBy).toBe(words);
		expect(asked.versions.find((v) => v.number === waiting.number)?.requestedBy).toBe(words);
		expect(asked.versions.find((v) => v.number === 1)?.requestedBy).toBe(leader.user.name);

		expect(await decide(id, waiting, 'approve')).toMatchObject({ kind: 'ok' });
		await movedLineInForce(id);
	});

	it('a straight-line request approved after a delay moves its own line', async () => {
		const { measureId, id } = await frozenLineTiedToMeasure();
		expect(await requestHigherTarget(id, '220000', '')).toMatchObject({ kind: 'ok' });
		await measureDates(measureId, '2026-12-01', '2027-01-20');
		const waiting = listPlanVersions(id).find((v) => v.status === 'requested')!;
		expect((await page(id)).planVersions.waiting?.requestedBy).toBe(leader.user.name);
		expect(await decide(id, waiting, 'approve')).toMatchObject({ kind: 'ok' });
		// The requested line (20 000 kr a month), three months later.
		expect(getBenefit(id)).toMatchObject({ targetValue: 220_000, targetDate: '2027-03-31' });
		const after = await page(id);
		expect(plannedIn(after, '2026-04')).toBe(0);
		expect(plannedIn(after, '2026-12')).toBe(160_000);
		expect(plannedIn(after, '2027-03')).toBe(220_000);
	});
});
