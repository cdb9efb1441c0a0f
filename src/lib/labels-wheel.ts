/**
 * The annual wheel's words that are not in src/lib/labels.ts, in the reader's language. The
 * domain keeps its bokmål labels (meetingStatusLabel in domain/control/governance.ts), which the
 * calendar feed and the downloads use.
 */
import { m } from '$lib/paraglide/messages';
import type { ScheduleKind } from '$lib/domain/wheel/vocabulary';

/** What a steering meeting's mark says: held, today, or planned. */
export function meetingStatusText(date: string, today: string): string {
	if (date < today) return m.wheel_meeting_held();
	return date === today ? m.wheel_meeting_today() : m.wheel_meeting_planned();
}

const SCHEDULE_KIND: Record<ScheduleKind, () => string> = {
	monthly: m.wheel_kind_monthly,
	months: m.wheel_kind_months,
	yearly: m.wheel_kind_yearly
};

/** How often a task is due (SCHEDULE_KIND_LABEL in domain/wheel/vocabulary.ts). */
export const scheduleKindLabel = (kind: ScheduleKind) => SCHEDULE_KIND[kind]();
