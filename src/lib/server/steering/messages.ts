/** The steering area's messages, keyed by the reason a write answers (queries/governance.ts). */
import { m } from '$lib/paraglide/messages';
import { lazy } from '../message-book';
import type { MessageBook } from '../result';

// Getters, read when an answer is made: in the request's language (messages/portfolio/*.json).

export const STEERING_MESSAGES: MessageBook = {
	messages: lazy({
		date_taken: m.portfolio_meetings_date_taken,
		not_found: m.portfolio_meetings_not_found
	}),
	fields: { date_taken: 'date' }
};

export const STEERING_SUCCESS = lazy({
	meetingCreated: m.portfolio_meetings_created,
	meetingUpdated: m.portfolio_meetings_updated,
	meetingDeleted: m.portfolio_meetings_deleted
});
