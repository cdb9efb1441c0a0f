import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { CALENDAR_NAME, occurrencesCalendar, type CalendarOccurrence } from './ical';

const occurrences: CalendarOccurrence[] = [
	{
		uid: 'forekomst-11@misjonskart',
		title: 'Ressursfordelingskartlegging',
		description: 'Ansvar: Avdelingsleder\nLagres: Compilo',
		dueDate: '2026-01-31',
		url: 'https://misjonskart.example/arshjul/forekomst/11'
	},
	{
		uid: 'forekomst-12@misjonskart',
		// Long enough to be folded, with æøå on both sides of the fold, commas and a semicolon.
		title:
			'Ansvar for at det blir utført egenvurdering av legemiddelhåndteringsrutinene; ' +
			'se Compilo: Egenvurdering av legemiddelhåndteringsrutiner, Bjørnåsen og Ærøy',
		description: 'Signeres ved gjennomført.',
		dueDate: '2024-02-29',
		url: 'https://misjonskart.example/arshjul/forekomst/12'
	},
	{
		uid: 'forekomst-13@misjonskart',
		title: 'Planlegg sommeravslutning',
		description: '',
		dueDate: '2026-12-31',
		url: 'http://127.0.0.1:5173/arshjul/forekomst/13'
	}
];

function parse(ics: string) {
	return new ICAL.Component(ICAL.parse(ics));
}

describe('occurrencesCalendar', () => {
	it('makes a named calendar with a Misjonskart product id', () => {
		const calendar = parse(occurrencesCalendar(occurrences));
		expect(calendar.name).toBe('vcalendar');
		expect(calendar.getFirstPropertyValue('prodid')).toBe('-//Misjonskart//Årshjul//NB');
		expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe(CALENDAR_NAME);
		expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
	});

	it('has one all-day event per occurrence with summary, due date, uid and link', () => {
		const events = parse(occurrencesCalendar(occurrences))
			.getAllSubcomponents('vevent')
			.map((vevent) => new ICAL.Event(vevent));
		expect(
			events.map((event) => ({
				uid: event.uid,
				summary: event.summary,
				start: event.startDate.toString(),
				end: event.endDate.toString(),
				allDay: event.startDate.isDate,
				url: event.component.getFirstPropertyValue('url')
			}))
		).toEqual([
			{
				uid: 'forekomst-11@misjonskart',
				summary: 'Ressursfordelingskartlegging',
				start: '2026-01-31',
				end: '2026-02-01',
				allDay: true,
				url: 'https://misjonskart.example/arshjul/forekomst/11'
			},
			{
				uid: 'forekomst-12@misjonskart',
				summary: occurrences[1]?.title,
				start: '2024-02-29',
				end: '2024-03-01',
				allDay: true,
				url: 'https://misjonskart.example/arshjul/forekomst/12'
			},
			{
				uid: 'forekomst-13@misjonskart',
				summary: 'Planlegg sommeravslutning',
				start: '2026-12-31',
				end: '2027-01-01',
				allDay: true,
				url: 'http://127.0.0.1:5173/arshjul/forekomst/13'
			}
		]);
		expect(events[0]?.description).toBe('Ansvar: Avdelingsleder\nLagres: Compilo');
	});

	it('folds lines at 75 octets without splitting æ, ø or å', () => {
		const ics = occurrencesCalendar(occurrences);
		const lines = ics.split('\r\n');
		expect(lines.filter((line) => line.startsWith(' ')).length).toBeGreaterThan(1);
		expect(lines.every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
		// Unfolded, the title is whole again (the summary check above parses it the same way).
		expect(ics.replace(/\r\n /g, '')).toContain('Bjørnåsen og Ærøy');
	});

	it('marks the deadlines as free time', () => {
		const [event] = parse(occurrencesCalendar(occurrences)).getAllSubcomponents('vevent');
		expect(event?.getFirstPropertyValue('transp')).toBe('TRANSPARENT');
	});

	it('gives an empty but valid calendar when there is nothing to do', () => {
		const calendar = parse(occurrencesCalendar([]));
		expect(calendar.getAllSubcomponents('vevent')).toEqual([]);
		expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe(CALENDAR_NAME);
	});

	it('refuses a due date that is not a calendar day', () => {
		const [first] = occurrences;
		expect(() => occurrencesCalendar(first ? [{ ...first, dueDate: '31.01.2026' }] : [])).toThrow(
			RangeError
		);
	});
});
