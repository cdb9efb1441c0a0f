/** The calendar feed: the page that hands out its address, and the feed itself (iCalendar). */
import { ledUnitIds } from '../../auth/guards';
import type { SessionUser } from '../../auth/session';
import { listOccurrences } from '../../db/queries/wheel-occurrences';
import { hasCalendarFeed } from '../../db/queries/wheel-feed';
import { listRoleAssignmentsForUser } from '../../db/queries/sessions';
import type { UserRow } from '../../db/queries/users';
import { occurrencesCalendar } from '../ical';
import { governanceEvents } from './governance';
export { ICAL_CONTENT_TYPE } from '../ical';
import { osloDay } from '$lib/format';
import { isLocale } from '$lib/i18n';
import { m } from '$lib/paraglide/messages';
import { withLocale } from '../../i18n';

const yearOf = (now: Date) => Number(osloDay(now).slice(0, 4));

export function calendarPage(user: SessionUser) {
	return { hasFeed: hasCalendarFeed(user.id) };
}

/**
 * The feed's owner's units' occurrences of last, this and next year, their benefits'
 * measurement dates and the steering group's meetings, as iCalendar text, in the owner's saved
 * language (bokmål when none): a calendar client signs in as no one, and its Accept-Language
 * is not the reader's choice.
 */
export function calendarFeed(owner: UserRow, origin: string, now: Date): string {
	return withLocale(isLocale(owner.locale) ? owner.locale : 'nb', () => feedOf(owner, origin, now));
}

function feedOf(owner: UserRow, origin: string, now: Date): string {
	const unitIds = ledUnitIds({ roles: listRoleAssignmentsForUser(owner.id) });
	const year = yearOf(now);
	const occurrences = unitIds.length
		? [year - 1, year, year + 1].flatMap((y) => listOccurrences({ year: y, now, unitIds }))
		: [];
	return occurrencesCalendar(
		[
			...occurrences.map((o) => ({
				uid: `arshjul-${o.taskId}-${o.unitId}-${o.period}@misjonskart`,
				title: `${o.title} (${o.unitName})`,
				description: m.export_calendar_task({
					wheel: o.wheelName,
					role: o.responsibleRole,
					storedIn: o.storedIn
				}),
				dueDate: o.dueDate,
				url: `${origin}/arshjul/forekomst/${o.taskId}/${o.unitId}/${o.period}`
			})),
			// The owner's benefit measurements and the steering meetings: the year's governance.
			...governanceEvents(owner.id, [year - 1, year, year + 1], now, origin)
		],
		m.export_calendar_name()
	);
}
