import { describe, expect, it } from 'vitest';
import { benefitResult, combinedKronerSeries, figuresFor, type BenefitFacts } from './figures';

const family: BenefitFacts = {
	id: 1,
	kind: 'kvantitativ',
	unit: 'kr',
	baselineValue: 0,
	baselineDate: '2026-01-15',
	targetValue: 1_200_000,
	targetDate: '2026-12-31',
	// Seed 001, page BRUKER, with the first line rounded to 75 000 kr (see demo/benefits.ts).
	lines: [
		{ amountPerCase: 75_000, cases: 1, sharePercent: 100 },
		{ amountPerCase: 80_000, cases: 1, sharePercent: 100 },
		{ amountPerCase: 1_500_000, cases: 1, sharePercent: 100 }
	],
	realisations: [
		{ id: 1, period: '2026-01', value: 10_000, createdAt: 1 },
		{ id: 2, period: '2026-02', value: 20_000, createdAt: 2 },
		// A correction of February: only this one counts.
		{ id: 3, period: '2026-02', value: 30_000, createdAt: 3, supersedesId: 2 }
	]
};

const settings = { hourlyRateKroner: 600, marginPercent: 20 };

describe('benefitResult', () => {
	it('prices the family story to 1 655 000 kr', () => {
		expect(benefitResult(family, settings).estimate).toEqual({
			lineTotals: [75_000, 80_000, 1_500_000],
			total: 1_655_000,
			kroner: 1_655_000
		});
	});

	it('counts only the superseding entry and flags a benefit behind plan', () => {
		const r = benefitResult(family, settings);
		// Planned in February: 1 200 000 × 1/11 = 109 091; realised 40 000 is far below.
		expect(r.status).toEqual({
			period: '2026-02',
			planned: 109_091,
			realised: 40_000,
			behind: true
		});
		expect(figuresFor(family, r)).toEqual({
			benefitId: 1,
			unit: 'kr',
			estimate: 1_655_000,
			planned: 109_091,
			realised: 40_000
		});
	});

	it('is on plan within the margin', () => {
		const r = benefitResult(
			{ ...family, realisations: [{ id: 1, period: '2026-02', value: 90_000, createdAt: 1 }] },
			settings
		);
		expect(r.status?.behind).toBe(false);
	});

	it('has no series without a plan', () => {
		const r = benefitResult({ ...family, targetDate: null }, settings);
		expect(r.series).toEqual([]);
		expect(r.status).toBeNull();
	});
});

describe('combinedKronerSeries', () => {
	it('adds hours at the timesats and counts a benefit once', () => {
		const hours: BenefitFacts = {
			...family,
			id: 2,
			unit: 'timer',
			targetValue: 11,
			lines: [],
			realisations: [{ id: 9, period: '2026-01', value: 1, createdAt: 1 }]
		};
		const a = { facts: family, result: benefitResult(family, settings) };
		const b = { facts: hours, result: benefitResult(hours, settings) };
		const rows = combinedKronerSeries([a, b, a], 600);
		expect(rows[0]).toEqual({ period: '2026-01', planned: 0, realised: 10_000 + 600 });
		expect(rows[1]).toEqual({ period: '2026-02', planned: 109_091 + 600, realised: 40_000 + 600 });
	});
});
