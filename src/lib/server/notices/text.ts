/**
 * A notice's words in the reader's language: the page (/varsler) and the e-mail digest read
 * them here when they are made. A notice keeps what it says as data (`params`); one stored
 * before it did has only its bokmål `title` and `body`, read as they are and marked so.
 */
import type { NoticeParams } from '$lib/domain/control/notices';
import type { NoticeKind } from '$lib/domain/control/vocabulary';
import { formatDay } from '$lib/format';
import { m } from '$lib/paraglide/messages';
import { plural } from '$lib/plural';

export interface StoredNotice {
	kind: NoticeKind;
	title: string;
	body: string;
	params?: NoticeParams | null;
}

export interface NoticeText {
	title: string;
	body: string;
	/** True when the words are the stored bokmål ones (an old notice), not the reader's. */
	inBokmaal: boolean;
}

export function noticeText(n: StoredNotice): NoticeText {
	const p = n.params;
	if (!p) return { title: n.title, body: n.body, inBokmaal: true };
	const words = { title: p.title, unit: p.unit, due: formatDay(p.due) };
	switch (n.kind) {
		case 'due_soon':
			return said(m.control_notice_due_soon_title(words), m.control_notice_due_soon_body());
		case 'overdue':
			return said(m.control_notice_overdue_title(words), m.control_notice_overdue_body(words));
		case 'escalation': {
			const late = p.late ?? 0;
			return said(
				plural(
					late,
					m.control_notice_escalation_title_one,
					m.control_notice_escalation_title_many,
					{
						...words,
						late
					}
				),
				m.control_notice_escalation_body(words)
			);
		}
		case 'deviation_overdue':
			return said(m.control_notice_deviation_title(words), m.control_notice_deviation_body(words));
	}
	return { title: n.title, body: n.body, inBokmaal: true };
}

const said = (title: string, body: string): NoticeText => ({ title, body, inBokmaal: false });
