import { describe, expect, it } from 'vitest';
import { plannedPath } from './gain-realisation';
import {
	addMonths,
	hasReached,
	monthsBetween,
	movePath,
	rejectedDelayReason,
	requesterWords,
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

	it('measures from the month the plan already counts on, so an earlier slip counts once', () => {
		// The plan counts on January after a slip the measure's own date does not show.
		const slip = startSlip(m(), m({ endDate: '2027-03-05' }), 'completed', '2026-06', '2027-01');
		expect(slip).toEqual({ months: 2, from: '2027-01', to: '2027-03' });
		expect(
			startSlip(m(), m({ endDate: '2026-12-05' }), 'completed', '2026-06', '2027-01')
		).toBeNull();
		// An earlier counted-on month than the date changes nothing.
		expect(startSlip(m(), m({ endDate: '2027-01-05' }), 'completed', '2026-06', '2026-01')).toEqual(
			{
				months: 3,
				from: '2026-10',
				to: '2027-01'
			}
		);
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

describe('movePath', () => {
	const baseline = { date: '2026-01-15', value: 0 };
	const target = { date: '2026-12-31', value: 1100 };

	it('writes a straight line out month by month and moves it, the baseline fixed', () => {
		const moved = movePath([], baseline, target, 3);
		expect(moved[0]).toEqual({ period: '2026-02', value: 0 });
		expect(moved.slice(0, 4).map((p) => p.value)).toEqual([0, 0, 0, 100]);
		// The old target month holds what the line held three months before its end.
		expect(moved.find((p) => p.period === '2026-12')?.value).toBe(800);
		expect(moved.at(-1)).toEqual({ period: '2027-03', value: 1100 });
		expect(moved).toHaveLength(14);
	});

	it('draws, against the moved target, the old line three months later', () => {
		const moved = movePath([], baseline, target, 3);
		const before = plannedPath(baseline, target);
		const after = plannedPath(
			baseline,
			{ date: '2027-03-31', value: 1100 },
			moved.map((p) => ({ period: p.period, planned: p.value }))
		);
		expect(after.slice(0, 4).every((p) => p.planned === 0)).toBe(true);
		for (const p of before) {
			const later = after.find((q) => q.period === addMonths(p.period, 3));
			expect(later?.planned).toBe(p.planned);
		}
	});

	it("keeps the straight line's own rounding, downwards too", () => {
		const moved = movePath([], { date: '2026-01', value: 10 }, { date: '2026-04', value: 0 }, 1);
		const line = plannedPath({ date: '2026-01', value: 10 }, { date: '2026-04', value: 0 });
		expect(line.map((p) => p.planned)).toEqual([10, 7, 3, 0]);
		expect(moved).toEqual([
			{ period: '2026-02', value: 10 },
			{ period: '2026-03', value: 7 },
			{ period: '2026-04', value: 3 },
			{ period: '2026-05', value: 0 }
		]);
	});

	it('moves a target in the baseline month to the moved month', () => {
		expect(
			movePath([], { date: '2026-05-01', value: 5 }, { date: '2026-05-31', value: 9 }, 2)
		).toEqual([
			{ period: '2026-06', value: 5 },
			{ period: '2026-07', value: 9 }
		]);
	});

	it('moves given months as they are, and leaves a line that cannot be drawn empty', () => {
		const plan = [{ period: '2026-06', value: 40 }];
		expect(movePath(plan, baseline, target, 2)).toEqual([{ period: '2026-08', value: 40 }]);
		expect(movePath([], { date: null, value: null }, target, 2)).toEqual([]);
		expect(movePath([], baseline, { date: '2026-06-30', value: null }, 2)).toEqual([]);
		expect(movePath([], { date: '2027-01-01', value: 0 }, target, 2)).toEqual([]);
		expect(movePath([], baseline, target, 0)).toEqual([]);
	});
});

describe('requesterWords', () => {
	const slip = { months: 3, from: '2026-03', to: '2026-06' };

	it('names a request the system made as automatic, with who changed the measure', () => {
		expect(requesterWords(slipReason('Ny portal; fase 2', slip, true), 'Kari')).toBe(
			'Automatisk, da Kari endret tiltaket'
		);
		expect(requesterWords(slipReason('X', { ...slip, months: 1 }, true), null)).toBe('Automatisk');
		expect(requesterWords(rejectedDelayReason(4, 2), null)).toBe('Automatisk');
	});

	it('names the person who wrote their own reason', () => {
		expect(requesterWords('Høyere mål', 'Kari')).toBe('Kari');
		expect(requesterWords('Tiltaket «X» er forsinket, og målet bør ned.', 'Kari')).toBe('Kari');
		expect(requesterWords('Høyere mål', null)).toBeNull();
	});
});
