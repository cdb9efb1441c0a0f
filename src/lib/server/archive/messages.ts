/** The report archive's messages, keyed by the reason a write answers (queries/reports.ts). */
import { m } from '$lib/paraglide/messages';
import type { MessageBook } from '../result';

// Getters, read when an answer is made: in the request's language (messages/portfolio/*.json).

export const ARCHIVE_MESSAGES: MessageBook = {
	messages: {
		get period() {
			return m.portfolio_reports_refused_period();
		},
		get meeting_date() {
			return m.portfolio_reports_refused_meeting_date();
		},
		get empty() {
			return m.portfolio_reports_refused_empty();
		},
		get already_approved() {
			return m.portfolio_reports_refused_already_approved();
		},
		get conflict() {
			return m.portfolio_reports_refused_conflict();
		}
	},
	fields: { period: 'periodTo', meeting_date: 'meetingDate' }
};

export const ARCHIVE_SUCCESS = {
	get frozen() {
		return m.portfolio_reports_done_frozen();
	},
	get approved() {
		return m.portfolio_reports_done_approved();
	}
};

/** Why a report cannot be seen, frozen or approved (access.ts): 403 and 404 answers. */
export const ARCHIVE_ACCESS = {
	get notFound() {
		return m.portfolio_reports_access_not_found();
	},
	get noProject() {
		return m.portfolio_access_no_project();
	},
	get planOwner() {
		return m.portfolio_reports_access_plan_owner();
	},
	get ownPlans() {
		return m.portfolio_reports_access_own_plans();
	},
	get freezeSteering() {
		return m.portfolio_reports_access_freeze_steering();
	},
	get signDirector() {
		return m.portfolio_reports_access_sign_director();
	},
	get approveSteering() {
		return m.portfolio_reports_access_approve_steering();
	},
	get notSelf() {
		return m.portfolio_reports_access_not_self();
	}
};

/** The project a plan is frozen for is missing from the form. */
export const choosePlanProject = () => m.portfolio_reports_field_project();
