import { describe, expect, it } from 'vitest';
import {
	daysInMonth,
	dueDate,
	dueMonths,
	periodHasBegun,
	isMonth,
	monthName,
	monthShortName,
	occurrenceStatus,
	occurrencesForYear
} from './schedule';
import { OCCURRENCE_STATUS_LABEL as STATUS_LABELS } from './vocabulary';

describe('dueMonths', () => {
	it('gives all twelve months for a monthly task', () => {
		expect(dueMonths({ kind: 'monthly', dueDay: null })).toEqual([
			1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12
		]);
	});

	it('gives the chosen months sorted and once each', () => {
		expect(dueMonths({ kind: 'months', months: [9, 3, 9], dueDay: null })).toEqual([3, 9]);
	});

	it('gives the single month of a yearly task', () => {
		expect(dueMonths({ kind: 'yearly', month: 4, dueDay: 15 })).toEqual([4]);
	});
});

describe('daysInMonth', () => {
	it('knows leap Februaries, 30-day and 31-day months', () => {
		expect(daysInMonth(2024, 2)).toBe(29);
		expect(daysInMonth(2026, 2)).toBe(28);
		expect(daysInMonth(2000, 2)).toBe(29);
		expect(daysInMonth(2100, 2)).toBe(28);
		expect(daysInMonth(2026, 4)).toBe(30);
		expect(daysInMonth(2026, 12)).toBe(31);
	});
});

describe('dueDate', () => {
	it('puts "last day" on 29 February in a leap year and 28 February otherwise', () => {
		expect(dueDate(2024, 2, null)).toBe('2024-02-29');
		expect(dueDate(2026, 2, null)).toBe('2026-02-28');
	});

	it('clamps day 31 to the end of 30-day months and February', () => {
		expect(dueDate(2026, 4, 31)).toBe('2026-04-30');
		expect(dueDate(2026, 9, 31)).toBe('2026-09-30');
		expect(dueDate(2026, 2, 31)).toBe('2026-02-28');
		expect(dueDate(2024, 2, 30)).toBe('2024-02-29');
		expect(dueDate(2026, 1, 31)).toBe('2026-01-31');
	});

	it('keeps a due day that exists and pads it', () => {
		expect(dueDate(2026, 3, 1)).toBe('2026-03-01');
		expect(dueDate(2026, 11, 15)).toBe('2026-11-15');
	});

	it('rejects a due day outside 1–31', () => {
		expect(() => dueDate(2026, 1, 0)).toThrow(RangeError);
		expect(() => dueDate(2026, 1, 32)).toThrow(RangeError);
		expect(() => dueDate(2026, 1, 1.5)).toThrow(RangeError);
	});
});

describe('occurrencesForYear', () => {
	it('makes one occurrence per task per due month, ordered by due date', () => {
		const occurrences = occurrencesForYear(
			[
				{ id: 'halvår', schedule: { kind: 'months', months: [9, 3], dueDay: null } },
				{ id: 'hms', schedule: { kind: 'yearly', month: 4, dueDay: 10 } },
				{ id: 'ressurs', schedule: { kind: 'yearly', month: 1, dueDay: 31 } }
			],
			2026
		);
		expect(occurrences).toEqual([
			{ taskId: 'ressurs', period: '2026-01', dueDate: '2026-01-31' },
			{ taskId: 'halvår', period: '2026-03', dueDate: '2026-03-31' },
			{ taskId: 'hms', period: '2026-04', dueDate: '2026-04-10' },
			{ taskId: 'halvår', period: '2026-09', dueDate: '2026-09-30' }
		]);
	});

	it('gives a monthly task twelve occurrences with clamped due dates', () => {
		const occurrences = occurrencesForYear(
			[{ id: 1, schedule: { kind: 'monthly', dueDay: 30 } }],
			2024
		);
		expect(occurrences).toHaveLength(12);
		expect(occurrences.map((o) => o.dueDate).slice(0, 4)).toEqual([
			'2024-01-30',
			'2024-02-29',
			'2024-03-30',
			'2024-04-30'
		]);
		expect(occurrences.every((o) => o.dueDate.startsWith(o.period))).toBe(true);
	});

	it('keeps template order for tasks due the same day', () => {
		const occurrences = occurrencesForYear(
			[
				{ id: 'b', schedule: { kind: 'yearly', month: 2, dueDay: null } },
				{ id: 'a', schedule: { kind: 'yearly', month: 2, dueDay: null } }
			],
			2026
		);
		expect(occurrences.map((o) => o.taskId)).toEqual(['b', 'a']);
	});
});

describe('occurrenceStatus', () => {
	const dueJan31 = { dueDate: '2026-01-31' };

	it('is due on the last Oslo minute of the due day in winter (CET, UTC+1)', () => {
		expect(occurrenceStatus(dueJan31, new Date('2026-01-31T22:59:59Z'))).toBe('due');
	});

	it('is overdue from 00:00 Oslo time the day after (CET)', () => {
		expect(occurrenceStatus(dueJan31, new Date('2026-01-31T23:00:00Z'))).toBe('overdue');
	});

	it('uses UTC+2 for the boundary in summer (CEST)', () => {
		const dueJun30 = { dueDate: '2026-06-30' };
		expect(occurrenceStatus(dueJun30, new Date('2026-06-30T21:59:59Z'))).toBe('due');
		expect(occurrenceStatus(dueJun30, new Date('2026-06-30T22:00:00Z'))).toBe('overdue');
	});

	it('is due all through its month until the due day has passed', () => {
		const dueMid = { dueDate: '2026-03-15' };
		expect(occurrenceStatus(dueMid, new Date('2026-02-28T22:59:59Z'))).toBe('future');
		expect(occurrenceStatus(dueMid, new Date('2026-02-28T23:00:00Z'))).toBe('due');
		expect(occurrenceStatus(dueMid, new Date('2026-03-15T12:00:00Z'))).toBe('due');
		expect(occurrenceStatus(dueMid, new Date('2026-03-16T12:00:00Z'))).toBe('overdue');
	});

	it('is future in a later month and in a later year', () => {
		const now = new Date('2026-01-10T12:00:00Z');
		expect(occurrenceStatus({ dueDate: '2026-02-28' }, now)).toBe('future');
		expect(occurrenceStatus({ dueDate: '2027-01-31' }, now)).toBe('future');
	});

	it('is signed when signed late in the evening of the due day, Oslo time', () => {
		const now = new Date('2026-03-01T12:00:00Z');
		const signedAt = new Date('2026-01-31T22:30:00Z'); // 23:30 in Oslo
		expect(occurrenceStatus({ ...dueJan31, signedAt }, now)).toBe('signed');
	});

	it('is signed late when signed just after Oslo midnight, though still 31 January in UTC', () => {
		const now = new Date('2026-03-01T12:00:00Z');
		const signedAt = new Date('2026-01-31T23:00:00Z'); // 00:00 1 February in Oslo
		expect(occurrenceStatus({ ...dueJan31, signedAt }, now)).toBe('signed_late');
	});

	it('judges a summer signature with UTC+2', () => {
		const now = new Date('2026-08-01T12:00:00Z');
		const due = { dueDate: '2026-06-30' };
		expect(occurrenceStatus({ ...due, signedAt: new Date('2026-06-30T21:59:00Z') }, now)).toBe(
			'signed'
		);
		expect(occurrenceStatus({ ...due, signedAt: new Date('2026-06-30T22:01:00Z') }, now)).toBe(
			'signed_late'
		);
	});

	it('is signed for a signature ahead of time, whatever now is', () => {
		const signedAt = new Date('2026-01-05T09:00:00Z');
		expect(occurrenceStatus({ ...dueJan31, signedAt }, new Date('2026-01-06T09:00:00Z'))).toBe(
			'signed'
		);
	});

	it('treats a null signature as unsigned', () => {
		const now = new Date('2026-02-02T12:00:00Z');
		expect(occurrenceStatus({ ...dueJan31, signedAt: null }, now)).toBe('overdue');
	});
});

describe('labels', () => {
	it('names statuses and months in bokmål', () => {
		expect(STATUS_LABELS).toEqual({
			signed: 'Signert',
			signed_late: 'Signert for sent',
			due: 'Til signering',
			overdue: 'Forfalt',
			future: 'Fremtidig'
		});
		expect(monthName(1)).toBe('januar');
		expect(monthName(12)).toBe('desember');
		expect(monthShortName(5)).toBe('mai');
		expect(monthShortName(9)).toBe('sep');
	});

	it('recognises month numbers', () => {
		expect(isMonth(1)).toBe(true);
		expect(isMonth(12)).toBe(true);
		expect(isMonth(0)).toBe(false);
		expect(isMonth(13)).toBe(false);
		expect(isMonth(2.5)).toBe(false);
	});
});

describe('clock changes', () => {
	it('is overdue from 00:00 Oslo after a due day that is itself the spring clock change', () => {
		// 29 March 2026: clocks go from 02:00 CET to 03:00 CEST; the next midnight is 22:00 UTC.
		const due = { dueDate: '2026-03-29' };
		expect(occurrenceStatus(due, new Date('2026-03-29T21:59:59Z'))).toBe('due');
		expect(occurrenceStatus(due, new Date('2026-03-29T22:00:00Z'))).toBe('overdue');
	});

	it('is overdue from 00:00 Oslo after the autumn clock change day', () => {
		// 25 October 2026: clocks go back from 03:00 CEST to 02:00 CET; midnight is 23:00 UTC.
		const due = { dueDate: '2026-10-25' };
		expect(occurrenceStatus(due, new Date('2026-10-25T22:59:59Z'))).toBe('due');
		expect(occurrenceStatus(due, new Date('2026-10-25T23:00:00Z'))).toBe('overdue');
	});
});

describe('leap years in occurrences', () => {
	it('puts a yearly «29th of February» task on the 29th in leap years, the 28th otherwise', () => {
		const tasks = [{ id: 'a', schedule: { kind: 'yearly', month: 2, dueDay: 29 } as const }];
		expect(occurrencesForYear(tasks, 2028)[0]?.dueDate).toBe('2028-02-29');
		expect(occurrencesForYear(tasks, 2027)[0]?.dueDate).toBe('2027-02-28');
		expect(occurrencesForYear(tasks, 2100)[0]?.dueDate).toBe('2100-02-28');
	});
});

describe('a period begins on its first Oslo day', () => {
	it('begins at 00:00 Oslo on the 1st, not at 00:00 UTC', () => {
		// 1 January 2027 00:00 Oslo (CET, UTC+1) = 31 December 2026 23:00 UTC.
		expect(periodHasBegun('2027-01', new Date('2026-12-31T22:59:59Z'))).toBe(false);
		expect(periodHasBegun('2027-01', new Date('2026-12-31T23:00:00Z'))).toBe(true);
		// 1 April 2027 00:00 Oslo (CEST, UTC+2) = 31 March 22:00 UTC.
		expect(periodHasBegun('2027-04', new Date('2027-03-31T21:59:59Z'))).toBe(false);
		expect(periodHasBegun('2027-04', new Date('2027-03-31T22:00:00Z'))).toBe(true);
	});

	it('keeps past and current periods open and far-future ones closed', () => {
		const now = new Date('2026-12-01T12:00:00Z');
		expect(periodHasBegun('2026-11', now)).toBe(true);
		expect(periodHasBegun('2026-12', now)).toBe(true);
		expect(periodHasBegun('2027-01', now)).toBe(false);
		expect(periodHasBegun('2099-12', now)).toBe(false);
	});
});
