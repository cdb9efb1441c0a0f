import { describe, expect, it } from 'vitest';
import { hoursAsKroner, kronerWithHours, netAmounts, netSumRow, NO_AMOUNTS, NO_SUMS } from './net';

describe('netAmounts', () => {
	it('subtracts the dis-benefits from the gross gains, figure by figure', () => {
		// The family story (ASB's gevinstarbeid) against 200 000 kr of extra training.
		const n = netAmounts(
			{ estimate: 1_653_530, planned: 800_000, realised: 650_000 },
			{ estimate: 200_000, planned: 120_000, realised: 150_000 }
		);
		expect(n.net).toEqual({ estimate: 1_453_530, planned: 680_000, realised: 500_000 });
		expect(n.gross.estimate).toBe(1_653_530);
		expect(n.disbenefits.realised).toBe(150_000);
	});
	it('is negative when the harm outweighs the gain', () => {
		expect(netAmounts(NO_AMOUNTS, { estimate: 5, planned: 3, realised: 1 }).net).toEqual({
			estimate: -5,
			planned: -3,
			realised: -1
		});
	});
	it('leaves the gross as it is when there are no dis-benefits', () => {
		const gross = { estimate: 10, planned: 4, realised: 2 };
		expect(netAmounts(gross, NO_AMOUNTS).net).toEqual(gross);
	});
});

describe('hours in kroner', () => {
	const hours = netAmounts(
		{ estimate: 100, planned: 40, realised: 30 },
		{ estimate: 20, planned: 10, realised: 15 }
	);
	it('prices gross, dis-benefits and net at the timesats', () => {
		const kr = hoursAsKroner(hours, 500);
		expect(kr.gross.estimate).toBe(50_000);
		expect(kr.disbenefits.realised).toBe(7_500);
		expect(kr.net).toEqual({ estimate: 40_000, planned: 15_000, realised: 7_500 });
	});
	it('adds hours to kroner at the rate, and leaves them out without one', () => {
		const kroner = netAmounts(
			{ estimate: 1_000, planned: 0, realised: 0 },
			{ estimate: 300, planned: 0, realised: 0 }
		);
		expect(kronerWithHours(kroner, hours, 10).net.estimate).toBe(1_000 - 300 + 1_000 - 200);
		expect(kronerWithHours(kroner, hours, null)).toBe(kroner);
	});
});

describe('netSumRow', () => {
	it('turns SQL sums into gross, dis-benefits and net per unit, hours also in kroner', () => {
		const row = netSumRow(
			{
				...NO_SUMS,
				benefits: 3,
				disbenefits: 1,
				krEstimate: 1_653_530,
				krDisEstimate: 200_000,
				hPlanned: 120,
				hDisPlanned: 20
			},
			'1',
			'Hele misjonen',
			600
		);
		expect(row.benefitCount).toBe(3);
		expect(row.disbenefitCount).toBe(1);
		expect(row.kroner.net.estimate).toBe(1_453_530);
		expect(row.hours.net.planned).toBe(100);
		expect(row.hoursInKroner?.net.planned).toBe(60_000);
		expect(netSumRow(NO_SUMS, 'x', 'x', null).hoursInKroner).toBeNull();
	});
});
