/** Internal control's messages, keyed by the reason a write answers. */
import type { MessageBook } from '../result';
import { m } from '$lib/paraglide/messages';

// Read when an answer is made, so each is in the request's language (messages/control/*.json).

export const CONTROL_MESSAGES: MessageBook = {
	messages: {
		get unit_missing() {
			return m.control_msg_unit_missing();
		},
		get responsible_missing() {
			return m.control_msg_responsible_missing();
		},
		get occurrence_missing() {
			return m.control_msg_occurrence_missing();
		},
		get not_begun() {
			return m.control_msg_not_begun();
		},
		get finding_missing() {
			return m.control_msg_finding_missing();
		},
		get closed() {
			return m.control_msg_closed();
		},
		get already_closed() {
			return m.control_msg_already_closed();
		},
		get not_closed() {
			return m.control_msg_not_closed();
		},
		get already_linked() {
			return m.control_msg_already_linked();
		},
		get risk_missing() {
			return m.control_msg_risk_missing();
		},
		get task_missing() {
			return m.control_msg_task_missing();
		},
		get not_linked() {
			return m.control_msg_not_linked();
		},
		get deadline_before_found() {
			return m.control_msg_deadline_before_found();
		}
	},
	fields: {
		unit_missing: 'unitId',
		responsible_missing: 'responsibleId',
		finding_missing: 'unitId',
		risk_missing: 'riskId',
		deadline_before_found: 'deadline'
	}
};

export const CONTROL_SUCCESS = {
	get recorded() {
		return m.control_ok_recorded();
	},
	get saved() {
		return m.control_ok_saved();
	},
	get closed() {
		return m.control_ok_closed();
	},
	get reopened() {
		return m.control_ok_reopened();
	},
	get tilsynSaved() {
		return m.control_ok_tilsyn_saved();
	},
	get findingAdded() {
		return m.control_ok_finding_added();
	},
	get findingStatus() {
		return m.control_ok_finding_status();
	},
	get linked() {
		return m.control_ok_linked();
	},
	get unlinked() {
		return m.control_ok_unlinked();
	}
};
