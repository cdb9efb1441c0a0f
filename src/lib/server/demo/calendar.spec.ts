import { describe, expect, it } from 'vitest';
import { demoCalendar } from './calendar';

describe('demoCalendar', () => {
	it('counts months from now’s month in Oslo, across years', () => {
		// 23:30 UTC on 31 December is already January in Oslo.
		const cal = demoCalendar(new Date('2026-12-31T23:30:00Z'));
		expect(cal.month(0)).toBe('2027-01');
		expect(cal.month(-1)).toBe('2026-12');
		expect(cal.month(-13)).toBe('2025-12');
		expect(cal.month(11)).toBe('2027-12');
		expect(cal.day(1, 'last')).toBe('2027-02-28');
		expect(cal.day(1, 31)).toBe('2027-02-28');
	});

	it('never dates anything after now', () => {
		const now = new Date('2026-03-02T08:00:00Z');
		const cal = demoCalendar(now);
		expect(cal.at(0, 10)).toEqual(now);
		expect(cal.at(-1, 10)).toEqual(new Date('2026-02-10T09:00:00Z'));
	});
});
