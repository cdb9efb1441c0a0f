/**
 * The domain vocabularies' labels in the reader's language. The domain keeps its codes and its
 * bokmål labels (`*_LABEL` in src/lib/domain/*\/vocabulary.ts, which the downloads and the change
 * log use); a page that is translated shows these instead.
 */
import { m } from '$lib/paraglide/messages';
import type { Level, LifecycleStatus, RagStatus } from '$lib/domain/portfolio/vocabulary';

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
