import { osloDay } from '$lib/format';
import type { OccurrenceStatus } from './vocabulary';

export type Month = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12;

export const MONTHS: readonly Month[] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

/** Day of the month a task is due; `null` means the last day of the month (the default). */
export type DueDay = number | null;

/**
 * How often a task recurs (seed 004, «Årshjul enhet bo og habilitering»): some tasks every
 * month, some in given months (halvårsevaluering in March and September), some once a year.
 */
export type Schedule =
	| { kind: 'monthly'; dueDay: DueDay }
	| { kind: 'months'; months: readonly Month[]; dueDay: DueDay }
	| { kind: 'yearly'; month: Month; dueDay: DueDay };

const MONTH_NAMES: Record<Month, string> = {
	1: 'januar',
	2: 'februar',
	3: 'mars',
	4: 'april',
	5: 'mai',
	6: 'juni',
	7: 'juli',
	8: 'august',
	9: 'september',
	10: 'oktober',
	11: 'november',
	12: 'desember'
};

/** Norwegian month names are lower case mid-sentence: «januar». */
export function monthName(month: Month): string {
	return MONTH_NAMES[month];
}

/** «jan», «feb», … «des», for axes and narrow columns. */
export function monthShortName(month: Month): string {
	return MONTH_NAMES[month].slice(0, 3);
}

export function isMonth(value: number): value is Month {
	return Number.isInteger(value) && value >= 1 && value <= 12;
}

export function daysInMonth(year: number, month: Month): number {
	// Day 0 of the next month is the last day of this one; UTC avoids any DST shift.
	return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The months a schedule falls due in, ascending and without repeats. */
export function dueMonths(schedule: Schedule): Month[] {
	switch (schedule.kind) {
		case 'monthly':
			return [...MONTHS];
		case 'months':
			return [...new Set(schedule.months)].sort((a, b) => a - b);
		case 'yearly':
			return [schedule.month];
	}
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `YYYY-MM`, the period an occurrence belongs to. */
export function period(year: number, month: Month): string {
	return `${year}-${pad(month)}`;
}

/**
 * The calendar day `YYYY-MM-DD` a task is due. A due day past the month's end (31 in April,
 * 30 in February) falls on the last day, so «den 31.» still means «innen utgangen av måneden».
 */
export function dueDate(year: number, month: Month, dueDay: DueDay): string {
	if (dueDay !== null && !(Number.isInteger(dueDay) && dueDay >= 1 && dueDay <= 31)) {
		throw new RangeError(`Due day must be 1–31 or null, got ${dueDay}`);
	}
	const last = daysInMonth(year, month);
	return `${period(year, month)}-${pad(Math.min(dueDay ?? last, last))}`;
}

export interface ScheduledTask<Id> {
	id: Id;
	schedule: Schedule;
}

export interface Occurrence<Id> {
	taskId: Id;
	/** `YYYY-MM` */
	period: string;
	/** `YYYY-MM-DD`, always inside `period`. */
	dueDate: string;
}

/** One occurrence per task per due month of `year`, in due-date order (ties keep task order). */
export function occurrencesForYear<Id>(
	tasks: readonly ScheduledTask<Id>[],
	year: number
): Occurrence<Id>[] {
	const occurrences = tasks.flatMap((task) =>
		dueMonths(task.schedule).map((month) => ({
			taskId: task.id,
			period: period(year, month),
			dueDate: dueDate(year, month, task.schedule.dueDay)
		}))
	);
	// Array.prototype.sort is stable, so tasks due the same day stay in template order.
	return occurrences.sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0));
}

/**
 * Judged by Oslo calendar days: a task due 31 January is on time if signed any time on
 * 31 January in Oslo, and late (or overdue, unsigned) from 1 February 00:00 Oslo time.
 */
export function signedLate(signedAt: Date, dueDate: string): boolean {
	return osloDay(signedAt) > dueDate;
}

/** Status judged by Oslo calendar days, as `signedLate` says. */
export function occurrenceStatus(
	occurrence: { dueDate: string; signedAt?: Date | null },
	now: Date
): OccurrenceStatus {
	const { dueDate: due, signedAt } = occurrence;
	if (signedAt) return signedLate(signedAt, due) ? 'signed_late' : 'signed';
	const today = osloDay(now);
	if (today > due) return 'overdue';
	// ISO days compare as strings; the first seven characters are the month.
	return today.slice(0, 7) === due.slice(0, 7) ? 'due' : 'future';
}

/**
 * A period may be signed from its first day, Oslo time, on: a sign-off declares that the
 * control was carried out (internkontrollforskriften § 6), which cannot be true of a month that
 * has not begun. Periods are `YYYY-MM`, so they compare as strings.
 */
export function periodHasBegun(period: string, now: Date): boolean {
	return osloDay(now).slice(0, 7) >= period;
}
