import { createEvents, type DateArray, type EventAttributes } from 'ics';

export const ICAL_CONTENT_TYPE = 'text/calendar; charset=utf-8';

/** The calendar's name in bokmål; the feed names it in its owner's language. */
export const CALENDAR_NAME = 'Misjonskart – årshjul';

// RFC 5545 §3.7.3: a globally unique identifier of the product that made the calendar.
const PRODUCT_ID = '-//Misjonskart//Årshjul//NB';

export interface CalendarOccurrence {
	/** Stable across feeds, so clients update an event instead of duplicating it. */
	uid: string;
	title: string;
	description: string;
	/** `YYYY-MM-DD`, an Oslo calendar day. */
	dueDate: string;
	/** Absolute URL of the sign-off page. */
	url: string;
}

function dateArray(day: string): DateArray {
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
	if (!match) throw new RangeError(`Not a calendar day: ${day}`);
	const [, year, month, date] = match.map(Number) as [number, number, number, number];
	return [year, month, date];
}

function nextDay([year, month, date]: DateArray): DateArray {
	const next = new Date(Date.UTC(year, month - 1, date + 1));
	return [next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate()];
}

const MAX_LINE_OCTETS = 75;

/**
 * `ics` folds lines at 75 characters, but RFC 5545 §3.1 counts octets: a line with æ, ø or å is
 * longer in UTF-8 than in characters. Refold at 75 octets, never inside a character.
 */
function foldByOctets(ics: string): string {
	const unfolded = ics.replace(/\r\n[ \t]/g, '');
	return unfolded
		.split('\r\n')
		.map((line) => {
			const parts: string[] = [];
			let part = '';
			let octets = 0;
			for (const char of line) {
				const size = Buffer.byteLength(char);
				if (octets + size > MAX_LINE_OCTETS) {
					parts.push(part);
					part = '';
					octets = 1; // the space that marks a continuation line
				}
				part += char;
				octets += size;
			}
			parts.push(part);
			return parts.join('\r\n ');
		})
		.join('\r\n');
}

/**
 * A VCALENDAR with one all-day event per occurrence on its due day. All-day (DATE) events have
 * no time zone, so the day stays the Oslo due day in every client. DTEND is exclusive
 * (RFC 5545 §3.6.1), hence the next day.
 */
export function occurrencesCalendar(
	occurrences: readonly CalendarOccurrence[],
	name: string = CALENDAR_NAME
): string {
	const events = occurrences.map((occurrence): EventAttributes => {
		const start = dateArray(occurrence.dueDate);
		return {
			uid: occurrence.uid,
			title: occurrence.title,
			description: occurrence.description,
			url: occurrence.url,
			start,
			end: nextDay(start),
			// A deadline, not a meeting: it should not make the day look busy.
			transp: 'TRANSPARENT',
			busyStatus: 'FREE'
		};
	});
	const { error, value } = createEvents(events, {
		productId: PRODUCT_ID,
		calName: name,
		method: 'PUBLISH'
	});
	if (error || value === null) throw error ?? new Error('ics returned no calendar');
	return foldByOctets(value);
}
