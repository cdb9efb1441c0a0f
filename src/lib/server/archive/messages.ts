/** The report archive's messages, keyed by the reason a write answers (queries/reports.ts). */
import type { MessageBook } from '../result';

export const ARCHIVE_MESSAGES: MessageBook = {
	messages: {
		period: 'Perioden er ugyldig: bruk datoer, og la den slutte etter at den begynner.',
		meeting_date: 'Skriv en gyldig møtedato (ÅÅÅÅ-MM-DD).',
		empty: 'Rapporten ble tom og kunne ikke fryses. Prøv igjen.',
		already_approved: 'Rapporten er allerede godkjent.',
		conflict: 'Rapporten er endret (godkjent) av noen andre mens du så på den. Last siden på nytt.'
	},
	fields: { period: 'periodTo', meeting_date: 'meetingDate' }
};

export const ARCHIVE_SUCCESS = {
	frozen: 'Rapporten er frosset som utkast. Filen er lagret nøyaktig slik den ble utstedt.',
	approved: 'Rapporten er godkjent.'
};
