/**
 * The year's governance in the wheel (one wheel for the year: internal control, benefit
 * measurements and steering meetings): the two extra rings on /arshjul, the owner's
 * measurements and the next meeting on «Mine oppgaver», and both in the calendar feed. A
 * person sees the measurements of the benefits they own, and everyone signed in sees the
 * meeting dates (the steering page and the report archive already show them).
 */
import { osloDay } from '$lib/format';
import {
	measurementsOfYear,
	meetingStatus,
	type Measurement
} from '$lib/domain/control/governance';
import type { Month } from '$lib/domain/wheel/schedule';
import { measurementStatusLabel, monthLabel } from '$lib/labels';
import { meetingStatusText } from '$lib/labels-wheel';
import { m as msg } from '$lib/paraglide/messages';
import type { OccurrenceStatus } from '$lib/domain/wheel/vocabulary';
import {
	firstLoggedAt,
	listMeetings,
	measuredBenefitsOwnedBy,
	nextMeetingFrom,
	type MeetingRow
} from '../../db/queries/governance';

/** One person answers for a few benefits; the ring and lists stop here. */
export const MEASURED_BENEFITS_LIMIT = 100;

export interface GovernanceMark {
	id: string;
	title: string;
	month: Month;
	status: OccurrenceStatus;
	statusLabel: string;
	href: string;
	dueDate: string;
}

/** The owner's measurements of the given years, judged on `today`. */
export function ownerMeasurements(ownerId: number, years: readonly number[], today: string) {
	const benefits = measuredBenefitsOwnedBy(ownerId, MEASURED_BENEFITS_LIMIT).map((b) => ({
		id: b.id,
		title: b.title,
		frequency: b.frequency,
		// Measured from the baseline (nullpunktsmåling), or from when the benefit was made.
		fromPeriod: (b.baselineDate ?? osloDay(b.createdAt)).slice(0, 7)
	}));
	if (benefits.length === 0 || years.length === 0) return [];
	const first = Math.min(...years);
	const last = Math.max(...years);
	const logged = new Map(
		firstLoggedAt(
			benefits.map((b) => b.id),
			`${first - 1}-12`,
			`${last}-12`
		).map((r) => [`${r.benefitId}:${r.period}`, osloDay(new Date(r.at))])
	);
	return years.flatMap((year) => measurementsOfYear(benefits, year, logged, today));
}

const measurementMark = (m: Measurement): GovernanceMark => ({
	id: `maling-${m.benefitId}-${m.period}`,
	title: msg.wheel_measurement_title({
		title: m.title,
		month: monthLabel(Number(m.period.slice(5, 7)) as Month),
		year: m.period.slice(0, 4)
	}),
	month: m.month,
	status: m.status,
	statusLabel: measurementStatusLabel(m.status),
	href: `/gevinster/${m.benefitId}#ny-realisering`,
	dueDate: m.dueDate
});

const meetingMark = (m: MeetingRow, today: string): GovernanceMark => ({
	id: `mote-${m.id}`,
	title: m.title,
	month: Number(m.date.slice(5, 7)) as Month,
	status: meetingStatus(m.date, today),
	statusLabel: meetingStatusText(m.date, today),
	href: `/styring/moter#mote-${m.id}`,
	dueDate: m.date
});

/** The two governance rings of `year` for this person; a ring with nothing in it is left out. */
export function governanceRings(userId: number, year: number, now: Date) {
	const today = osloDay(now);
	const meetings = listMeetings(`${year}-01-01`, `${year}-12-31`).map((m) => meetingMark(m, today));
	const measurements = ownerMeasurements(userId, [year], today).map(measurementMark);
	return [
		{ key: 'meetings', name: msg.wheel_ring_meetings(), marks: meetings },
		{ key: 'measurements', name: msg.wheel_ring_measurements(), marks: measurements }
	].filter((ring) => ring.marks.length > 0);
}

/**
 * «Mine oppgaver»: the measurements this person has to log now (overdue since last January,
 * and this month's), and the next steering meeting.
 */
export function governanceTasks(userId: number, now: Date) {
	const today = osloDay(now);
	const year = Number(today.slice(0, 4));
	const open = ownerMeasurements(userId, [year - 1, year], today)
		.filter((m) => m.status === 'overdue' || m.status === 'due')
		.map(measurementMark);
	const next = nextMeetingFrom(today);
	return {
		measurements: open,
		nextMeeting: next
			? { id: next.id, date: next.date, title: next.title, location: next.location }
			: null
	};
}

/** Calendar-feed events for this person: their measurement dates and the steering meetings. */
export function governanceEvents(
	userId: number,
	years: readonly number[],
	now: Date,
	origin: string
) {
	const today = osloDay(now);
	const first = Math.min(...years);
	const last = Math.max(...years);
	const meetings = listMeetings(`${first}-01-01`, `${last}-12-31`).map((m) => ({
		uid: `styringsmote-${m.id}@misjonskart`,
		title: msg.export_calendar_meeting_title({ title: m.title }),
		description: m.location
			? msg.export_calendar_meeting_place({ place: m.location })
			: msg.export_calendar_meeting(),
		dueDate: m.date,
		url: `${origin}/styring/moter#mote-${m.id}`
	}));
	const measurements = ownerMeasurements(userId, years, today).map((m) => ({
		uid: `gevinstmaling-${m.benefitId}-${m.period}@misjonskart`,
		title: msg.export_calendar_measurement_title({ title: m.title, period: m.period }),
		description: msg.export_calendar_measurement({ period: m.period, due: m.dueDate }),
		dueDate: m.dueDate,
		url: `${origin}/gevinster/${m.benefitId}#ny-realisering`
	}));
	return [...meetings, ...measurements];
}
