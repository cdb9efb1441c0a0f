/**
 * The search index (drizzle/0011_search_index.sql): one FTS5 table of the titles of tracks,
 * projects, measures, benefits and wheel tasks, kept in step by triggers. An entry's rowid is
 * kind × 2^40 + the row's id, and its `kind` column holds the kind's word, so one kind is
 * searched as `{kind}: measure AND {title}: (…)`. The virtual table is not in the drizzle
 * schema (drizzle-kit cannot say one), so it is read with SQL here.
 */
import { eq, inArray, sql } from 'drizzle-orm';
import { db } from '..';
import { benefit, measure, project, track, wheel, wheelTask } from '../schema';

export const SEARCH_KINDS = ['track', 'project', 'measure', 'benefit', 'wheeltask'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** The rowid's kind number, as the migration writes it. */
const KIND_NUMBER: Record<SearchKind, number> = {
	track: 1,
	project: 2,
	measure: 3,
	benefit: 4,
	wheeltask: 5
};
const KIND_SHIFT = 2 ** 40;

/** The FTS5 query rejected the match expression (a bug in whoever built it; never a user's). */
export class SearchQueryError extends Error {}

/** `match` is built by parseSearchQuery ($lib/domain/search/query.ts). */
function inKind(kind: SearchKind, match: string): string {
	return `{kind}: ${kind} AND {title}: (${match})`;
}

function fts<T>(run: () => T): T {
	try {
		return run();
	} catch (e) {
		// FTS5 reports a query it cannot parse as a plain SQLITE_ERROR: «fts5: syntax error
		// near …», «unterminated string», «no such column: …» (an unknown column filter). A
		// missing table is the schema's fault, not the query's, and stays an error.
		const code = (e as { code?: unknown }).code;
		if (
			e instanceof Error &&
			code === 'SQLITE_ERROR' &&
			!/^no such (table|function|module)/.test(e.message)
		) {
			throw new SearchQueryError(e.message);
		}
		throw e;
	}
}

/**
 * Matches per kind; kinds without a match are left out. Grouped by the rowid's kind number,
 * which FTS5 has at hand, rather than by the `kind` column, which it would read from its
 * content table for every match (7 ms against 23 ms for the 20 000 of «tiltak*»).
 */
export function countSearchMatches(match: string): Partial<Record<SearchKind, number>> {
	const rows = fts(() =>
		db.all<{ kind: number; n: number }>(sql`
			SELECT rowid >> 40 AS kind, count(*) AS n FROM search_entry
			WHERE search_entry MATCH ${`{title}: (${match})`}
			GROUP BY 1`)
	);
	return Object.fromEntries(
		rows.flatMap((r) => {
			const kind = SEARCH_KINDS.find((k) => KIND_NUMBER[k] === r.kind);
			return kind ? [[kind, r.n]] : [];
		})
	);
}

/**
 * One page of a kind's matches, as row ids. Best match first (FTS5's bm25 `rank`) when the
 * kind has at most `rankedUpTo` matches; otherwise newest first, which FTS5 reads straight
 * off its word lists: ranking computes a score for every match, 20 000 of them for «tiltak».
 */
export function searchKindIds(
	kind: SearchKind,
	match: string,
	{ limit, offset, ranked }: { limit: number; offset: number; ranked: boolean }
): number[] {
	const order = ranked ? sql`rank, rowid` : sql`rowid DESC`;
	const rows = fts(() =>
		db.all<{ rowid: number }>(sql`
			SELECT rowid FROM search_entry WHERE search_entry MATCH ${inKind(kind, match)}
			ORDER BY ${order} LIMIT ${limit} OFFSET ${offset}`)
	);
	const base = KIND_NUMBER[kind] * KIND_SHIFT;
	return rows.map((r) => r.rowid - base);
}

export type SearchRow = {
	id: number;
	title: string;
	archived: boolean;
	/** What the row belongs to: a measure's or benefit's project, a task's wheel. */
	context: string | null;
	/** The wheel a task belongs to (its page is the wheel's). */
	wheelId: number | null;
};

/** The rows behind a page of ids, in the order given. */
export function listSearchRows(kind: SearchKind, ids: number[]): SearchRow[] {
	if (ids.length === 0) return [];
	const rows = searchRows(kind, ids);
	const byId = new Map(rows.map((r) => [r.id, r]));
	return ids.flatMap((id) => byId.get(id) ?? []);
}

function searchRows(kind: SearchKind, ids: number[]): SearchRow[] {
	switch (kind) {
		case 'track':
			return db
				.select({
					id: track.id,
					code: track.code,
					title: track.title,
					archivedAt: track.archivedAt
				})
				.from(track)
				.where(inArray(track.id, ids))
				.all()
				.map((r) => ({
					id: r.id,
					title: r.title,
					archived: r.archivedAt !== null,
					context: `Spor ${r.code}`,
					wheelId: null
				}));
		case 'project':
			return db
				.select({ id: project.id, title: project.title, archivedAt: project.archivedAt })
				.from(project)
				.where(inArray(project.id, ids))
				.all()
				.map((r) => ({
					id: r.id,
					title: r.title,
					archived: r.archivedAt !== null,
					context: null,
					wheelId: null
				}));
		case 'measure':
			return db
				.select({
					id: measure.id,
					title: measure.title,
					archivedAt: measure.archivedAt,
					project: project.title
				})
				.from(measure)
				.innerJoin(project, eq(project.id, measure.projectId))
				.where(inArray(measure.id, ids))
				.all()
				.map((r) => ({
					id: r.id,
					title: r.title,
					archived: r.archivedAt !== null,
					context: r.project,
					wheelId: null
				}));
		case 'benefit':
			return db
				.select({
					id: benefit.id,
					title: benefit.title,
					project: project.title,
					projectArchivedAt: project.archivedAt
				})
				.from(benefit)
				.innerJoin(project, eq(project.id, benefit.projectId))
				.where(inArray(benefit.id, ids))
				.all()
				.map((r) => ({
					id: r.id,
					title: r.title,
					// A benefit has no archive of its own; it goes with its project.
					archived: r.projectArchivedAt !== null,
					context: r.project,
					wheelId: null
				}));
		case 'wheeltask':
			return db
				.select({
					id: wheelTask.id,
					title: wheelTask.title,
					archivedAt: wheelTask.archivedAt,
					wheelId: wheel.id,
					wheel: wheel.name,
					wheelArchivedAt: wheel.archivedAt
				})
				.from(wheelTask)
				.innerJoin(wheel, eq(wheel.id, wheelTask.wheelId))
				.where(inArray(wheelTask.id, ids))
				.all()
				.map((r) => ({
					id: r.id,
					title: r.title,
					archived: r.archivedAt !== null || r.wheelArchivedAt !== null,
					context: r.wheel,
					wheelId: r.wheelId
				}));
	}
}
