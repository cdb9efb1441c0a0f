/** The report archive's messages, keyed by the reason a write answers (queries/reports.ts). */
import { m } from '$lib/paraglide/messages';
import { lazy } from '../message-book';
import type { MessageBook } from '../result';

// Getters, read when an answer is made: in the request's language (messages/portfolio/*.json).

export const ARCHIVE_MESSAGES: MessageBook = {
	messages: lazy({
		period: m.portfolio_reports_refused_period,
		meeting_date: m.portfolio_reports_refused_meeting_date,
		empty: m.portfolio_reports_refused_empty,
		already_approved: m.portfolio_reports_refused_already_approved,
		conflict: m.portfolio_reports_refused_conflict
	}),
	fields: { period: 'periodTo', meeting_date: 'meetingDate' }
};

export const ARCHIVE_SUCCESS = lazy({
	frozen: m.portfolio_reports_done_frozen,
	approved: m.portfolio_reports_done_approved
});

/** Why a report cannot be seen, frozen or approved (access.ts): 403 and 404 answers. */
export const ARCHIVE_ACCESS = lazy({
	notFound: m.portfolio_reports_access_not_found,
	noProject: m.portfolio_access_no_project,
	planOwner: m.portfolio_reports_access_plan_owner,
	ownPlans: m.portfolio_reports_access_own_plans,
	freezeSteering: m.portfolio_reports_access_freeze_steering,
	signDirector: m.portfolio_reports_access_sign_director,
	approveSteering: m.portfolio_reports_access_approve_steering,
	notSelf: m.portfolio_reports_access_not_self
});

/** The project a plan is frozen for is missing from the form. */
export const choosePlanProject = () => m.portfolio_reports_field_project();
