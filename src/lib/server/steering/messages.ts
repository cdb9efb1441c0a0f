/** The steering area's messages, keyed by the reason a write answers (queries/governance.ts). */
import type { MessageBook } from '../result';

export const STEERING_MESSAGES: MessageBook = {
	messages: {
		date_taken: 'Det er allerede et styringsgruppemøte den dagen. Velg en annen dato.',
		not_found: 'Fant ikke møtet. Det kan være slettet; last siden på nytt.'
	},
	fields: { date_taken: 'date' }
};

export const STEERING_SUCCESS = {
	meetingCreated: 'Møtet er lagt inn i årshjulet.',
	meetingUpdated: 'Møtet er lagret.',
	meetingDeleted: 'Møtet er slettet.'
};
