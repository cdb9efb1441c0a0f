/** The internal-control report's messages, keyed by the reason a write answers. */
import type { MessageBook } from '../result';

export const CONTROL_REPORT_MESSAGES: MessageBook = {
	fields: { meeting_date: 'meetingDate' },
	messages: {
		period: 'Perioden er ugyldig. Last siden på nytt.',
		empty: 'Rapporten ble tom og kunne ikke fryses. Prøv igjen.',
		meeting_date: 'Skriv datoen for kommunestyrets møte (ÅÅÅÅ-MM-DD).'
	}
};

export const CONTROL_REPORT_SUCCESS = {
	saved: 'Vurderingen er lagret.',
	frozen:
		'Rapporten er frosset som utkast i rapportarkivet. Filen er lagret nøyaktig slik den ble utstedt; kommunedirektøren eller en administrator signerer den der.'
};
