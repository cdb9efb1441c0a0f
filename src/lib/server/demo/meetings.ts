/**
 * The steering group's meetings in the demo: the last one a month ago and the next one next
 * month (dated from the demo's `now`, demo/calendar.ts), so the wheel's ring «Styringsgruppemøter»
 * shows one held and one planned, and «Mine oppgaver» names the next.
 */
import { createMeeting } from '$lib/server/db/queries/governance';
import { demoCalendar } from './calendar';
import type { DemoOrganisation } from './organisation';

export function seedMeetings(org: DemoOrganisation, now: Date): void {
	const cal = demoCalendar(now);
	const steering = org.byRole('steering').id;
	const meetings = [
		{
			date: cal.day(-1, 14),
			title: 'Styringsgruppemøte, tertialrapport',
			location: 'Rådhuset, møterom 2'
		},
		{
			date: cal.day(1, 14),
			title: 'Styringsgruppemøte, budsjett og prioritering',
			location: 'Teams'
		}
	];
	for (const meeting of meetings) {
		const result = createMeeting(meeting, steering, cal.at(-1, 2));
		if (!result.ok) throw new Error(`Eksempeldata for møter: ${result.reason}`);
	}
}
