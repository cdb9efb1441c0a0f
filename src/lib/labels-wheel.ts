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

const EVIDENCE_TYPE: Record<string, () => string> = {
	pdf: m.wheel_type_pdf,
	png: m.wheel_type_png,
	jpg: m.wheel_type_jpg,
	docx: m.wheel_type_docx,
	xlsx: m.wheel_type_xlsx,
	pptx: m.wheel_type_pptx,
	odt: m.wheel_type_odt,
	ods: m.wheel_type_ods
};

/** An evidence file's type by its extension (EVIDENCE_TYPES' labels in domain/control/evidence.ts). */
export const evidenceTypeText = (ext: string | undefined) =>
	(ext ? EVIDENCE_TYPE[ext] : undefined)?.() ?? m.wheel_type_file();

/** An evidence link. */
export const evidenceLinkText = () => m.wheel_type_link();
