/** The organisation's messages (users, roles, units), keyed by the reason a write answers. */
import { m } from '$lib/paraglide/messages';
import type { MessageBook } from '../result';

// Getters, read when an answer is made: in the request's language (messages/admin/*.json).

export const ORG_MESSAGES: MessageBook = {
	messages: {
		get email_taken() {
			return m.admin_msg_email_taken();
		},
		get last_admin() {
			return m.admin_msg_last_admin();
		},
		get exists() {
			return m.admin_msg_exists();
		},
		get cycle() {
			return m.admin_msg_cycle();
		},
		get parent_missing() {
			return m.admin_msg_parent_missing();
		},
		get has_children() {
			return m.admin_msg_has_children();
		},
		get parent_archived() {
			return m.admin_msg_parent_archived();
		},
		get unit_missing() {
			return m.admin_msg_unit_missing();
		},
		get password_off() {
			return m.admin_msg_password_off();
		}
	},
	fields: { owner_missing: 'ownerId', unit_missing: 'unitId' }
};

export const ORG_SUCCESS = {
	get renamed() {
		return m.admin_ok_renamed();
	},
	get deactivated() {
		return m.admin_ok_deactivated();
	},
	get activated() {
		return m.admin_ok_activated();
	},
	get roleAdded() {
		return m.admin_ok_role_added();
	},
	get roleRemoved() {
		return m.admin_ok_role_removed();
	},
	get unitMoved() {
		return m.admin_ok_unit_moved();
	},
	get unitArchived() {
		return m.admin_ok_unit_archived();
	},
	get unitRestored() {
		return m.admin_ok_unit_restored();
	},
	unitCreated: (name: string) => m.admin_ok_unit_created({ name }),
	unitRenamed: (name: string) => m.admin_ok_unit_renamed({ name })
};
