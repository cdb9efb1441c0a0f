import { describe, expect, it } from 'vitest';
import { formatKroner } from '$lib/format';
import { benefitHealth } from './health';
import {
	benefitSeries,
	combineSeries,
	cumulativeRealised,
	divideRounded,
	effectiveEntries,
	estimateLineTotal,
	estimateTotal,
	hoursToKroner,
	isBehindPlan,
	latestPlanStatus,
	periodRange,
	plannedPath,
	realisationHistory,
	rollUp,
	roundHalfAwayFromZero,
	summariseEstimate,
	type BenefitFigures,
	type BenefitMembership,
	type EstimateLine,
	type RealisationEntry,
	type SeriesRow
} from './gains';

describe('rounding', () => {
	it('rounds halves away from zero', () => {
		expect(divideRounded(5n, 10n)).toBe(1n);
		expect(divideRounded(-5n, 10n)).toBe(-1n);
		expect(divideRounded(4n, 10n)).toBe(0n);
		expect(divideRounded(15n, 10n)).toBe(2n);
		expect(divideRounded(-15n, 10n)).toBe(-2n);
		expect(roundHalfAwayFromZero(-0.5)).toBe(-1);
		expect(roundHalfAwayFromZero(2.5)).toBe(3);
		expect(Object.is(roundHalfAwayFromZero(-0.2), 0)).toBe(true);
	});

	it('refuses to divide by zero', () => {
		expect(() => divideRounded(1n, 0n)).toThrow(RangeError);
	});
});

describe('estimate lines', () => {
	it('multiplies amount, cases and share and rounds to whole kroner', () => {
		expect(estimateLineTotal({ amountPerCase: 1500, cases: 3, sharePercent: 50 })).toBe(2250);
		// 333 × 1 × 50 % = 166,5 → 167
		expect(estimateLineTotal({ amountPerCase: 333, cases: 1, sharePercent: 50 })).toBe(167);
		// 12,25 % of 1 000 kr = 122,5 → 123; a float product would give 122,49999…
		expect(estimateLineTotal({ amountPerCase: 1000, cases: 1, sharePercent: 12.25 })).toBe(123);
		expect(estimateLineTotal({ amountPerCase: 73_530, cases: 1, sharePercent: 0 })).toBe(0);
	});

	it('stays exact for a line whose product passes 2^53', () => {
		// 9 000 000 000 kr × 10 000 cases × 99,99 % would lose kroner in floating point.
		expect(
			estimateLineTotal({ amountPerCase: 900_000_000, cases: 10_000, sharePercent: 99.99 })
		).toBe(8_999_100_000_000);
	});

	it('rejects non-integer amounts and shares outside 0–100', () => {
		expect(() => estimateLineTotal({ amountPerCase: 1.5, cases: 1, sharePercent: 100 })).toThrow(
			RangeError
		);
		expect(() => estimateLineTotal({ amountPerCase: 1, cases: 1, sharePercent: 101 })).toThrow(
			RangeError
		);
		expect(() => estimateLineTotal({ amountPerCase: 1, cases: 1, sharePercent: -1 })).toThrow(
			RangeError
		);
	});

	/*
	 * Seed 001, page BRUKER, prints three lines (73 530 + 80 000 + 1 500 000 kr) and the sum
	 * «1 655 000 kr». The three lines add up to 1 653 530 kr, 1 470 kr short of the printed
	 * sum (the printed sum matches 1 653 530 rounded to the nearest 5 000 kr). We keep the
	 * seed's line values and let the arithmetic speak; see the report to the lead.
	 */
	const seedFamilyLines: EstimateLine[] = [
		{
			description: 'Tapt arbeidsinntekt ved sykemelding for far',
			amountPerCase: 73_530,
			cases: 1,
			sharePercent: 100
		},
		{
			description: 'Ekstra tidsbruk ved skolestart',
			amountPerCase: 80_000,
			cases: 1,
			sharePercent: 100
		},
		{
			description: 'Ekstra tidsbruk ved koordinering og oppfølging av medisinske tilbud og skole',
			amountPerCase: 1_500_000,
			cases: 1,
			sharePercent: 100
		}
	];

	it("sums the seed's printed family lines exactly", () => {
		const summary = summariseEstimate(seedFamilyLines, 'kr');
		expect(summary.lineTotals).toEqual([73_530, 80_000, 1_500_000]);
		expect(summary.total).toBe(1_653_530);
		expect(summary.kroner).toBe(1_653_530);
	});

	it('reaches exactly 1 655 000 kr for a three-line family estimate', () => {
		// The same story priced with the father's lost income as 75 000 kr, the value that
		// makes the seed's printed sum hold.
		const lines: EstimateLine[] = [
			{ ...seedFamilyLines[0]!, amountPerCase: 75_000 },
			seedFamilyLines[1]!,
			seedFamilyLines[2]!
		];
		expect(estimateTotal(lines)).toBe(1_655_000);
		expect(formatKroner(estimateTotal(lines)).replace(/\s/g, ' ')).toBe('1 655 000 kr');
	});

	it('sums rounded line totals, so the table adds up', () => {
		const lines: EstimateLine[] = [
			{ amountPerCase: 1, cases: 1, sharePercent: 50 },
			{ amountPerCase: 1, cases: 1, sharePercent: 50 }
		];
		// Each line shows 1 kr, so the sum shows 2 kr (not round(0,5 + 0,5) = 1).
		expect(estimateTotal(lines)).toBe(2);
		expect(estimateTotal([])).toBe(0);
	});
});

describe('hours to kroner', () => {
	it('multiplies by the mission hourly rate', () => {
		expect(hoursToKroner(100, 650)).toBe(65_000);
		expect(hoursToKroner(1.25, 650)).toBe(813); // 812,5 → 813
		expect(hoursToKroner(0.1, 3)).toBe(0); // 0,3 → 0
	});

	it('shows kroner beside an hour estimate', () => {
		const summary = summariseEstimate(
			[{ amountPerCase: 20, cases: 150, sharePercent: 50 }],
			'timer',
			700
		);
		expect(summary).toEqual({ lineTotals: [1500], total: 1500, kroner: 1_050_000 });
		expect(
			summariseEstimate([{ amountPerCase: 2, cases: 3, sharePercent: 100 }], 'antall').kroner
		).toBeNull();
	});

	it('rejects a fractional hourly rate', () => {
		expect(() => hoursToKroner(1, 650.5)).toThrow(RangeError);
	});
});

describe('planned path', () => {
	it('is linear per month from baseline to target', () => {
		const path = plannedPath({ date: '2026-01-15', value: 0 }, { date: '2026-04-30', value: 1000 });
		expect(path).toEqual([
			{ period: '2026-01', planned: 0 },
			{ period: '2026-02', planned: 333 },
			{ period: '2026-03', planned: 667 },
			{ period: '2026-04', planned: 1000 }
		]);
	});

	it('crosses a year boundary and runs downward for a decreasing target', () => {
		const path = plannedPath({ date: '2025-11', value: 30 }, { date: '2026-02', value: 0 });
		expect(path.map((p) => p.period)).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
		expect(path.map((p) => p.planned)).toEqual([30, 20, 10, 0]);
	});

	it('uses values given per period and interpolates between them', () => {
		const path = plannedPath({ date: '2026-01', value: 0 }, { date: '2026-05', value: 400 }, [
			{ period: '2026-02', planned: 0 },
			{ period: '2026-03', planned: 0 }
		]);
		expect(path.map((p) => p.planned)).toEqual([0, 0, 0, 200, 400]);
	});

	it('returns one point when baseline and target share a month', () => {
		expect(plannedPath({ date: '2026-03-01', value: 5 }, { date: '2026-03-31', value: 9 })).toEqual(
			[{ period: '2026-03', planned: 9 }]
		);
	});

	it('refuses a target before the baseline and malformed periods', () => {
		expect(() => plannedPath({ date: '2026-03', value: 0 }, { date: '2026-01', value: 1 })).toThrow(
			RangeError
		);
		expect(() => periodRange('2026-13', '2027-01')).toThrow(RangeError);
	});
});

describe('realisations', () => {
	const entries: RealisationEntry[] = [
		{ id: 'a', period: '2026-01', value: 100, createdAt: 1 },
		{ id: 'b', period: '2026-02', value: 50, createdAt: 2 },
		{ id: 'c', period: '2026-02', value: 80, createdAt: 3, supersedesId: 'b' },
		{ id: 'd', period: '2026-02', value: 70, createdAt: 4, supersedesId: 'c' },
		{ id: 'e', period: '2026-04', value: 30, createdAt: 5 }
	];

	it('counts only entries no correction supersedes, keeping the history', () => {
		expect(effectiveEntries(entries).map((e) => e.id)).toEqual(['a', 'd', 'e']);
		const history = realisationHistory([...entries].reverse());
		expect(history.map((h) => [h.entry.id, h.effective, h.supersededById])).toEqual([
			['a', true, null],
			['b', false, 'c'],
			['c', false, 'd'],
			['d', true, null],
			['e', true, null]
		]);
	});

	it('accumulates per month and stops after the last logged month', () => {
		const periods = periodRange('2026-01', '2026-06');
		expect(cumulativeRealised(entries, periods)).toEqual([
			{ period: '2026-01', realised: 100 },
			{ period: '2026-02', realised: 170 },
			{ period: '2026-03', realised: 170 },
			{ period: '2026-04', realised: 200 }
		]);
	});

	it('counts entries logged before the first shown month', () => {
		expect(cumulativeRealised(entries, ['2026-03', '2026-04'])).toEqual([
			{ period: '2026-03', realised: 170 },
			{ period: '2026-04', realised: 200 }
		]);
	});

	it('builds a planned-vs-realised series for one benefit', () => {
		const series = benefitSeries(
			{ baseline: { date: '2026-01-01', value: 0 }, target: { date: '2026-04-01', value: 300 } },
			entries
		);
		expect(series).toEqual([
			{ period: '2026-01', planned: 0, realised: 100 },
			{ period: '2026-02', planned: 100, realised: 170 },
			{ period: '2026-03', planned: 200, realised: 170 },
			{ period: '2026-04', planned: 300, realised: 200 }
		]);
	});
});

describe('behind plan', () => {
	it('is behind only when realised is more than the tolerance below planned', () => {
		expect(isBehindPlan(1000, 800)).toBe(false); // exactly 20 % below
		expect(isBehindPlan(1000, 799)).toBe(true);
		expect(isBehindPlan(1000, 1200)).toBe(false);
		expect(isBehindPlan(1000, 899, { tolerancePercent: 10 })).toBe(true);
		expect(isBehindPlan(1000, 999, { tolerancePercent: 0 })).toBe(true);
	});

	it('judges as the health status does: in percent of the planned value, in the direction', () => {
		// Planned 200, realised 170: 15 % under, within 20 %; 30 % would not be.
		expect(isBehindPlan(200, 170)).toBe(false);
		expect(isBehindPlan(200, 139)).toBe(true);
		// Lower is better: waiting days planned 10, realised 13 is 30 % over plan.
		expect(isBehindPlan(10, 13, { direction: 'lower' })).toBe(true);
		expect(isBehindPlan(10, 12, { direction: 'lower' })).toBe(false);
		expect(isBehindPlan(10, 5, { direction: 'lower' })).toBe(false);
		for (const [planned, realised] of [
			[1000, 850],
			[10, 13],
			[0, -1],
			[-200, -260]
		] as const) {
			for (const direction of ['higher', 'lower'] as const) {
				const behind = isBehindPlan(planned, realised, { direction, tolerancePercent: 10 });
				const health = benefitHealth({
					direction,
					tolerancePercent: 10,
					planned,
					realised,
					format: String
				});
				expect(behind).toBe(health.status === 'behind');
			}
		}
	});

	it('reports the status at the last logged month', () => {
		const series: SeriesRow[] = [
			{ period: '2026-01', planned: 100, realised: 100 },
			{ period: '2026-02', planned: 200, realised: 150 },
			{ period: '2026-03', planned: 300, realised: null }
		];
		expect(latestPlanStatus(series)).toEqual({
			period: '2026-02',
			planned: 200,
			realised: 150,
			behind: true
		});
		expect(latestPlanStatus([{ period: '2026-01', planned: 1, realised: null }])).toBeNull();
	});

	it('rejects a tolerance outside 0–100', () => {
		expect(() => isBehindPlan(1, 1, { tolerancePercent: 120 })).toThrow(RangeError);
	});
});

describe('roll-ups', () => {
	const figures: BenefitFigures[] = [
		{ benefitId: 1, unit: 'kr', estimate: 1_000, planned: 500, realised: 400 },
		{ benefitId: 2, unit: 'kr', estimate: 2_000, planned: 1_000, realised: 900 },
		{ benefitId: 3, unit: 'timer', estimate: 100, planned: 50, realised: 10 },
		{ benefitId: 4, unit: 'antall', estimate: 7, planned: 7, realised: 7 }
	];
	// Benefit 2 is shared by tracks A and B (and appears twice in project P2).
	const memberships: BenefitMembership[] = [
		{ benefitId: 1, projectId: 'P1', trackId: 'A', level: 'bruker', missionId: 'M' },
		{ benefitId: 2, projectId: 'P2', trackId: 'A', level: 'system', missionId: 'M' },
		{ benefitId: 2, projectId: 'P2', trackId: 'B', level: 'system', missionId: 'M' },
		{ benefitId: 3, projectId: 'P2', trackId: 'B', level: 'system', missionId: 'M' },
		{ benefitId: 4, projectId: 'P1', trackId: 'A', level: 'bruker', missionId: 'M' }
	];

	it('counts a benefit shared by two tracks once for the mission', () => {
		expect(rollUp(figures, memberships, 'mission')).toEqual([
			{
				key: 'M',
				benefitCount: 4,
				kroner: { estimate: 3_000, planned: 1_500, realised: 1_300 },
				hours: { estimate: 100, planned: 50, realised: 10 }
			}
		]);
	});

	it('counts it once in each track and once in its project', () => {
		const tracks = rollUp(figures, memberships, 'track');
		expect(tracks.map((r) => [r.key, r.benefitCount, r.kroner.estimate, r.hours.estimate])).toEqual(
			[
				['A', 3, 3_000, 0],
				['B', 2, 2_000, 100]
			]
		);
		const projects = rollUp(figures, memberships, 'project');
		expect(projects.map((r) => [r.key, r.kroner.estimate])).toEqual([
			['P1', 1_000],
			['P2', 2_000]
		]);
		const levels = rollUp(figures, memberships, 'level');
		expect(levels.map((r) => [r.key, r.benefitCount])).toEqual([
			['bruker', 2],
			['system', 2]
		]);
	});

	it('adds series month by month, once per benefit', () => {
		const a: SeriesRow[] = [
			{ period: '2026-01', planned: 0, realised: 0 },
			{ period: '2026-02', planned: 100, realised: 50 },
			{ period: '2026-03', planned: 200, realised: null }
		];
		const b: SeriesRow[] = [
			{ period: '2026-02', planned: 0, realised: null },
			{ period: '2026-03', planned: 10, realised: null },
			{ period: '2026-04', planned: 20, realised: null }
		];
		const combined = combineSeries(
			new Map<string | number, SeriesRow[]>([
				['a', a],
				['b', b]
			])
		);
		expect(combined).toEqual([
			{ period: '2026-01', planned: 0, realised: 0 },
			{ period: '2026-02', planned: 100, realised: 50 },
			{ period: '2026-03', planned: 210, realised: null },
			{ period: '2026-04', planned: 220, realised: null }
		]);
		expect(combineSeries(new Map())).toEqual([]);
	});
});
