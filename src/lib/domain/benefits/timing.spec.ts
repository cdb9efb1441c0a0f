import { describe, expect, it } from 'vitest';
import {
	addMonths,
	hasReached,
	monthsBetween,
	shiftDay,
	shiftPlan,
	shortMonth,
	slipReason,
	startSlip,
	type MeasureTiming
} from './timing';

const m = (over: Partial<MeasureTiming> = {}): MeasureTiming => ({
	status: 'adopted',
	startDate: '2026-09-15',
	endDate: '2026-10-20',
	...over
});

describe('month arithmetic', () => {
	it('adds months across year ends, both ways', () => {
		expect(addMonths('2026-11', 3)).toBe('2027-02');
		expect(addMonths('2027-01', -1)).toBe('2026-12');
		expect(addMonths('2026-12', 12)).toBe('2027-12');
		expect(monthsBetween('2026-10', '2027-01-31')).toBe(3);
		expect(monthsBetween('2027-01', '2026-10')).toBe(-3);
	});

	it('keeps the day, clamped to the end of a shorter month', () => {
		expect(shiftDay('2027-01-31', 1)).toBe('2027-02-28');
		expect(shiftDay('2027-12-31', 2)).toBe('2028-02-29');
		expect(shiftDay('2026-10-15', 3)).toBe('2027-01-15');
	});

	it('names months in bokmål short form', () => {
		expect(shortMonth('2026-10')).toBe('okt. 2026');
		expect(shortMonth('2027-05')).toBe('mai 2027');
	});
});

describe('the plan shifting when the measure slips', () => {
	it('moves as many whole months as the planned date moved, across a year end', () => {
		const slip = startSlip(m(), m({ endDate: '2027-01-05' }), 'completed', '2026-06');
		expect(slip).toEqual({ months: 3, from: '2026-10', to: '2027-01' });
		const plan = [
			{ period: '2026-11', value: 100 },
			{ period: '2026-12', value: 250 }
		];
		expect(shiftPlan(plan, slip!.months)).toEqual([
			{ period: '2027-02', value: 100 },
			{ period: '2027-03', value: 250 }
		]);
	});

	it('reads the start date for every status before «Avsluttet»', () => {
		expect(startSlip(m(), m({ startDate: '2026-11-01' }), 'in_progress', '2026-06')?.months).toBe(
			2
		);
		// The end date is not the start date's business.
		expect(startSlip(m(), m({ endDate: '2027-06-01' }), 'in_progress', '2026-06')).toBeNull();
	});

	it('does not move when the measure is early, unchanged, or only moves within the month', () => {
		expect(startSlip(m(), m({ endDate: '2026-08-01' }), 'completed', '2026-06')).toBeNull();
		expect(startSlip(m(), m(), 'completed', '2026-06')).toBeNull();
		expect(startSlip(m(), m({ endDate: '2026-10-31' }), 'completed', '2026-06')).toBeNull();
	});

	it('does not move once the status is reached, nor for a rejected measure', () => {
		const late = m({ endDate: '2027-03-01' });
		expect(startSlip(m(), { ...late, status: 'completed' }, 'completed', '2026-06')).toBeNull();
		expect(startSlip(m(), { ...late, status: 'rejected' }, 'completed', '2026-06')).toBeNull();
		expect(startSlip(m(), m({ endDate: null }), 'completed', '2026-06')).toBeNull();
	});

	it('going back a status moves the plan to this month once the planned month has passed', () => {
		const reached = m({ status: 'recommended', startDate: '2026-03-01' });
		const back = { ...reached, status: 'proposed' as const };
		expect(startSlip(reached, back, 'recommended', '2026-06')).toEqual({
			months: 3,
			from: '2026-03',
			to: '2026-06'
		});
		// Still time to reach it again by the planned date: no move.
		expect(startSlip(reached, back, 'recommended', '2026-02')).toBeNull();
	});

	it('knows which statuses count as reached', () => {
		expect(hasReached('completed', 'in_progress')).toBe(true);
		expect(hasReached('adopted', 'in_progress')).toBe(false);
		expect(hasReached('rejected', 'recommended')).toBe(false);
	});

	it('says why in the request', () => {
		expect(slipReason('Digital søknad', { months: 1, from: '2026-10', to: '2026-11' })).toBe(
			'Tiltaket «Digital søknad» er forsinket fra oktober 2026 til november 2026; planen er flyttet 1 måned senere.'
		);
		expect(slipReason('Digital søknad', { months: 2, from: '2026-10', to: '2026-12' }, true)).toBe(
			'Tiltaket «Digital søknad» er forsinket fra oktober 2026 til desember 2026; planen bør flyttes 2 måneder senere.'
		);
	});
});
