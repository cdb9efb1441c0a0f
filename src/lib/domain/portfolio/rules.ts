/**
 * Portfolio rules: levels, lifecycle, RAG, the five prioritisation lenses, scoring, ranking,
 * filters, balance and funnel. The overview tree is in tree.ts. Pure: no I/O, no module state.
 *
 * Codes are English (docs/architecture.md, «Vocabulary»); every code has a bokmål label so
 * the UI never shows a code.
 */

import {
	FUNNEL_RANK,
	LENSES,
	LIFECYCLE_STATUSES,
	type Lens,
	type Level,
	type LifecycleStatus
} from './vocabulary';

/**
 * Allowed transitions. Seed 004 describes a selection funnel: working groups propose, the
 * project group recommends, the steering group adopts. Hence:
 * - anbefalt → forslag: the steering group may send a recommendation back for rework
 *   rather than reject it outright.
 * - forkastet → forslag: a rejected proposal may be raised again later (of 86 proposals only
 *   6 were adopted; the rest stay on file). It re-enters the funnel from the start.
 * - Any status before avsluttet may be forkastet (stopped), always with a reason (schema).
 * - avsluttet is final: a finished project is not reopened; start a new one instead.
 * - No skipping: a proposal cannot be adopted without a recommendation.
 */
export const LIFECYCLE_TRANSITIONS: Record<LifecycleStatus, readonly LifecycleStatus[]> = {
	proposed: ['recommended', 'rejected'],
	recommended: ['adopted', 'rejected', 'proposed'],
	adopted: ['in_progress', 'rejected'],
	in_progress: ['completed', 'rejected'],
	completed: [],
	rejected: ['proposed']
};

export function canTransition(from: LifecycleStatus, to: LifecycleStatus): boolean {
	return LIFECYCLE_TRANSITIONS[from].includes(to);
}

/** Statuses that need a written reason when entered: the reason of each change is kept. */
export function transitionNeedsReason(to: LifecycleStatus): boolean {
	return to === 'rejected';
}

export const SCORE_MIN = 1;
export const SCORE_MAX = 5;

export interface LensScore {
	score: number;
	justification: string;
}

/** A project's scores; an unscored lens is simply absent. */
export type LensScores = Partial<Record<Lens, LensScore>>;

export interface ScoreSummary {
	total: number;
	/** Mean over the scored lenses; null when none is scored. */
	mean: number | null;
	scoredCount: number;
	complete: boolean;
}

export function summariseScores(scores: LensScores): ScoreSummary {
	let total = 0;
	let scoredCount = 0;
	for (const lens of LENSES) {
		const entry = scores[lens];
		if (!entry) continue;
		total += entry.score;
		scoredCount += 1;
	}
	return {
		total,
		mean: scoredCount === 0 ? null : total / scoredCount,
		scoredCount,
		complete: scoredCount === LENSES.length
	};
}

export type RankBy = 'total' | 'mean' | Lens;

export interface Rankable {
	id: number;
	title: string;
	scores: LensScores;
}

export type Ranked<T extends Rankable> = T & { rank: number; summary: ScoreSummary };

function rankKey(summary: ScoreSummary, scores: LensScores, by: RankBy): number | null {
	if (by === 'total') return summary.scoredCount === 0 ? null : summary.total;
	if (by === 'mean') return summary.mean;
	return scores[by]?.score ?? null;
}

export const titleCollator = new Intl.Collator('nb-NO', { numeric: true, sensitivity: 'base' });

/**
 * Highest first. Ranks by total by default: a missing lens then counts as nothing, so a project
 * scored on two lenses cannot outrank one assessed on all five by its mean alone. Ties break
 * on mean, then number of lenses scored, then title (nb collation), then id, so the order is
 * the same on every load. Projects with no value for the key come last. Ranks are positions
 * (1, 2, 3 …) because the tie-breaks decide every order.
 */
export function rankProjects<T extends Rankable>(
	items: readonly T[],
	by: RankBy = 'total'
): Ranked<T>[] {
	const keyed = items.map((item) => {
		const summary = summariseScores(item.scores);
		return { item, summary, key: rankKey(summary, item.scores, by) };
	});
	keyed.sort((a, b) => {
		if (a.key === null || b.key === null) {
			if (a.key !== b.key) return a.key === null ? 1 : -1;
		} else if (a.key !== b.key) return b.key - a.key;
		const meanA = a.summary.mean ?? -1;
		const meanB = b.summary.mean ?? -1;
		if (meanA !== meanB) return meanB - meanA;
		if (a.summary.scoredCount !== b.summary.scoredCount) {
			return b.summary.scoredCount - a.summary.scoredCount;
		}
		return titleCollator.compare(a.item.title, b.item.title) || a.item.id - b.item.id;
	});
	return keyed.map(({ item, summary }, index) => ({ ...item, rank: index + 1, summary }));
}

// ---------------------------------------------------------------------------------------------
// Filters

export interface PortfolioFilter {
	trackId?: number;
	status?: LifecycleStatus;
	ownerId?: number;
	unitId?: number;
	/** Minimum mean score; an unscored project never passes it. */
	minScore?: number;
}

export interface FilterableProject {
	trackIds: readonly number[];
	status: LifecycleStatus;
	ownerId: number | null;
	/** Units that carry out the project's measures (projects reach units through measures). */
	unitIds: readonly number[];
	scores?: LensScores;
}

/** Every given criterion must hold (AND); an absent criterion does not filter. */
export function matchesFilter(project: FilterableProject, filter: PortfolioFilter): boolean {
	if (filter.trackId !== undefined && !project.trackIds.includes(filter.trackId)) return false;
	if (filter.status !== undefined && project.status !== filter.status) return false;
	if (filter.ownerId !== undefined && project.ownerId !== filter.ownerId) return false;
	if (filter.unitId !== undefined && !project.unitIds.includes(filter.unitId)) return false;
	if (filter.minScore !== undefined) {
		const mean = summariseScores(project.scores ?? {}).mean;
		if (mean === null || mean < filter.minScore) return false;
	}
	return true;
}

export function filterProjects<T extends FilterableProject>(
	projects: readonly T[],
	filter: PortfolioFilter
): T[] {
	return projects.filter((p) => matchesFilter(p, filter));
}

export function isFilterActive(filter: PortfolioFilter): boolean {
	return Object.values(filter).some((v) => v !== undefined);
}

// ---------------------------------------------------------------------------------------------
// Balance and funnel

export interface BalanceInput {
	id: number;
	trackIds: readonly number[];
	/** Levels the project aims to change; empty when not yet set. */
	levels: readonly Level[];
}

export interface PortfolioBalance {
	/** Distinct projects. */
	total: number;
	byTrack: Map<number, number>;
	byLevel: Record<Level, number>;
	/** Projects with no level set, so the level counts are not read as complete. */
	withoutLevel: number;
}

/**
 * A project in several tracks counts once under each of them (seed 001: «Noen prosjekter vil
 * naturlig kobles opp til flere mission-spor») but once in `total`, so the per-track counts may
 * add up to more than the total. Levels work the same way.
 */
export function portfolioBalance(
	projects: readonly BalanceInput[],
	trackIds: readonly number[] = []
): PortfolioBalance {
	const byTrack = new Map<number, number>(trackIds.map((id) => [id, 0]));
	const byLevel: Record<Level, number> = { user: 0, service: 0, system: 0 };
	let withoutLevel = 0;
	const seen = new Set<number>();
	for (const project of projects) {
		if (seen.has(project.id)) continue;
		seen.add(project.id);
		for (const trackId of new Set(project.trackIds)) {
			byTrack.set(trackId, (byTrack.get(trackId) ?? 0) + 1);
		}
		for (const level of new Set(project.levels)) byLevel[level] += 1;
		if (project.levels.length === 0) withoutLevel += 1;
	}
	return { total: seen.size, byTrack, byLevel, withoutLevel };
}

export interface FunnelInput {
	status: LifecycleStatus;
	/** Earlier statuses, so a rejected item still counts at the stage it reached. */
	history?: readonly LifecycleStatus[];
}

export interface Funnel {
	proposed: number;
	recommended: number;
	adopted: number;
}

/**
 * Cumulative, like seed 004 «86 forslag → 15 anbefalt → 6 vedtatt»: every item was once
 * proposed; `recommended` counts items that reached anbefalt or further, `adopted` those that
 * reached vedtatt or further (pågår and avsluttet included). An item rejected after being
 * recommended still counts as recommended, which is why the history is needed.
 */
export function lifecycleFunnel(items: readonly FunnelInput[]): Funnel {
	const funnel: Funnel = { proposed: 0, recommended: 0, adopted: 0 };
	for (const item of items) {
		const reached = Math.max(
			FUNNEL_RANK[item.status],
			...(item.history ?? []).map((s) => FUNNEL_RANK[s])
		);
		funnel.proposed += 1;
		if (reached >= FUNNEL_RANK.recommended) funnel.recommended += 1;
		if (reached >= FUNNEL_RANK.adopted) funnel.adopted += 1;
	}
	return funnel;
}

export function countByStatus(
	items: readonly { status: LifecycleStatus }[]
): Record<LifecycleStatus, number> {
	const counts = Object.fromEntries(LIFECYCLE_STATUSES.map((s) => [s, 0])) as Record<
		LifecycleStatus,
		number
	>;
	for (const item of items) counts[item.status] += 1;
	return counts;
}

// ---------------------------------------------------------------------------------------------
// Dates

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH = /^(\d{4})-(\d{2})$/;

/** A real calendar day `YYYY-MM-DD` (rejects 2026-02-30). */
export function isCalendarDay(value: string): boolean {
	const match = DAY.exec(value);
	if (!match) return false;
	const [, y, m, d] = match.map(Number) as [number, number, number, number];
	const date = new Date(Date.UTC(y, m - 1, d));
	return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** A report period `YYYY-MM`. */
export function isPeriod(value: string): boolean {
	const match = MONTH.exec(value);
	return match !== null && Number(match[2]) >= 1 && Number(match[2]) <= 12;
}

/** End not before start; an open end (or unknown start) is allowed. ISO days compare as text. */
export function datesInOrder(start: string | null, end: string | null): boolean {
	return start === null || end === null || end >= start;
}

const periodFormat = new Intl.DateTimeFormat('nb-NO', {
	month: 'long',
	year: 'numeric',
	timeZone: 'UTC'
});

/** `2026-03` → «mars 2026». */
export function formatPeriod(period: string): string {
	if (!isPeriod(period)) return period;
	const [y, m] = period.split('-').map(Number) as [number, number];
	return periodFormat.format(new Date(Date.UTC(y, m - 1, 15)));
}
