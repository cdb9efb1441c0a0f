/** The portfolio's messages, keyed by the reason a write answers. */
import { m } from '$lib/paraglide/messages';
import type { MessageBook } from '../result';

// Getters and functions, read when an answer is made: in the request's language
// (messages/portfolio/*.json).

const MESSAGES = {
	get code_taken() {
		return m.portfolio_refused_code_taken();
	},
	get track_missing() {
		return m.portfolio_refused_track_missing();
	},
	get project_missing() {
		return m.portfolio_refused_project_missing();
	},
	get unit_missing() {
		return m.portfolio_refused_unit_missing();
	},
	get transition() {
		return m.portfolio_refused_transition();
	},
	get no_mission() {
		return m.portfolio_no_mission();
	},
	get not_own_owner() {
		return m.portfolio_refused_not_own_owner();
	},
	get not_own_project() {
		return m.portfolio_refused_not_own_project();
	}
};

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

export const PORTFOLIO_SUCCESS = {
	get statusChanged() {
		return m.portfolio_done_status();
	},
	get reportSaved() {
		return m.portfolio_done_report();
	},
	get trackSaved() {
		return m.portfolio_done_track();
	},
	get projectSaved() {
		return m.portfolio_done_project();
	},
	get measureSaved() {
		return m.portfolio_done_measure();
	},
	get scored() {
		return m.portfolio_done_scored();
	},
	get prioritised() {
		return m.portfolio_done_prioritised();
	},
	get unprioritised() {
		return m.portfolio_done_unprioritised();
	},
	get restored() {
		return m.portfolio_done_restored();
	},
	get missionSaved() {
		return m.portfolio_done_mission();
	},
	get goalAdded() {
		return m.portfolio_done_goal_added();
	},
	get goalSaved() {
		return m.portfolio_done_goal_saved();
	},
	get goalArchived() {
		return m.portfolio_done_goal_archived();
	},
	riskAdded: (title: string) => m.portfolio_done_risk_added({ title }),
	riskSaved: (title: string) => m.portfolio_done_risk_saved({ title })
};

/** Why a portfolio page or write is refused (access.ts): 403 and 404 answers. */
export const PORTFOLIO_ACCESS = {
	get notOwn() {
		return m.portfolio_access_not_own();
	},
	get noTrack() {
		return m.portfolio_access_no_track();
	},
	get noProject() {
		return m.portfolio_access_no_project();
	},
	get noMeasure() {
		return m.portfolio_access_no_measure();
	},
	get notOwnProject() {
		return m.portfolio_access_not_own_project();
	}
};

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
