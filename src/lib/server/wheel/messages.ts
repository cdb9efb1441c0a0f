/** The årshjul's messages, keyed by the reason a write answers. */
import type { MessageBook } from '../result';
import { formatDateTime } from '$lib/format';
import type { Month } from '$lib/domain/wheel/schedule';
import { monthLabel } from '$lib/labels';
import { m } from '$lib/paraglide/messages';
import { lazy, lazyWith } from '../message-book';
import {
	EVIDENCE_MAX_BYTES,
	EVIDENCE_MAX_FILES,
	EVIDENCE_TYPES,
	formatByteSize
} from '$lib/domain/control/evidence';

// Read when an answer is made, so each is in the request's language (messages/wheel/*.json).
export const WHEEL_MESSAGES: MessageBook = {
	messages: lazy({
		already_assigned: m.wheel_msg_already_assigned,
		unit_missing: m.wheel_msg_unit_missing,
		task_archived: m.wheel_msg_task_archived,
		not_signed: m.wheel_msg_not_signed,
		occurrence_missing: m.wheel_msg_occurrence_missing,
		not_my_unit: m.wheel_msg_not_my_unit,
		owner_unit_missing: m.wheel_msg_owner_unit_missing,
		not_assignable: m.wheel_msg_not_assignable
	})
};

/** The API's answers to a compliance filter naming what is not there (docs/api.md). */
export const COMPLIANCE_FILTER_MESSAGES = lazy({
	wheel: m.api_error_no_wheel,
	unit: m.api_error_no_unit,
	year: m.api_error_year
});

const TYPES = EVIDENCE_TYPES.map((t) => t.ext.toUpperCase()).join(', ');

/** A refused evidence file: what was wrong with which file, and that nothing was signed. */
export function evidenceMessage(reason: string, fileName?: string): string {
	const name = fileName ? `«${fileName.slice(0, 120)}»` : m.wheel_msg_the_file();
	const again = m.wheel_msg_again();
	switch (reason) {
		case 'evidence_too_many':
			return m.wheel_msg_evidence_too_many({ max: EVIDENCE_MAX_FILES, again });
		case 'evidence_empty':
			return m.wheel_msg_evidence_empty({ name, again });
		case 'evidence_too_large':
			return m.wheel_msg_evidence_too_large({
				name,
				size: formatByteSize(EVIDENCE_MAX_BYTES),
				again
			});
		default:
			return m.wheel_msg_evidence_type({ name, types: TYPES, again });
	}
}

/** A second sign-off of the same occurrence: who signed it, and when. */
export function alreadySignedMessage(signature?: { name?: string; signedAt: Date }): string {
	return signature
		? m.wheel_msg_already_signed_by({
				name: signature.name ?? m.wheel_msg_someone_else(),
				at: formatDateTime(signature.signedAt)
			})
		: m.wheel_msg_already_signed();
}

/** A sign-off before its month: from when it may be signed. */
export function notBegunMessage(period: string): string {
	const [year, month] = period.split('-').map(Number);
	return m.wheel_msg_not_begun({ month: `${monthLabel(month as Month)} ${year}` });
}

export const WHEEL_SUCCESS = lazyWith(
	{
		signed: m.wheel_ok_signed,
		reopened: m.wheel_ok_reopened,
		wheelSaved: m.wheel_ok_wheel_saved,
		assigned: m.wheel_ok_assigned,
		unassigned: m.wheel_ok_unassigned,
		feedRevoked: m.wheel_ok_feed_revoked
	},
	{
		wheelCreated: (name: string) => m.wheel_ok_wheel_created({ name }),
		taskAdded: (title: string) => m.wheel_ok_task_added({ title }),
		taskSaved: (title: string) => m.wheel_ok_task_saved({ title }),
		taskArchived: (title: string) => m.wheel_ok_task_archived({ title })
	}
);

/** Why a unit's evidence cannot be downloaded (access.ts): a 403 answer. */
export const WHEEL_ACCESS = lazy({ evidenceDownload: m.wheel_access_evidence_download });
