/**
 * The demo's calendar: every date in the demo is a number of months before or after the month
 * it is loaded in (`now`, given by the caller; no clock is read here), so the history reads the
 * same whenever the demo is started: status changes, reports and realisations spread over the
 * past year, plans reaching into the next. Month 0 is `now`'s month in Oslo.
 */
import { osloDay } from '$lib/format';

export interface DemoCalendar {
	now: Date;
	/** `YYYY-MM` of the month `offset` months from now's (−1 = last month). */
	month(offset: number): string;
	/** `YYYY-MM-DD`: day `day` of that month, or its last day when `day` is 'last'. */
	day(offset: number, day: number | 'last'): string;
	/**
	 * 10:00 Oslo time (09:00 UTC in winter, 08:00 in summer: within the hour is all the demo
	 * needs) on that day, but never after `now`: nothing in the demo happened in the future.
	 */
	at(offset: number, day: number, hour?: number): Date;
}

export function demoCalendar(now: Date): DemoCalendar {
	const [y, m] = osloDay(now).split('-').map(Number) as [number, number];
	const index = y * 12 + (m - 1);
	const month = (offset: number) => {
		const i = index + offset;
		return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
	};
	const lastDay = (offset: number) => {
		const i = index + offset;
		return new Date(Date.UTC(Math.floor(i / 12), (i % 12) + 1, 0)).getUTCDate();
	};
	const day = (offset: number, d: number | 'last') => {
		const n = d === 'last' ? lastDay(offset) : Math.min(d, lastDay(offset));
		return `${month(offset)}-${String(n).padStart(2, '0')}`;
	};
	const at = (offset: number, d: number, hour = 9) => {
		const t = new Date(`${day(offset, d)}T${String(hour).padStart(2, '0')}:00:00Z`);
		return t.getTime() > now.getTime() ? now : t;
	};
	return { now, month, day, at };
}
