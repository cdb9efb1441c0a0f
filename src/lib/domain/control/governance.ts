/**
 * The year's governance beside internal control (M20 in the mission's measures: one wheel for
 * the year): a benefit's measurement dates, from how often its owner measures it, and the
 * steering group's meetings. A month's gain can only be measured once the month is over, so a
 * measurement of month P falls due on the last day of the month after P, and is done when a
 * value for P is logged (DFØ, «Gevinstrealisering»: gains are measured against the baseline at
 * set times). Pure: the caller passes today's Oslo day.
 */
import { daysInMonth, period, type Month } from '../wheel/schedule';
import type { OccurrenceStatus } from '../wheel/vocabulary';
import type { MeasurementFrequency } from './vocabulary';

export const MEASUREMENT_MONTHS: Record<MeasurementFrequency, readonly Month[]> = {
	monthly: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
	quarterly: [3, 6, 9, 12],
	tertial: [4, 8, 12],
	half_year: [6, 12],
	yearly: [12]
};

export interface MeasuredBenefit {
	id: number;
	title: string;
	frequency: MeasurementFrequency;
	/** `YYYY-MM`: no measurement is due before it (the baseline's month, or when it was made). */
	fromPeriod: string;
}

export interface Measurement {
	benefitId: number;
	title: string;
	/** `YYYY-MM`, the month measured. */
	period: string;
	/** `YYYY-MM-DD`: the last day of the month after `period`. */
	dueDate: string;
	/** The month the due date falls in: where the wheel draws it. */
	month: Month;
	status: OccurrenceStatus;
}

function lastDayOfNextMonth(year: number, month: Month): string {
	const [y, m] = month === 12 ? [year + 1, 1 as Month] : [year, (month + 1) as Month];
	return `${period(y, m)}-${String(daysInMonth(y, m)).padStart(2, '0')}`;
}

/**
 * The measurements due in `year`, judged on `today`: logged on or before the due day is
 * «signed», logged later «signed_late»; not logged and past due «overdue»; due this month
 * «due»; else «future». `loggedOn` maps `benefitId:period` to the Oslo day a value for the
 * period was first logged.
 */
export function measurementsOfYear(
	benefits: readonly MeasuredBenefit[],
	year: number,
	loggedOn: ReadonlyMap<string, string>,
	today: string
): Measurement[] {
	const rows: Measurement[] = [];
	for (const benefit of benefits) {
		for (const measuredYear of [year - 1, year]) {
			for (const m of MEASUREMENT_MONTHS[benefit.frequency]) {
				const p = period(measuredYear, m);
				const dueDate = lastDayOfNextMonth(measuredYear, m);
				if (p < benefit.fromPeriod || !dueDate.startsWith(`${year}-`)) continue;
				const logged = loggedOn.get(`${benefit.id}:${p}`);
				const status: OccurrenceStatus = logged
					? logged > dueDate
						? 'signed_late'
						: 'signed'
					: today > dueDate
						? 'overdue'
						: today.slice(0, 7) === dueDate.slice(0, 7)
							? 'due'
							: 'future';
				const month = Number(dueDate.slice(5, 7)) as Month;
				rows.push({
					benefitId: benefit.id,
					title: benefit.title,
					period: p,
					dueDate,
					month,
					status
				});
			}
		}
	}
	return rows.sort((a, b) =>
		a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.benefitId - b.benefitId
	);
}

/** A meeting is held once its day has passed; it is «this month» until then. */
export function meetingStatus(date: string, today: string): OccurrenceStatus {
	if (date < today) return 'signed';
	return date.slice(0, 7) === today.slice(0, 7) ? 'due' : 'future';
}

/** What a meeting's mark says: held, or planned. */
export function meetingStatusLabel(date: string, today: string): string {
	return date < today ? 'Avholdt' : date === today ? 'I dag' : 'Planlagt';
}
