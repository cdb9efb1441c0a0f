/**
 * /styring/moter: the steering group's meetings of one year (a handful), with the year before
 * and after one link away. Everyone signed in reads the dates; the group and administrators
 * set them.
 */
import { osloDay } from '$lib/format';
import type { SessionUser } from '../../auth/session';
import { listMeetings, type MeetingRow } from '../../db/queries/governance';
import { canEditMeetings } from '../access';

/** A meeting as its edit form holds it (the version for the lost-update check among them). */
export function meetingValues(m: MeetingRow): Record<string, string> {
	return {
		id: String(m.id),
		version: String(m.version),
		date: m.date,
		title: m.title,
		location: m.location
	};
}

const int = (raw: string | null) => (raw && /^\d{4}$/.test(raw) ? Number(raw) : null);

export function meetingsPage(user: SessionUser, url: URL, now: Date) {
	const today = osloDay(now);
	const thisYear = Number(today.slice(0, 4));
	const asked = int(url.searchParams.get('ar'));
	const year = asked && asked >= 2000 && asked <= 2100 ? asked : thisYear;
	return {
		today,
		year,
		thisYear,
		canEdit: canEditMeetings(user),
		meetings: listMeetings(`${year}-01-01`, `${year}-12-31`).map((m) => ({
			id: m.id,
			date: m.date,
			title: m.title,
			location: m.location,
			version: m.version,
			held: m.date < today,
			values: meetingValues(m)
		}))
	};
}
