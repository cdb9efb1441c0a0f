/**
 * The rows a benefit map draws: titles and links of the projects in a scope, nothing of the
 * figures (no realisations or estimates), and counted in SQL first, so a scope too large to
 * draw is refused before any of its rows are read. Prepared once per process, as the other
 * benefit reads (benefits-reads.ts); project ids are bound as one JSON array.
 */
import { and, asc, count, isNull, sql, type Column, type SQL } from 'drizzle-orm';
import { db } from '..';
import { benefit, benefitChange, benefitLink, measure, project, projectTrack } from '../schema';
import { type BenefitLevel } from '$lib/domain/benefits/vocabulary';

export interface MapScope {
	projectId: number | null;
	trackId: number | null;
}

const inJson = (column: Column) =>
	sql`${column} in (select value from json_each(${sql.placeholder('ids')}))`;

/** Active projects, of one project and of one track when those placeholders are not null. */
const inScope: SQL = sql`${isNull(project.archivedAt)}
	and (${sql.placeholder('projectId')} is null or ${project.id} = ${sql.placeholder('projectId')})
	and (${sql.placeholder('trackId')} is null or ${project.id} in (
		select ${projectTrack.projectId} from ${projectTrack}
		where ${projectTrack.trackId} = ${sql.placeholder('trackId')}))`;

function prepareAll() {
	return {
		projectIds: db
			.select({ id: project.id })
			.from(project)
			.where(inScope)
			.orderBy(asc(project.id))
			.prepare(),
		projectCount: db.select({ n: count() }).from(project).where(inScope).prepare(),
		projectOptions: db
			.select({ id: project.id, title: project.title })
			.from(project)
			.where(inScope)
			.orderBy(asc(project.title), asc(project.id))
			.limit(sql.placeholder('limit'))
			.prepare(),
		rowCount: db
			.select({
				n: sql<number>`(select count(*) from ${measure}
					where ${inJson(measure.projectId)} and ${isNull(measure.archivedAt)})
				+ (select count(*) from ${benefitChange} where ${inJson(benefitChange.projectId)})
				+ (select count(*) from ${benefit} where ${inJson(benefit.projectId)}
					and (${sql.placeholder('level')} is null or ${benefit.level} = ${sql.placeholder('level')}))`
			})
			.from(sql`(select 1)`)
			.prepare(),
		measures: db
			.select({ id: measure.id, projectId: measure.projectId, title: measure.title })
			.from(measure)
			.where(and(inJson(measure.projectId), isNull(measure.archivedAt)))
			.orderBy(asc(measure.id))
			.prepare(),
		changes: db
			.select({
				id: benefitChange.id,
				projectId: benefitChange.projectId,
				title: benefitChange.title
			})
			.from(benefitChange)
			.where(inJson(benefitChange.projectId))
			.orderBy(asc(benefitChange.id))
			.prepare(),
		benefits: db
			.select({
				id: benefit.id,
				title: benefit.title,
				kind: benefit.kind,
				level: benefit.level,
				disbenefit: benefit.disbenefit
			})
			.from(benefit)
			.where(inJson(benefit.projectId))
			.orderBy(asc(benefit.id))
			.prepare(),
		links: db
			.select({
				fromKind: benefitLink.fromKind,
				fromId: benefitLink.fromId,
				toKind: benefitLink.toKind,
				toId: benefitLink.toId
			})
			.from(benefitLink)
			.where(inJson(benefitLink.projectId))
			.orderBy(asc(benefitLink.id))
			.prepare()
	};
}

let prepared: ReturnType<typeof prepareAll> | undefined;
const reads = () => (prepared ??= prepareAll());

/** Ids of the active projects in the scope: one project, a track's, or the whole mission's. */
export function listScopeProjectIds(scope: MapScope): number[] {
	return reads()
		.projectIds.all({ projectId: scope.projectId, trackId: scope.trackId })
		.map((r) => r.id);
}

/** The projects a filter may offer (by title), at most `limit`; the total tells whether more exist. */
export function listProjectOptions(
	trackId: number | null,
	limit: number
): { options: { id: number; title: string }[]; total: number } {
	const scope = { projectId: null, trackId };
	return {
		options: reads().projectOptions.all({ ...scope, limit }),
		total: reads().projectCount.get(scope)?.n ?? 0
	};
}

/** How many measures, changes and benefits (of the level, if given) the projects hold. */
export function countMapRows(projectIds: readonly number[], level: BenefitLevel | null): number {
	if (!projectIds.length) return 0;
	return reads().rowCount.get({ ids: JSON.stringify(projectIds), level })?.n ?? 0;
}

/** The map's rows for the projects, each list in creation order (a rename must not move nodes). */
export function listMapRows(projectIds: readonly number[]) {
	const r = reads();
	const ids = { ids: JSON.stringify(projectIds) };
	return {
		measures: projectIds.length ? r.measures.all(ids) : [],
		changes: projectIds.length ? r.changes.all(ids) : [],
		benefits: projectIds.length ? r.benefits.all(ids) : [],
		links: projectIds.length ? r.links.all(ids) : []
	};
}
