/** The steering area's messages, keyed by the reason a write answers (queries/governance.ts). */
import { m } from '$lib/paraglide/messages';
import type { MessageBook } from '../result';

// Getters, read when an answer is made: in the request's language (messages/portfolio/*.json).

export const STEERING_MESSAGES: MessageBook = {
	messages: {
		get date_taken() {
			return m.portfolio_meetings_date_taken();
		},
		get not_found() {
			return m.portfolio_meetings_not_found();
		}
	},
	fields: { date_taken: 'date' }
};

export const STEERING_SUCCESS = {
	get meetingCreated() {
		return m.portfolio_meetings_created();
	},
	get meetingUpdated() {
		return m.portfolio_meetings_updated();
	},
	get meetingDeleted() {
		return m.portfolio_meetings_deleted();
	}
};
