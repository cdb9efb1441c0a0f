/**
 * The steering page (/styring) and where each role lands. Its figures are counted in SQL
 * (queries/steering.ts, gain-views.ts, the wheel area's compliance); here they are held to the
 * domain's arithmetic and to the pages they link to, on a real SQLite file: two tracks sharing
 * a project (its benefits count in each track and once for the mission), a benefit linked to an
 * effect goal, one behind plan with a cause and one without, risks in every severity band, two
 * units with an annual wheel signed on time, late and reopened, and changes on known days.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '$lib/server/db';
import { makeEvent, makeUnit, makeUser, outcome, signIn, type Signed } from '../factories';
import { logGain, makeBenefit, makeMission, makeProject, planBenefit } from '../factories/benefits';
import { makeMeasure } from '../factories/portfolio';
import { makeWheel } from '../factories/wheel';
import { logFollowUp } from '$lib/server/db/queries/benefits-gains';
import { createLink, deleteLink } from '$lib/server/db/queries/benefits-links';
import { createRisk } from '$lib/server/db/queries/risks';
import { changeStatus, saveStatusReport } from '$lib/server/db/queries/lifecycle';
import { reopenOccurrence, signOccurrence } from '$lib/server/db/queries/wheel-occurrences';
import { rebuildGainRollups } from '$lib/server/db/queries/gain-rollups';
import { listBehindPage } from '$lib/server/db/queries/gain-lists';
import { countChangesSince, listChangesSince } from '$lib/server/db/queries/steering';
import { loadScope, scopeSums } from '$lib/server/benefits/scope';
import { complianceView } from '$lib/server/wheel/views/compliance';
import {
	readSteeringParams,
	steeringPage,
	type SteeringPageData
} from '$lib/server/steering/views/steering';
import { riskScore, severityFor } from '$lib/domain/portfolio/risk';
import { landingPath } from '$lib/domain/steering/rules';
import type { Role } from '$lib/domain/org/vocabulary';
import type { ScaleValue } from '$lib/domain/portfolio/vocabulary';
import { load as steeringLoad } from '../../src/routes/(app)/styring/+page.server';
import { load as overviewLoad } from '../../src/routes/(app)/+page.server';
import { load as myWorkLoad } from '../../src/routes/(app)/mitt-arbeid/+page.server';

const NOW = new Date('2026-11-25T12:00:00Z');
const at = (day: string, hour = 10) => new Date(`${day}T${String(hour).padStart(2, '0')}:00:00Z`);

let leader: number;
let trackA: number;
let trackB: number;
let shared: number;
let single: number;
let goalUser: number;
let unitOne: number;
let unitTwo: number;
const benefits: Record<string, number> = {};
const users = {} as Record<Role, Signed>;

function ok<T>(r: { ok: true; value: T } | { ok: false; reason: string }): T {
	if (!r.ok) throw new Error(r.reason);
	return r.value;
}

type Dated = [value: number, date: string];

/** A baseline and a target, each `[value, date]`, measured. */
function plan(id: number, [baseline, baselineDate]: Dated, [target, targetDate]: Dated) {
	planBenefit(id, { baseline, baselineDate, target, targetDate, method: 'Måling' }, leader, NOW);
}

const log = (id: number, period: string, value: number, when: Date) =>
	logGain(id, period, value, leader, when);

function risk(
	subject: { projectId: number } | { measureId: number },
	l: ScaleValue,
	c: ScaleValue
) {
	const id = ok(
		createRisk(
			subject,
			{
				title: `Risiko ${l}×${c}`,
				description: null,
				likelihood: l,
				consequence: c,
				area: 'delivery',
				mitigation: null,
				ownerId: leader,
				status: 'open'
			},
			null,
			NOW
		)
	);
	// createRisk stamps the row with the database clock (h-reports moves it to `now`); the
	// window tests need a known day.
	db.$client
		.prepare('update risk set created_at = ? where id = ?')
		.run(at('2026-11-10').getTime(), id);
	return id;
}

function page(role: Role, query = ''): SteeringPageData {
	return steeringPage(
		users[role].user,
		readSteeringParams(new URL(`http://x/styring${query}`)),
		NOW
	);
}

beforeAll(async () => {
	leader = await makeUser([{ role: 'programme_leader' }]);
	const m = makeMission(leader, 650);
	[trackA, trackB] = m.tracks as [number, number];
	goalUser = m.goals[0]!;
	unitOne = makeUnit('Enhet én');
	unitTwo = makeUnit('Enhet to');
	for (const role of ['admin', 'steering', 'viewer'] as const) {
		users[role] = signIn(await makeUser([{ role }]), NOW);
	}
	users.programme_leader = signIn(leader, NOW);
	users.unit_leader = signIn(await makeUser([{ role: 'unit_leader', unitId: unitOne }]), NOW);

	shared = makeProject(leader, [trackA, trackB], 0).projectId;
	single = makeProject(leader, [trackA], 0).projectId;
	const sharedMeasure = makeMeasure(shared, leader, [unitOne]);
	makeMeasure(single, leader, [unitTwo]);

	// Kroner in the shared project: behind plan (12 000 of 60 000 by May), linked to goal 1.
	benefits.kr = makeBenefit(shared, { level: 'bruker', unit: 'kr' }, leader);
	plan(benefits.kr, [0, '2026-01-01'], [120_000, '2026-12-31']);
	log(benefits.kr, '2026-05', 12_000, at('2026-06-02'));
	ok(
		createLink(
			shared,
			{ fromKind: 'benefit', fromId: benefits.kr, toKind: 'goal', toId: goalUser },
			leader,
			NOW
		)
	);
	// Hours in the single project: on plan.
	benefits.hours = makeBenefit(single, { level: 'tjeneste', unit: 'timer' }, leader);
	plan(benefits.hours, [100, '2026-01-01'], [1_300, '2026-12-31']);
	log(benefits.hours, '2026-10', 1_000, at('2026-11-12'));
	// Kroner in the single project: behind, with a cause for its status month.
	benefits.caused = makeBenefit(single, { level: 'system', unit: 'kr' }, leader);
	plan(benefits.caused, [0, '2026-01-01'], [10_000, '2026-12-31']);
	log(benefits.caused, '2026-06', 100, at('2026-11-20'));
	ok(
		logFollowUp(
			benefits.caused,
			{ period: '2026-06', cause: 'Sykefravær', correctiveMeasure: 'Ny plan' },
			leader,
			at('2026-11-21')
		)
	);
	// A link made and taken away leaves the goal's sums as they were.
	const gone = ok(
		createLink(
			single,
			{ fromKind: 'benefit', fromId: benefits.hours, toKind: 'goal', toId: goalUser },
			leader,
			NOW
		)
	);
	ok(deleteLink(single, gone, leader, NOW));

	// Risks: high (5×5) and medium (3×4) on the shared project's measure, low (1×2) on single.
	risk({ measureId: sharedMeasure }, 5, 5);
	risk({ projectId: shared }, 3, 4);
	risk({ projectId: single }, 1, 2);

	// Status: the shared project recommended on 10 November; reports red and green.
	ok(changeStatus('project', shared, 'recommended', null, leader, at('2026-11-10')));
	ok(
		saveStatusReport(
			'project',
			shared,
			{ period: '2026-10', rag: 'red', narrative: 'Forsinket' },
			leader,
			NOW
		)
	);
	ok(
		saveStatusReport(
			'project',
			single,
			{ period: '2026-10', rag: 'green', narrative: 'Bra' },
			leader,
			NOW
		)
	);

	// A monthly wheel at both units: unit one signs January on time and February late; unit
	// two signs January, which is reopened on 15 November.
	const { taskIds } = makeWheel({
		ownerUnitId: unitOne,
		unitIds: [unitOne, unitTwo],
		tasks: [{ schedule: { kind: 'monthly', dueDay: null } }],
		activeFrom: '2026-01'
	});
	const task = taskIds[0]!;
	const sign = { storedIn: 'Compilo', comment: null, link: null };
	ok(
		signOccurrence(
			{ taskId: task, unitId: unitOne, period: '2026-01' },
			sign,
			leader,
			at('2026-01-20')
		)
	);
	ok(
		signOccurrence(
			{ taskId: task, unitId: unitOne, period: '2026-02' },
			sign,
			leader,
			at('2026-03-10')
		)
	);
	ok(
		signOccurrence(
			{ taskId: task, unitId: unitTwo, period: '2026-01' },
			sign,
			leader,
			at('2026-01-25')
		)
	);
	ok(
		reopenOccurrence(
			{ taskId: task, unitId: unitTwo, period: '2026-01' },
			{ reason: 'Manglet dokumentasjon' },
			leader,
			at('2026-11-15')
		)
	);
});

/** The goal roll-ups that hold anything (a link taken away leaves a row of zeros). */
const GOAL_ROWS = `select * from gain_total where scope = 'goal' and benefits <> 0
	order by scope_id, level, unit`;

describe('the steering page', () => {
	it("sums each track's gains as the domain does, a shared benefit once in each track and once for the mission", () => {
		const data = page('steering');
		for (const trackId of [trackA, trackB]) {
			const expected = scopeSums(loadScope({ projectId: null, trackId, level: null })!).mission[0]!;
			const row = data.tracks.find((t) => t.id === trackId)!;
			expect(row.gains.benefits).toBe(expected.benefitCount);
			expect([row.gains.kroner.planned, row.gains.kroner.realised]).toEqual([
				expected.kroner.planned,
				expected.kroner.realised
			]);
			expect([row.gains.hours.planned, row.gains.hours.realised]).toEqual([
				expected.hours.planned,
				expected.hours.realised
			]);
		}
		const mission = scopeSums(loadScope({ projectId: null, trackId: null, level: null })!)
			.mission[0]!;
		expect(data.total!.gains.benefits).toBe(3);
		expect(data.total!.gains.kroner).toMatchObject({
			planned: mission.kroner.planned,
			realised: mission.kroner.realised
		});
		// Track A holds all three benefits, track B the shared one: 4 memberships, 3 benefits.
		expect(data.tracks.find((t) => t.id === trackA)!.gains.benefits).toBe(3);
		expect(data.tracks.find((t) => t.id === trackB)!.gains.benefits).toBe(1);
		expect(data.tracks.find((t) => t.id === trackB)!.gains.href).toBe(`/gevinster?spor=${trackB}`);
	});

	it('shows each effect goal with the benefits linked to it, kept in step with the links', () => {
		const goal = page('steering').goals.find((g) => g.id === goalUser)!;
		const computed = loadScope({ projectId: null, trackId: null, level: null })!.computed.find(
			(c) => c.benefit.id === benefits.kr
		)!;
		expect(goal.gains).toMatchObject({
			benefits: 1,
			kroner: {
				planned: computed.result.status!.planned,
				realised: computed.result.status!.realised
			}
		});
		expect(goal.levelLabel).toBe('Brukernivå');
		const before = db.$client.prepare(GOAL_ROWS).all();
		rebuildGainRollups();
		expect(db.$client.prepare(GOAL_ROWS).all()).toEqual(before);
	});

	it('counts benefits behind plan per track, with and without a cause, as the Gevinster list does', () => {
		const data = page('steering');
		const margin = 20;
		for (const trackId of [trackA, trackB]) {
			const listed = listBehindPage(
				{ missionId: 1, projectId: null, trackId, level: null },
				margin,
				{},
				100
			);
			const row = data.tracks.find((t) => t.id === trackId)!;
			expect(row.behind.count).toBe(listed.length);
			expect(row.behind.withCause).toBe(
				listed.filter((b) => b.cause !== null && b.followUpPeriod === b.statusPeriod).length
			);
		}
		expect(data.tracks.find((t) => t.id === trackA)!.behind).toMatchObject({
			count: 2,
			withCause: 1,
			withoutCause: 1
		});
		expect(data.total!.behind).toMatchObject({ count: 2, withCause: 1 });
	});

	it('counts open risks by severity from the 5×5 matrix, a risk of a shared project in each track', () => {
		const data = page('viewer');
		expect(data.tracks.find((t) => t.id === trackA)!.risks).toMatchObject({
			high: 1,
			medium: 1,
			low: 1
		});
		expect(data.tracks.find((t) => t.id === trackB)!.risks).toMatchObject({
			high: 1,
			medium: 1,
			low: 0
		});
		expect(severityFor(riskScore(5 as ScaleValue, 5 as ScaleValue))).toBe('high');
		expect(data.tracks.find((t) => t.id === trackA)!.risks.href).toBe(
			`/portefolje/risiko?spor=${trackA}`
		);
	});

	it('gives status in words and projects by phase, each linked', () => {
		const b = page('viewer').tracks.find((t) => t.id === trackB)!;
		expect(b.status).toMatchObject({ rag: 'red', red: 1, green: 0 });
		expect(b.status.label).toMatch(/^Rød/);
		expect(b.projects.phases).toEqual([
			{
				status: 'recommended',
				label: 'Anbefalt',
				count: 1,
				href: `/portefolje?spor=${trackB}&status=recommended`
			}
		]);
	});

	it('sums the compliance of the units a track involves as the compliance page counts each unit', () => {
		const data = page('steering');
		const own = (unitId: number) => {
			const view = complianceView(new URL(`http://x/arshjul/etterlevelse?enhet=${unitId}`), NOW);
			const row = view.rows.find((r) => r.kind === 'own' && r.unitId === unitId)!;
			const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
			return { total: sum(row.total), signed: sum(row.signed), onTime: sum(row.onTime) };
		};
		const one = own(unitOne);
		const two = own(unitTwo);
		const a = data.tracks.find((t) => t.id === trackA)!.compliance!;
		const b = data.tracks.find((t) => t.id === trackB)!.compliance!;
		expect(b).toMatchObject({
			units: 1,
			total: one.total,
			onTime: one.onTime,
			overdue: one.total - one.signed
		});
		expect(a).toMatchObject({
			units: 2,
			total: one.total + two.total,
			onTime: one.onTime + two.onTime,
			overdue: one.total + two.total - one.signed - two.signed
		});
		// Ten months due by 25 November at unit one: January on time, February late.
		expect(one).toEqual({ total: 10, signed: 2, onTime: 1 });
		expect(b.percent).toBe(10);
		expect(data.complianceYear).toBe(2026);
	});

	it('counts and lists what changed since a chosen day', () => {
		const counts = (day: string) =>
			page('steering', `?siden=${day}`).since.counts.map((c) => c.count);
		// status, reports with a new colour (both projects' first), realisations, risks, reopened
		// sign-offs
		expect(counts('2026-11-01')).toEqual([1, 2, 2, 3, 1]);
		expect(counts('2026-11-13')).toEqual([0, 2, 1, 0, 1]);
		expect(counts('2026-11-16')).toEqual([0, 2, 1, 0, 0]);
		expect(counts('2026-01-01')).toEqual([1, 2, 3, 3, 1]);
		const w = { since: at('2026-11-01', 0).getTime(), until: NOW.getTime() };
		expect(countChangesSince(w)).toEqual({
			status: 1,
			report: 2,
			realisation: 2,
			risk: 3,
			reopening: 1
		});

		const all = page('steering', '?siden=2026-11-01').since;
		expect(all.changes.map((c) => c.kind)).toEqual([
			'report',
			'report',
			'realisation',
			'reopening',
			'realisation',
			'risk',
			'risk',
			'risk',
			'status'
		]);
		expect(all.changes.find((c) => c.kind === 'status')!.href).toBe(
			`/portefolje/prosjekter/${shared}`
		);
		// Months in words, each value with its unit.
		expect(all.changes.filter((c) => c.kind === 'realisation').map((c) => c.detail)).toEqual([
			expect.stringMatching(/^juni 2026: 100\skr$/),
			'oktober 2026: 1\u00a0000 timer'
		]);
		expect(all.changes.find((c) => c.kind === 'reopening')!.detail).toMatch(/, januar 2026$/);
		expect(all.changes.find((c) => c.kind === 'reopening')!.href).toMatch(
			new RegExp(`^/arshjul/forekomst/\\d+/${unitTwo}/2026-01$`)
		);
		// Paged: three at a time, every change once, newest first.
		const seen: number[] = [];
		let after: [number, number, number] | null = null;
		for (let i = 0; i < 5; i++) {
			const rows = listChangesSince(w, null, after, 3);
			seen.push(...rows.map((r) => r.at));
			if (rows.length < 3) break;
			const last = rows[rows.length - 1]!;
			after = [last.at, last.rank, last.id];
		}
		expect(seen).toHaveLength(9);
		expect([...seen].sort((x, y) => y - x)).toEqual(seen);
		// A project that reports red for the first time is news; so is a change of colour.
		expect(all.changes.filter((c) => c.kind === 'report').map((c) => c.detail)).toEqual(
			expect.arrayContaining(['Prosjekt: første statusrapport, Rød'])
		);
		ok(
			saveStatusReport(
				'project',
				shared,
				{ period: '2026-11', rag: 'red', narrative: 'Fortsatt forsinket' },
				leader,
				NOW
			)
		);
		expect(countChangesSince(w).report).toBe(2);
		ok(
			saveStatusReport(
				'project',
				single,
				{ period: '2026-11', rag: 'amber', narrative: 'Mer usikkert' },
				leader,
				NOW
			)
		);
		expect(countChangesSince(w).report).toBe(3);
		const reports = page('steering', '?siden=2026-11-01&endring=report').since;
		expect(reports.changes.map((c) => c.detail)).toContain('Prosjekt: Grønn → Gul');
		const risks = page('steering', '?siden=2026-11-01&endring=risk').since;
		expect(risks.changes.map((c) => c.kind)).toEqual(['risk', 'risk', 'risk']);
	});
});

describe('who may open /styring, and where each role lands', () => {
	it('lets every signed-in role open /styring, compliance only for those who may open its page', async () => {
		const anonymous = await outcome(() =>
			steeringLoad(makeEvent({ path: '/styring', now: NOW }) as never)
		);
		expect(anonymous).toMatchObject({ kind: 'redirect', location: '/login?redirectTo=%2Fstyring' });
		for (const role of [
			'admin',
			'steering',
			'programme_leader',
			'unit_leader',
			'viewer'
		] as const) {
			const r = await outcome(() =>
				steeringLoad(makeEvent({ signed: users[role], path: '/styring', now: NOW }) as never)
			);
			expect(r.kind, role).toBe('ok');
			const data = (r as { data: SteeringPageData }).data;
			const compliance = role === 'admin' || role === 'steering';
			expect(data.complianceYear !== null, role).toBe(compliance);
			expect(
				data.tracks.every((t) => (t.compliance !== null) === compliance),
				role
			).toBe(true);
		}
	});

	it('sends each role from / to its own page; admin and viewer keep the overview', async () => {
		const landing: Record<Exclude<Role, 'municipal_director'>, string | null> = {
			admin: null,
			steering: '/styring',
			programme_leader: '/mitt-arbeid',
			unit_leader: '/arshjul/mine',
			viewer: null
		};
		for (const [role, target] of Object.entries(landing) as [Role, string | null][]) {
			const r = await outcome(() =>
				overviewLoad(makeEvent({ signed: users[role], path: '/', now: NOW }) as never)
			);
			if (target) expect(r, role).toMatchObject({ kind: 'redirect', location: target });
			else expect(r.kind, role).toBe('ok');
			expect(landingPath([role])).toBe(target ?? '/');
			// The overview itself stays one link away.
			const overview = await outcome(() =>
				overviewLoad(makeEvent({ signed: users[role], path: '/?oversikt', now: NOW }) as never)
			);
			expect(overview.kind, role).toBe('ok');
		}
		expect(landingPath(['admin', 'steering'])).toBe('/');
		expect(landingPath(['unit_leader', 'steering'])).toBe('/styring');
		// The kommunedirektør reads what the steering group reads, and lands where it does.
		expect(landingPath(['municipal_director'])).toBe('/styring');
	});

	it('shows a programme leader their projects and the benefits waiting for a value', async () => {
		const r = await outcome(() =>
			myWorkLoad(
				makeEvent({ signed: users.programme_leader, path: '/mitt-arbeid', now: NOW }) as never
			)
		);
		expect(r.kind).toBe('ok');
		const data = (r as { data: Awaited<ReturnType<typeof myWorkLoad>> }).data as {
			projectCount: number;
			waiting: { id: number; lastPeriod: string | null }[];
		};
		expect(data.projectCount).toBe(2);
		// Nothing logged for October or later: the kroner benefits (May, June); hours has October.
		expect(data.waiting.map((b) => b.id).sort()).toEqual([benefits.kr, benefits.caused].sort());
		const viewer = await outcome(() =>
			myWorkLoad(makeEvent({ signed: users.viewer, path: '/mitt-arbeid', now: NOW }) as never)
		);
		expect(viewer).toMatchObject({ kind: 'error', status: 403 });
	});
});
