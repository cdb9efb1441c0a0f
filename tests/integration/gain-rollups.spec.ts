/**
 * The benefit pages' sums, series and lists come from SQL (db/queries/gain-rollups.ts and
 * gain-views.ts); the reference is the domain's gain arithmetic (src/lib/domain) run on the
 * same rows through `loadScope`, `scopeSums` and `combinedKronerSeries`. A real SQLite file
 * with the migrations applied; the data covers what the arithmetic must get right: a project in
 * two tracks (its benefits counted once in the mission, once in each track), kroner and hours
 * at a timesats, counted-only units and qualitative benefits, planned values given per period,
 * a falling target, corrections, entries before the baseline and after the target, lines
 * rounded half away from zero, and an archived project.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '$lib/server/db';
import { loadScope, scopeSums, type ScopeFilter } from '$lib/server/benefits/scope';
import { combinedKronerSeries } from '$lib/domain/benefits/figures';
import type { SumRow } from '$lib/domain/benefits/figures';
import {
	addEstimateLine,
	deleteEstimateLine,
	listEstimateLines,
	logRealisation,
	setPlannedPeriod
} from '$lib/server/db/queries/benefits-gains';
import { updateBenefit, getBenefit } from '$lib/server/db/queries/benefits';
import { setProjectArchived } from '$lib/server/db/queries/projects';
import { editProject } from '../factories/portfolio';
import { rebuildGainRollups } from '$lib/server/db/queries/gain-rollups';
import { gainSeries, gainSums, type GainSumRow } from '$lib/server/db/queries/gain-views';
import { listBehindPage, listBenefitsPage } from '$lib/server/db/queries/gain-lists';
import { makeUser } from '../factories';
import { makeBenefit, makeMission, makeProject, planBenefit } from '../factories/benefits';
import { makeTrack } from '../factories/portfolio';
import type { BenefitInput } from '$lib/schemas/benefits';

const now = new Date('2026-11-25T10:00:00Z');
let leader: number;
let missionId: number;
let trackA: number;
let trackB: number;
let shared: number;
let single: number;
let archived: number;
const benefits: Record<string, number> = {};

type Dated = [value: number, date: string];

/** A baseline and a target, each `[value, date]`, measured. */
function plan(id: number, [baseline, baselineDate]: Dated, [target, targetDate]: Dated) {
	planBenefit(id, { baseline, baselineDate, target, targetDate, method: 'Måling' }, leader, now);
}

function line(id: number, amountPerCase: number, cases: number, sharePercent: number) {
	const r = addEstimateLine(
		id,
		{ description: 'Linje', amountPerCase, cases, sharePercent },
		leader,
		now
	);
	if (!r.ok) throw new Error(r.reason);
}

function log(id: number, period: string, value: number, supersedesId: number | null = null) {
	const r = logRealisation(
		id,
		{ period, value, comment: '', evidence: '', supersedesId },
		leader,
		new Date(now.getTime() + Object.keys(benefits).length)
	);
	if (!r.ok) throw new Error(r.reason);
	return r.value;
}

const benefit = (projectId: number, input: Partial<BenefitInput>) =>
	makeBenefit(projectId, input, leader);

beforeAll(async () => {
	leader = await makeUser([{ role: 'programme_leader' }]);
	({ missionId } = makeMission(leader, 650));
	trackA = makeTrack(leader, { code: '61', title: 'Samhandling' });
	trackB = makeTrack(leader, { code: '62', title: 'Ledelse' });
	shared = makeProject(leader, [trackA, trackB]).projectId;
	single = makeProject(leader, [trackA]).projectId;
	archived = makeProject(leader, [trackB]).projectId;

	// Kroner, on a linear path, realised a little each month; a line rounds 0,5 up.
	benefits.kr = benefit(shared, { level: 'bruker', unit: 'kr' });
	line(benefits.kr, 1001, 3, 12.5);
	line(benefits.kr, 73_530, 1, 100);
	plan(benefits.kr, [0, '2026-01-15'], [120_000, '2026-12-31']);
	log(benefits.kr, '2026-01', 5_000);
	const feb = log(benefits.kr, '2026-02', 9_000);
	log(benefits.kr, '2026-02', 12_000, feb);
	log(benefits.kr, '2026-04', 1_000);

	// Hours with planned values given per period, one entry before the baseline.
	benefits.hours = benefit(shared, { level: 'tjeneste', unit: 'timer' });
	line(benefits.hours, 40, 250, 33.33);
	plan(benefits.hours, [100, '2026-03-01'], [1_000, '2027-02-28']);
	const set = (period: string, value: number) => {
		const r = setPlannedPeriod(benefits.hours!, { period, value }, leader, now);
		if (!r.ok) throw new Error(r.reason);
	};
	set('2026-06', 700);
	set('2026-03', 150);
	log(benefits.hours, '2026-02', 20);
	log(benefits.hours, '2026-05', 30);
	log(benefits.hours, '2026-08', 40);

	// Waiting time down: a falling target, behind plan.
	benefits.down = benefit(single, { level: 'system', unit: 'kr' });
	plan(benefits.down, [500_000, '2026-01-01'], [100_000, '2026-10-31']);
	log(benefits.down, '2026-03', -10_000);
	log(benefits.down, '2026-09', -5_000);
	// An entry after the target month does not count.
	log(benefits.down, '2026-12', -400_000);

	// Counted, not summed: a count and a qualitative benefit, both with a plan or none.
	benefits.count = benefit(single, { level: 'bruker', unit: 'antall' });
	plan(benefits.count, [10, '2026-01-01'], [40, '2026-06-30']);
	log(benefits.count, '2026-02', 1);
	benefits.quality = benefit(single, { level: 'system', kind: 'kvalitativ', unit: undefined });

	// Logged only before its path starts: no realised values on the path.
	benefits.early = benefit(single, { level: 'tjeneste', unit: 'kr' });
	plan(benefits.early, [0, '2026-06-01'], [10_000, '2026-12-31']);
	log(benefits.early, '2026-03', 4_000);

	// A benefit of a project archived later: left out of every sum.
	benefits.gone = benefit(archived, { level: 'bruker', unit: 'kr' });
	line(benefits.gone, 1_000_000, 1, 100);
	plan(benefits.gone, [0, '2026-01-01'], [1_000_000, '2026-12-31']);
	log(benefits.gone, '2026-05', 300_000);
	const r = setProjectArchived(archived, true, leader, now);
	if (!r.ok) throw new Error(r.reason);
});

/** A domain sum row in the shape the SQL gives. */
const fromDomain = (r: SumRow) => ({
	key: r.key,
	benefits: r.benefitCount,
	kr: [r.kroner.estimate, r.kroner.planned, r.kroner.realised],
	h: [r.hours.estimate, r.hours.planned, r.hours.realised]
});
const fromSql = (r: GainSumRow) => ({
	key: String(r.key),
	benefits: r.benefits,
	kr: [r.krEstimate, r.krPlanned, r.krRealised],
	h: [r.hEstimate, r.hPlanned, r.hRealised]
});
const byKey = <T extends { key: string }>(rows: T[]) =>
	[...rows].sort((a, b) => a.key.localeCompare(b.key));

const FILTERS: ScopeFilter[] = [
	{ projectId: null, trackId: null, level: null },
	{ projectId: null, trackId: null, level: 'bruker' },
	{ projectId: null, trackId: 0, level: null },
	{ projectId: null, trackId: 0, level: 'tjeneste' },
	{ projectId: 0, trackId: null, level: null },
	{ projectId: 0, trackId: 0, level: 'system' }
];

/** The filters above with the test's ids: track A or B, the shared or the single project. */
function filters(): ScopeFilter[] {
	return FILTERS.flatMap((f) => {
		const tracks = f.trackId === 0 ? [trackA, trackB] : [null];
		const projects = f.projectId === 0 ? [shared, single] : [null];
		return tracks.flatMap((trackId) => projects.map((projectId) => ({ ...f, trackId, projectId })));
	});
}

function expectSameAsDomain() {
	for (const filter of filters()) {
		const scope = loadScope(filter)!;
		const expected = scopeSums(scope);
		const sums = gainSums({ missionId, ...filter });
		const label = JSON.stringify(filter);
		expect(sums.mission ? [fromSql(sums.mission)] : [], label).toEqual(
			expected.mission.map(fromDomain).map((r) => ({ ...r, key: String(missionId) }))
		);
		expect(byKey(sums.level.map(fromSql)), label).toEqual(byKey(expected.level.map(fromDomain)));
		expect(byKey(sums.track.map(fromSql)), label).toEqual(byKey(expected.track.map(fromDomain)));

		const series = combinedKronerSeries(
			scope.computed.map((c) => ({ facts: c.facts, result: c.result })),
			scope.settings.hourlyRateKroner
		);
		expect(gainSeries({ missionId, ...filter }, 650), label).toEqual(series);

		const behind = scope.computed.filter((c) => c.result.status?.behind).map((c) => c.benefit.id);
		expect(
			listBehindPage({ missionId, ...filter }, 20, {}, 100).map((b) => b.id),
			label
		).toEqual(behind);
		expect(
			listBenefitsPage({ missionId, ...filter }, 20, {}, 100).map((b) => [
				b.id,
				b.estimate,
				b.statusPeriod,
				b.statusPlanned,
				b.statusRealised
			]),
			label
		).toEqual(
			scope.computed.map((c) => [
				c.benefit.id,
				c.result.estimate?.total ?? null,
				c.result.status?.period ?? null,
				c.result.status?.planned ?? null,
				c.result.status?.realised ?? null
			])
		);
	}
}

function rollupTables() {
	const sqlite = db.$client;
	return {
		figures: sqlite.prepare('select * from benefit_figure order by benefit_id').all(),
		totals: sqlite
			.prepare(
				`select * from gain_total where benefits <> 0 or estimate <> 0 or planned <> 0
					or realised <> 0 order by scope, scope_id, level, unit`
			)
			.all(),
		series: sqlite
			.prepare(
				`select * from gain_series where planned <> 0 or realised <> 0 or path_starts <> 0
					or path_ends <> 0 or point_starts <> 0 or point_ends <> 0
					order by scope, scope_id, level, unit, period`
			)
			.all()
	};
}

describe('gain sums and series in SQL', () => {
	it('equal the domain arithmetic for every scope: mission, track, project, level', () => {
		expectSameAsDomain();
	});

	it('count a benefit of a project in two tracks once in the mission and once in each track', () => {
		const mission = gainSums({ missionId, projectId: null, trackId: null, level: null });
		const a = gainSums({ missionId, projectId: null, trackId: trackA, level: null });
		const b = gainSums({ missionId, projectId: null, trackId: trackB, level: null });
		// Six live benefits: two in the shared project (tracks A and B), four in the single one (A).
		expect(mission.mission!.benefits).toBe(6);
		expect(a.mission!.benefits).toBe(6);
		expect(b.mission!.benefits).toBe(2);
		// The shared kroner benefit's estimate, once everywhere: 1001 × 3 × 12,5 % = 375,375 → 375,
		// plus 73 530.
		for (const sums of [mission, a, b]) expect(sums.mission!.krEstimate).toBe(375 + 73_530);
		const perTrack = new Map(mission.track.map((r) => [Number(r.key), r.benefits]));
		expect(perTrack.get(trackA)).toBe(6);
		expect(perTrack.get(trackB)).toBe(2);
	});

	it('stay in step through edits, a moved project and an archived one, as a rebuild gives them', () => {
		// A line removed, a benefit's unit changed, a project moved out of a track, one restored.
		const [first] = listEstimateLines([benefits.kr!]);
		expect(deleteEstimateLine(benefits.kr!, first!.id, leader, now).ok).toBe(true);
		const b = getBenefit(benefits.count!)!;
		expect(
			updateBenefit(
				b.id,
				{
					title: b.title,
					description: b.description,
					level: b.level,
					kind: 'kvantitativ',
					unit: 'timer',
					beneficiary: b.beneficiary,
					beneficiaryOther: b.beneficiaryOther,
					qualityDimensions: b.qualityDimensions,
					ownerId: b.ownerId,
					indicator: b.indicator || 'Timer',
					measurement: b.measurement,
					takeout: b.takeout,
					version: b.version
				},
				leader,
				now
			).ok
		).toBe(true);
		expect(editProject(shared, { ownerId: leader, trackIds: [trackB] }, leader, now).ok).toBe(true);
		expect(setProjectArchived(archived, false, leader, now).ok).toBe(true);
		log(benefits.hours!, '2026-09', 15);

		expectSameAsDomain();
		const kept = rollupTables();
		rebuildGainRollups();
		expect(rollupTables()).toEqual(kept);
	});
});
