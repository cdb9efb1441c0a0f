/**
 * The domain vocabularies' labels in the reader's language. The domain keeps its codes and its
 * bokmål labels (`*_LABEL` in src/lib/domain/*\/vocabulary.ts, which the downloads and the change
 * log use); a page that is translated shows these instead.
 */
import { m } from '$lib/paraglide/messages';
import type { Level, LifecycleStatus, RagStatus } from '$lib/domain/portfolio/vocabulary';
import type { OccurrenceStatus } from '$lib/domain/wheel/vocabulary';
import type { Month } from '$lib/domain/wheel/schedule';

const LEVEL: Record<Level, () => string> = {
	user: m.level_user,
	service: m.level_service,
	system: m.level_system
};

const LIFECYCLE: Record<LifecycleStatus, () => string> = {
	proposed: m.lifecycle_proposed,
	recommended: m.lifecycle_recommended,
	adopted: m.lifecycle_adopted,
	in_progress: m.lifecycle_in_progress,
	completed: m.lifecycle_completed,
	rejected: m.lifecycle_rejected
};

const RAG: Record<RagStatus, () => string> = {
	green: m.rag_green,
	amber: m.rag_amber,
	red: m.rag_red
};

export const levelLabel = (level: Level) => LEVEL[level]();
export const lifecycleLabel = (status: LifecycleStatus) => LIFECYCLE[status]();
export const ragLabel = (rag: RagStatus) => RAG[rag]();

const OCCURRENCE: Record<OccurrenceStatus, () => string> = {
	signed: m.occurrence_status_signed,
	signed_late: m.occurrence_status_signed_late,
	due: m.occurrence_status_due,
	overdue: m.occurrence_status_overdue,
	future: m.occurrence_status_future
};

/** A wheel occurrence's status (OCCURRENCE_STATUS_LABEL). */
export const occurrenceStatusLabel = (status: OccurrenceStatus) => OCCURRENCE[status]();

const MEASUREMENT: Record<OccurrenceStatus, () => string> = {
	signed: m.measurement_signed,
	signed_late: m.measurement_signed_late,
	due: m.measurement_due,
	overdue: m.measurement_overdue,
	future: m.measurement_future
};

/** A benefit measurement's status (MEASUREMENT_STATUS_LABEL in domain/control/vocabulary.ts). */
export const measurementStatusLabel = (status: OccurrenceStatus) => MEASUREMENT[status]();

const MONTH: Record<Month, () => string> = {
	1: m.month_1,
	2: m.month_2,
	3: m.month_3,
	4: m.month_4,
	5: m.month_5,
	6: m.month_6,
	7: m.month_7,
	8: m.month_8,
	9: m.month_9,
	10: m.month_10,
	11: m.month_11,
	12: m.month_12
};

/** «november», «November» (monthName in domain/wheel/schedule.ts). */
export const monthLabel = (month: Month) => MONTH[month]();
