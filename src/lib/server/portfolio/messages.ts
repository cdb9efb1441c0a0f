/** The portfolio's messages, keyed by the reason a write answers. */
import { m } from '$lib/paraglide/messages';
import { lazy, lazyWith } from '../message-book';
import type { MessageBook } from '../result';

// Getters and functions, read when an answer is made: in the request's language
// (messages/portfolio/*.json).

const MESSAGES = lazy({
	code_taken: m.portfolio_refused_code_taken,
	track_missing: m.portfolio_refused_track_missing,
	project_missing: m.portfolio_refused_project_missing,
	unit_missing: m.portfolio_refused_unit_missing,
	transition: m.portfolio_refused_transition,
	no_mission: m.portfolio_no_mission,
	not_own_owner: m.portfolio_refused_not_own_owner,
	not_own_project: m.portfolio_refused_not_own_project
});

const HAS_CHILDREN = {
	track: m.portfolio_refused_track_children,
	project: m.portfolio_refused_project_children,
	measure: m.portfolio_refused_measure_children,
	'': m.portfolio_refused_children
};

export type PortfolioEntity = keyof typeof HAS_CHILDREN;

/** The portfolio's messages; `has_children` is said of the entity the write was about. */
export function portfolioMessages(entity: PortfolioEntity = ''): MessageBook {
	return {
		messages: { ...MESSAGES, has_children: HAS_CHILDREN[entity]() },
		fields: { owner_missing: 'ownerId', not_own_owner: 'ownerId' }
	};
}

export const PORTFOLIO_SUCCESS = lazyWith(
	{
		statusChanged: m.portfolio_done_status,
		reportSaved: m.portfolio_done_report,
		trackSaved: m.portfolio_done_track,
		projectSaved: m.portfolio_done_project,
		measureSaved: m.portfolio_done_measure,
		scored: m.portfolio_done_scored,
		prioritised: m.portfolio_done_prioritised,
		unprioritised: m.portfolio_done_unprioritised,
		restored: m.portfolio_done_restored,
		missionSaved: m.portfolio_done_mission,
		goalAdded: m.portfolio_done_goal_added,
		goalSaved: m.portfolio_done_goal_saved,
		goalArchived: m.portfolio_done_goal_archived
	},
	{
		riskAdded: (title: string) => m.portfolio_done_risk_added({ title }),
		riskSaved: (title: string) => m.portfolio_done_risk_saved({ title })
	}
);

/** Why a portfolio page or write is refused (access.ts): 403 and 404 answers. */
export const PORTFOLIO_ACCESS = lazy({
	notOwn: m.portfolio_access_not_own,
	noTrack: m.portfolio_access_no_track,
	noProject: m.portfolio_access_no_project,
	noMeasure: m.portfolio_access_no_measure,
	notOwnProject: m.portfolio_access_not_own_project
});

/** The API's answer to `?side=` past the last page (docs/api.md: 404, never the last page again). */
export const pagePastEnd = (pages: number) =>
	pages === 1
		? m.portfolio_page_past_end_one({ pages })
		: m.portfolio_page_past_end_many({ pages });

/** Field messages of the writes' own small forms, as functions zod calls when it parses. */
export const PORTFOLIO_FIELD = {
	invalidGoal: () => m.portfolio_field_invalid_goal(),
	invalidRisk: () => m.portfolio_field_invalid_risk(),
	invalidChoice: () => m.portfolio_field_invalid_choice()
};
