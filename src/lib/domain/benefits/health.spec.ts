import { describe, expect, it } from 'vitest';
import {
	benefitHealth,
	forecastAtEnd,
	forecastMonths,
	forecastRollup,
	isAtRisk,
	planStatusOf
} from './health';

const kr = (n: number) => `${n} kr`;
const base = { tolerancePercent: 10, format: kr } as const;

describe('benefitHealth, higher is better', () => {
	it('is behind when realised is below plan by more than the tolerance, and says so', () => {
		const h = benefitHealth({
			...base,
			direction: 'higher',
			planned: 1_400_000,
			realised: 1_200_000
		});
		expect(h.status).toBe('behind');
		expect(h.label).toBe('Bak plan');
		expect(h.sentence).toBe(
			'Realisert 1200000 kr er 14 % under plan (1400000 kr); toleransen er 10 %, så gevinsten er bak plan.'
		);
	});
	it('is on track exactly on the tolerance, behind one unit past it', () => {
		expect(
			benefitHealth({ ...base, direction: 'higher', planned: 1000, realised: 900 }).status
		).toBe('on_track');
		expect(
			benefitHealth({ ...base, direction: 'higher', planned: 1000, realised: 899 }).status
		).toBe('behind');
	});
	it('is on track above plan, however far', () => {
		const h = benefitHealth({ ...base, direction: 'higher', planned: 100, realised: 500 });
		expect(h.status).toBe('on_track');
		expect(h.sentence).toContain('er 400 % over plan');
	});
	it('is at risk when realised is within but the forecast for the end is outside', () => {
		const h = benefitHealth({
			...base,
			direction: 'higher',
			planned: 1000,
			realised: 950,
			plannedAtEnd: 5000,
			forecastAtEnd: 4000
		});
		expect(h.status).toBe('at_risk');
		expect(h.sentence).toContain(
			'men prognosen ved måldato, 4000 kr, er 20 % under plan (5000 kr)'
		);
		expect(h.sentence).toMatch(/i faresonen\.$/);
	});
	it('is on track when the forecast is within tolerance', () => {
		const h = benefitHealth({
			...base,
			direction: 'higher',
			planned: 1000,
			realised: 1000,
			plannedAtEnd: 5000,
			forecastAtEnd: 4500
		});
		expect(h.status).toBe('on_track');
		expect(h.sentence).toContain('Realisert 1000 kr er på plan (1000 kr)');
	});
	it('behind wins over a good forecast', () => {
		expect(
			benefitHealth({
				...base,
				direction: 'higher',
				planned: 1000,
				realised: 500,
				plannedAtEnd: 5000,
				forecastAtEnd: 6000
			}).status
		).toBe('behind');
	});
	it('with zero tolerance any shortfall is behind', () => {
		expect(
			benefitHealth({
				...base,
				tolerancePercent: 0,
				direction: 'higher',
				planned: 1000,
				realised: 999
			}).status
		).toBe('behind');
	});
	it('with a plan of 0, any shortfall is behind and no percent is claimed', () => {
		const h = benefitHealth({ ...base, direction: 'higher', planned: 0, realised: -5 });
		expect(h.status).toBe('behind');
		expect(h.sentence).toContain('er under plan (0 kr)');
	});
	it('refuses a tolerance outside 0–100', () => {
		expect(() =>
			benefitHealth({
				...base,
				tolerancePercent: 101,
				direction: 'higher',
				planned: 1,
				realised: 1
			})
		).toThrow(RangeError);
		expect(() =>
			benefitHealth({ ...base, tolerancePercent: -1, direction: 'higher', planned: 1, realised: 1 })
		).toThrow(RangeError);
	});
});

describe('benefitHealth, lower is better', () => {
	it('is behind when realised is above plan by more than the tolerance', () => {
		const h = benefitHealth({ ...base, direction: 'lower', planned: 800, realised: 900 });
		expect(h.status).toBe('behind');
		expect(h.sentence).toContain('er 13 % over plan (800 kr)');
	});
	it('is on track below plan and exactly on the tolerance above', () => {
		expect(benefitHealth({ ...base, direction: 'lower', planned: 800, realised: 500 }).status).toBe(
			'on_track'
		);
		expect(benefitHealth({ ...base, direction: 'lower', planned: 800, realised: 880 }).status).toBe(
			'on_track'
		);
		expect(benefitHealth({ ...base, direction: 'lower', planned: 800, realised: 881 }).status).toBe(
			'behind'
		);
	});
	it('is at risk when the forecast ends above plan by more than the tolerance', () => {
		const h = benefitHealth({
			...base,
			direction: 'lower',
			planned: 800,
			realised: 800,
			plannedAtEnd: 600,
			forecastAtEnd: 700
		});
		expect(h.status).toBe('at_risk');
	});
	it('a forecast far below plan is on track', () => {
		expect(
			benefitHealth({
				...base,
				direction: 'lower',
				planned: 800,
				realised: 800,
				plannedAtEnd: 600,
				forecastAtEnd: 100
			}).status
		).toBe('on_track');
	});
});

describe('forecastAtEnd', () => {
	// Planned 100 a month from October; realised up to October.
	const rows = [
		{ period: '2026-10', planned: 100, realised: 100 },
		{ period: '2026-11', planned: 200, realised: null },
		{ period: '2026-12', planned: 300, realised: null },
		{ period: '2027-01', planned: 400, realised: null }
	];
	const f = [
		{ period: '2026-11', value: 10 },
		{ period: '2026-12', value: 20 },
		{ period: '2027-01', value: 40 }
	];
	it('adds forecasts after the last realised month up to the target month', () => {
		expect(forecastAtEnd(rows, f)).toBe(170);
		expect(forecastAtEnd(rows.slice(0, 3), f)).toBe(130);
	});
	it('a month without a forecast carries the plan, not 0', () => {
		// December has no forecast: it adds its planned 100, so 100 + 10 + 100 + 40.
		const gap = f.filter((x) => x.period !== '2026-12');
		expect(forecastAtEnd(rows, gap)).toBe(250);
		expect(forecastMonths(rows, gap).map((m) => [m.period, m.step, m.forecast])).toEqual([
			['2026-11', 10, true],
			['2026-12', 100, false],
			['2027-01', 40, true]
		]);
	});
	it('is null when nothing is forecast ahead, or nothing realised', () => {
		expect(forecastAtEnd(rows, [{ period: '2026-10', value: 5 }])).toBeNull();
		expect(forecastAtEnd([{ ...rows[0]!, realised: null }, ...rows.slice(1)], f)).toBeNull();
	});
});

describe('forecastRollup', () => {
	it('sums each month across benefits; a month a benefit has no forecast for counts its plan', () => {
		const a = [
			{ period: '2026-10', planned: 0, realised: 0 },
			{ period: '2026-11', planned: 5, realised: null },
			{ period: '2026-12', planned: 10, realised: null }
		];
		const b = [
			{ period: '2026-10', planned: 0, realised: 0 },
			{ period: '2026-11', planned: 1, realised: null }
		];
		expect(
			forecastRollup([
				{ rows: a, forecasts: [{ period: '2026-12', value: 3 }] },
				{ rows: b, forecasts: [{ period: '2026-11', value: 4 }] },
				{ rows: b, forecasts: [] }
			])
		).toEqual([
			{ period: '2026-11', value: 9 },
			{ period: '2026-12', value: 3 }
		]);
		expect(forecastRollup([])).toEqual([]);
	});
});

describe('isAtRisk', () => {
	const at = (over: Partial<Parameters<typeof isAtRisk>[0]>) =>
		isAtRisk({
			direction: 'higher',
			tolerancePercent: 10,
			planned: 1000,
			realised: 1000,
			plannedAtEnd: 5000,
			forecastAtEnd: 4000,
			...over
		});

	it('is «i faresonen» exactly when the benefit page says so', () => {
		for (const forecast of [4000, 4500, 4499, 5000, 6000, null]) {
			for (const realised of [1000, 850]) {
				const input = {
					direction: 'higher' as const,
					tolerancePercent: 10,
					planned: 1000,
					realised,
					plannedAtEnd: 5000,
					forecastAtEnd: forecast
				};
				const health = benefitHealth({ ...input, format: kr }).status;
				expect(isAtRisk(input), `${realised} ${forecast}`).toBe(health === 'at_risk');
			}
		}
	});

	it('needs a forecast, is never also behind, and follows the direction', () => {
		expect(at({})).toBe(true);
		expect(at({ forecastAtEnd: null })).toBe(false);
		expect(at({ realised: 800 })).toBe(false); // behind instead
		expect(at({ forecastAtEnd: 4500 })).toBe(false); // exactly on the tolerance
		expect(at({ direction: 'lower', forecastAtEnd: 5600 })).toBe(true);
		expect(at({ direction: 'lower', forecastAtEnd: 4000 })).toBe(false);
	});

	it('gives one status for a listed row, behind before at risk', () => {
		expect(planStatusOf({ statusPeriod: null, behind: 0, atRisk: 0 })).toBe('none');
		expect(planStatusOf({ statusPeriod: '2026-06', behind: 1, atRisk: 0 })).toBe('behind');
		expect(planStatusOf({ statusPeriod: '2026-06', behind: 0, atRisk: 1 })).toBe('at_risk');
		expect(planStatusOf({ statusPeriod: '2026-06', behind: 0, atRisk: 0 })).toBe('on_plan');
	});
});
