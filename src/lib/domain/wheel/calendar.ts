/**
 * A task's calendar: the months it falls due in under each schedule it has had, and the bounds
 * of its live occurrences. The same rules as taskOccurrencesForYear and unitOccurrences
 * (occurrences.ts), put in a form SQL can join: one row per due month per schedule
 * period, free of any year. The database keeps these rows (wheel_task_month) so that
 * occurrences for many units are one set-based query; this module is what writes them, and
 * what the tests hold them to.
 */
import { osloDay } from '$lib/format';
import {
	daysInMonth,
	dueDate,
	dueMonths,
	period,
	MONTHS,
	type DueDay,
	type Month,
	type Occurrence
} from './schedule';
import { taskSchedule, type TaskLike } from './occurrences';

/** One due month under one schedule, which applies to periods in [fromPeriod, untilPeriod). */
export interface CalendarMonth {
	month: Month;
	dueDay: DueDay;
	/** `YYYY-MM`, inclusive; '' for a schedule in force from the start. */
	fromPeriod: string;
	/** `YYYY-MM`, exclusive; null for the schedule in force now. */
	untilPeriod: string | null;
}

export interface TaskCalendar {
	months: CalendarMonth[];
	/** `YYYY-MM`: no live occurrence before it. */
	activeFrom: string;
	/** Oslo day the task was archived: an occurrence due that day or later is not live. */
	archivedDay: string | null;
}

/**
 * The task's schedule periods as taskOccurrencesForYear reads them: past schedules in
 * `validUntil` order, each from the end of the one before, then the current one, open-ended.
 */
export function taskCalendar(
	task: Pick<
		TaskLike,
		'scheduleKind' | 'months' | 'dueDay' | 'pastSchedules' | 'activeFrom' | 'archivedAt'
	>
): TaskCalendar {
	const past = [...(task.pastSchedules ?? [])].sort((a, b) =>
		a.validUntil < b.validUntil ? -1 : a.validUntil > b.validUntil ? 1 : 0
	);
	const months: CalendarMonth[] = [];
	let from = '';
	for (const segment of [...past, { ...task, validUntil: null }]) {
		const until = segment.validUntil;
		// A past schedule that ends where an earlier one ended covers no period.
		if (until === null || until > from) {
			const schedule = taskSchedule(segment);
			for (const month of dueMonths(schedule)) {
				months.push({ month, dueDay: schedule.dueDay, fromPeriod: from, untilPeriod: until });
			}
		}
		if (until !== null && until > from) from = until;
	}
	return {
		months,
		activeFrom: task.activeFrom,
		archivedDay: task.archivedAt ? osloDay(task.archivedAt) : null
	};
}

/** The scheduled occurrences of `year` from calendar rows, in due-date order. */
export function calendarOccurrences<Id>(
	taskId: Id,
	months: readonly CalendarMonth[],
	year: number
): Occurrence<Id>[] {
	return months
		.filter((m) => {
			const p = period(year, m.month);
			return p >= m.fromPeriod && (m.untilPeriod === null || p < m.untilPeriod);
		})
		.map((m) => ({
			taskId,
			period: period(year, m.month),
			dueDate: dueDate(year, m.month, m.dueDay)
		}))
		.sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0));
}

/** Live: from the task's first period on, and due before the day it was archived. */
export function isLiveOccurrence(
	calendar: Pick<TaskCalendar, 'activeFrom' | 'archivedDay'>,
	occurrence: Pick<Occurrence<unknown>, 'period' | 'dueDate'>
): boolean {
	return (
		occurrence.period >= calendar.activeFrom &&
		(calendar.archivedDay === null || occurrence.dueDate < calendar.archivedDay)
	);
}

/**
 * The last day of each month of `year` as twelve two-digit numbers, «312831303130313130313031»:
 * SQL picks a month's with substr, so the leap-year rule stays here, in one place.
 */
export function lastDaysOfYear(year: number): string {
	return Array.from({ length: 12 }, (_, i) =>
		String(daysInMonth(year, (i + 1) as Month)).padStart(2, '0')
	).join('');
}

/** The month ends `YYYY-MM-DD` of `year`: the months a set-based occurrence query spans. */
export function monthEndsOfYear(year: number): string[] {
	const last = lastDaysOfYear(year);
	return MONTHS.map((m) => `${period(year, m)}-${last.slice(m * 2 - 2, m * 2)}`);
}
