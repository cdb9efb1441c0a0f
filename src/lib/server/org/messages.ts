/** The organisation's messages (users, roles, units), keyed by the reason a write answers. */
import { m } from '$lib/paraglide/messages';
import { lazy, lazyWith } from '../message-book';
import type { MessageBook } from '../result';

// Getters, read when an answer is made: in the request's language (messages/admin/*.json).

export const ORG_MESSAGES: MessageBook = {
	messages: lazy({
		email_taken: m.admin_msg_email_taken,
		last_admin: m.admin_msg_last_admin,
		exists: m.admin_msg_exists,
		cycle: m.admin_msg_cycle,
		parent_missing: m.admin_msg_parent_missing,
		has_children: m.admin_msg_has_children,
		parent_archived: m.admin_msg_parent_archived,
		unit_missing: m.admin_msg_unit_missing,
		password_off: m.admin_msg_password_off,
		identity_missing: m.admin_identity_not_found
	}),
	fields: { owner_missing: 'ownerId', unit_missing: 'unitId' }
};

export const ORG_SUCCESS = lazyWith(
	{
		renamed: m.admin_ok_renamed,
		deactivated: m.admin_ok_deactivated,
		activated: m.admin_ok_activated,
		roleAdded: m.admin_ok_role_added,
		roleRemoved: m.admin_ok_role_removed,
		identityUnlinked: m.admin_ok_identity_unlinked,
		unitMoved: m.admin_ok_unit_moved,
		unitArchived: m.admin_ok_unit_archived,
		unitRestored: m.admin_ok_unit_restored
	},
	{
		unitCreated: (name: string) => m.admin_ok_unit_created({ name }),
		unitRenamed: (name: string) => m.admin_ok_unit_renamed({ name })
	}
);
