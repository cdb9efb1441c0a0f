/**
 * A notice's words in the reader's language: the page (/varsler) and the e-mail digest read
 * them here when they are made. A notice keeps what it says as data (`params`); one stored
 * before it did has only its bokmål `title` and `body`, read as they are and marked so. A
 * person's own reason for a plan change is their words: it stands as written, in the frame.
 */
import type { PlanNoticeParams } from '$lib/domain/benefits/timing';
import type { NoticeParams } from '$lib/domain/control/notices';
import type { NoticeKind } from '$lib/domain/control/vocabulary';
import { formatDay } from '$lib/format';
import { monthsLabel, planReasonLabel } from '$lib/labels-benefits';
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
	const stored = { title: n.title, body: n.body, inBokmaal: true };
	if (!p) return stored;
	if ('benefit' in p) return planText(n.kind, p) ?? stored;
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
	return stored;
}

const said = (title: string, body: string): NoticeText => ({ title, body, inBokmaal: false });

/** A benefit plan's notice (planNoticeWords in domain/benefits/timing.ts, in bokmål). */
function planText(kind: NoticeKind, p: PlanNoticeParams): NoticeText | null {
	const reason = planReasonLabel(p.reason);
	const benefit = { benefit: p.benefit };
	if (kind === 'plan_request') return said(m.benefits_notice_request_title(benefit), reason);
	if (kind !== 'plan_shifted') return null;
	if (!p.outcome || p.outcome === 'moved') {
		return said(m.benefits_notice_moved_title(benefit), reason);
	}
	const late = p.reason.kind === 'own' ? 0 : p.reason.months;
	const then =
		p.outcome === 'requested'
			? m.benefits_notice_then_requested()
			: p.outcome === 'ask'
				? m.benefits_notice_then_ask()
				: m.benefits_notice_then_added({ version: p.waiting ?? '', months: monthsLabel(late) });
	return said(m.benefits_notice_should_move_title(benefit), `${reason} ${then}`);
}
