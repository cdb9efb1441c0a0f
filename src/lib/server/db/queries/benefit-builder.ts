/**
 * The project map editor's lists, a page at a time: the project's measures, changes,
 * benefits and links, counted in SQL and read with LIMIT/OFFSET in creation order (the order
 * the map lays them out in, so a rename does not move a row to another page). The link form
 * of a large project picks its ends from a title search here instead of from every element.
 * Each read uses the table's project index.
 */
import { and, asc, eq, isNull, sql, type Column } from 'drizzle-orm';
import { db } from '..';
import { benefit, benefitChange, benefitLink, measure } from '../schema';
import type { NodeKind } from '$lib/domain/benefits/vocabulary';

export interface BuilderCounts {
	measures: number;
	changes: number;
	benefits: number;
	links: number;
}

const pid = sql.placeholder('projectId');

/** The title of a link's end, by its kind; effect goals are labelled by the caller. */
const endTitle = (kind: Column, id: Column) =>
	sql<string | null>`case ${kind}
		when 'measure' then (select ${measure.title} from ${measure} where ${measure.id} = ${id})
		when 'change' then (select ${benefitChange.title} from ${benefitChange} where ${benefitChange.id} = ${id})
		when 'benefit' then (select ${benefit.title} from ${benefit} where ${benefit.id} = ${id})
		end`;

function prepareAll() {
	return {
		counts: db
			.select({
				measures: sql<number>`(select count(*) from ${measure}
					where ${measure.projectId} = ${pid} and ${isNull(measure.archivedAt)})`,
				changes: sql<number>`(select count(*) from ${benefitChange}
					where ${benefitChange.projectId} = ${pid})`,
				benefits: sql<number>`(select count(*) from ${benefit} where ${benefit.projectId} = ${pid})`,
				links: sql<number>`(select count(*) from ${benefitLink} where ${benefitLink.projectId} = ${pid})`
			})
			.from(sql`(select 1)`)
			.prepare(),
		measures: db
			.select({ id: measure.id, title: measure.title })
			.from(measure)
			.where(and(eq(measure.projectId, pid), isNull(measure.archivedAt)))
			.orderBy(asc(measure.id))
			.limit(sql.placeholder('limit'))
			.offset(sql.placeholder('offset'))
			.prepare(),
		changes: db
			.select()
			.from(benefitChange)
			.where(eq(benefitChange.projectId, pid))
			.orderBy(asc(benefitChange.id))
			.limit(sql.placeholder('limit'))
			.offset(sql.placeholder('offset'))
			.prepare(),
		benefits: db
			.select({ id: benefit.id, title: benefit.title, level: benefit.level, kind: benefit.kind })
			.from(benefit)
			.where(eq(benefit.projectId, pid))
			.orderBy(asc(benefit.id))
			.limit(sql.placeholder('limit'))
			.offset(sql.placeholder('offset'))
			.prepare(),
		links: db
			.select({
				id: benefitLink.id,
				fromKind: benefitLink.fromKind,
				fromId: benefitLink.fromId,
				fromTitle: endTitle(benefitLink.fromKind, benefitLink.fromId),
				toKind: benefitLink.toKind,
				toId: benefitLink.toId,
				toTitle: endTitle(benefitLink.toKind, benefitLink.toId)
			})
			.from(benefitLink)
			.where(eq(benefitLink.projectId, pid))
			.orderBy(asc(benefitLink.id))
			.limit(sql.placeholder('limit'))
			.offset(sql.placeholder('offset'))
			.prepare()
	};
}

let prepared: ReturnType<typeof prepareAll> | undefined;
const reads = () => (prepared ??= prepareAll());

/** How many measures (not archived), changes, benefits and links the project has. */
export function countBuilderRows(projectId: number): BuilderCounts {
	return reads().counts.get({ projectId }) ?? { measures: 0, changes: 0, benefits: 0, links: 0 };
}

const page = (projectId: number, limit: number, offset: number) => ({ projectId, limit, offset });

export function listMeasurePage(projectId: number, limit: number, offset: number) {
	return reads().measures.all(page(projectId, limit, offset));
}

export function listChangePage(projectId: number, limit: number, offset: number) {
	return reads().changes.all(page(projectId, limit, offset));
}

export function listBenefitPage(projectId: number, limit: number, offset: number) {
	return reads().benefits.all(page(projectId, limit, offset));
}

export interface LinkPageRow {
	id: number;
	fromKind: NodeKind;
	fromId: number;
	fromTitle: string | null;
	toKind: NodeKind;
	toId: number;
	toTitle: string | null;
}

export function listLinkPage(projectId: number, limit: number, offset: number): LinkPageRow[] {
	return reads().links.all(page(projectId, limit, offset));
}

export type SearchKind = 'measure' | 'change' | 'benefit';

/**
 * The project's elements of `kinds` whose title contains `query` (case-insensitive for ASCII
 * letters, as SQLite's LIKE), by title, at most `limit` in all.
 */
export function searchBuilderElements(
	projectId: number,
	query: string,
	kinds: readonly SearchKind[],
	limit: number
): { kind: SearchKind; id: number; title: string }[] {
	const pattern = `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
	const of = (kind: SearchKind) => kinds.includes(kind);
	const parts = [
		of('measure')
			? sql`select 'measure' as kind, ${measure.id} as id, ${measure.title} as title from ${measure}
				where ${measure.projectId} = ${projectId} and ${isNull(measure.archivedAt)}
				and ${measure.title} like ${pattern} escape '\\'`
			: null,
		of('change')
			? sql`select 'change' as kind, ${benefitChange.id} as id, ${benefitChange.title} as title from ${benefitChange}
				where ${benefitChange.projectId} = ${projectId}
				and ${benefitChange.title} like ${pattern} escape '\\'`
			: null,
		of('benefit')
			? sql`select 'benefit' as kind, ${benefit.id} as id, ${benefit.title} as title from ${benefit}
				where ${benefit.projectId} = ${projectId} and ${benefit.title} like ${pattern} escape '\\'`
			: null
	].filter((p) => p !== null);
	if (!parts.length) return [];
	return db.all<{ kind: SearchKind; id: number; title: string }>(
		sql`${sql.join(parts, sql` union all `)} order by title, kind, id limit ${limit}`
	);
}
