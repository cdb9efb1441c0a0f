/** Internal control's messages, keyed by the reason a write answers. */
import type { MessageBook } from '../result';
import { m } from '$lib/paraglide/messages';
import { lazy } from '../message-book';
import { REPORT_YEAR_MAX, REPORT_YEAR_MIN } from '$lib/domain/control/report';

// Read when an answer is made, so each is in the request's language (messages/control/*.json).

export const CONTROL_MESSAGES: MessageBook = {
	messages: lazy({
		unit_missing: m.control_msg_unit_missing,
		responsible_missing: m.control_msg_responsible_missing,
		occurrence_missing: m.control_msg_occurrence_missing,
		not_begun: m.control_msg_not_begun,
		finding_missing: m.control_msg_finding_missing,
		closed: m.control_msg_closed,
		already_closed: m.control_msg_already_closed,
		not_closed: m.control_msg_not_closed,
		already_linked: m.control_msg_already_linked,
		risk_missing: m.control_msg_risk_missing,
		task_missing: m.control_msg_task_missing,
		not_linked: m.control_msg_not_linked,
		deadline_before_found: m.control_msg_deadline_before_found
	}),
	fields: {
		unit_missing: 'unitId',
		responsible_missing: 'responsibleId',
		finding_missing: 'unitId',
		risk_missing: 'riskId',
		deadline_before_found: 'deadline'
	}
};

export const CONTROL_SUCCESS = lazy({
	recorded: m.control_ok_recorded,
	saved: m.control_ok_saved,
	closed: m.control_ok_closed,
	reopened: m.control_ok_reopened,
	tilsynSaved: m.control_ok_tilsyn_saved,
	findingAdded: m.control_ok_finding_added,
	findingStatus: m.control_ok_finding_status,
	linked: m.control_ok_linked,
	unlinked: m.control_ok_unlinked
});

/** Why internal control's pages or writes are refused (access.ts): 403 answers. */
export const CONTROL_ACCESS = lazy({
	notUnitLeader: m.control_access_not_unit_leader,
	linkControls: m.control_access_link_controls,
	reportReader: m.control_access_report_reader
});

/** Why the report's address was refused (a 400): its year, tertial or service area. */
export const CONTROL_REPORT_QUERY_MESSAGES = lazy({
	year: () => m.control_report_bad_year({ min: REPORT_YEAR_MIN, max: REPORT_YEAR_MAX }),
	tertial: m.control_report_bad_tertial,
	unit: m.control_report_bad_unit
});
