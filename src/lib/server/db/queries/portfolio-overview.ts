/**
 * The overview (Oversikt) in SQL: which projects and measures a filter shows, counted per track
 * with GROUP BY, the first projects of every track picked with a window function, and one page
 * of a track's projects or a project's measures at a time. The rules are those of
 * `buildPortfolioTree` (src/lib/domain/portfolio/tree.ts), which stays the reference: a project
 * is shown when it matches the filter itself (all its measures shown, narrowed to the unit when
 * a unit is chosen) or when one of its measures matches (only those shown); `minScore` applies
 * to projects; archived projects and measures are left out.
 *
 * Titles sort case-insensitively (`COLLATE NOCASE`), then by id, so pages never overlap. That
 * is not the nb-NO collation the domain sorts with: SQLite has no locale collation and
 * better-sqlite3 cannot register one. Track codes sort by their number first (1A, 1B, 2 … 10).
 */
import type { Statement } from 'better-sqlite3';
import { db } from '..';
import type { PortfolioFilter } from '$lib/domain/portfolio/rules';
import { type LifecycleStatus, type RagStatus } from '$lib/domain/portfolio/vocabulary';

/** Named parameters every overview statement takes; null means "no such filter". */
export interface OverviewParams {
	trackId: number | null;
	status: LifecycleStatus | null;
	ownerId: number | null;
	unitId: number | null;
	minScore: number | null;
}

export function overviewParams(filter: PortfolioFilter): OverviewParams {
	return {
		trackId: filter.trackId ?? null,
		status: filter.status ?? null,
		ownerId: filter.ownerId ?? null,
		unitId: filter.unitId ?? null,
		minScore: filter.minScore ?? null
	};
}

/** Which filters are set decides the statement's shape, so an unfiltered overview stays cheap. */
interface Shape {
	row: boolean;
	unit: boolean;
	minScore: boolean;
	/** Work out only the projects of one track (`@listTrackId`; 0: those without a track). */
	within: boolean;
}

function shapeOf(params: OverviewParams, within = false): Shape {
	return {
		row: params.status !== null || params.ownerId !== null || params.unitId !== null,
		unit: params.unitId !== null,
		minScore: params.minScore !== null,
		within
	};
}

/** A row (project or measure) matching the status, owner and unit filters. */
const matches = (alias: string, shape: Shape) =>
	[
		`(@status is null or ${alias}.status = @status)`,
		`(@ownerId is null or ${alias}.owner_id = @ownerId)`,
		shape.unit ? `${alias}.id in (select id from unit_measure)` : '1'
	].join(' and ');

const NO_LIVE_TRACK = (id: string) => `not exists (
	select 1 from project_track pt join track t on t.id = pt.track_id
	where pt.project_id = ${id} and t.archived_at is null)`;

/**
 * `shown_project`: projects the filter shows, with the number of measures shown under each;
 * `shown_track`: the tracks it keeps; `unassigned`: shown projects linked to no live track, listed
 * apart so nothing silently disappears. The tree's rules, row for row. A project's own match
 * needs only its own measures, so `within` may restrict the work to one track's projects.
 */
function shownCtes(shape: Shape): string {
	const within = shape.within
		? `
		and (case when @listTrackId = 0 then ${NO_LIVE_TRACK('p.id')}
			else p.id in (select project_id from project_track where track_id = @listTrackId) end)`
		: '';
	const minScore = shape.minScore
		? `
		and (select avg(s.score) from project_score s where s.project_id = p.id) >= @minScore`
		: '';
	const live = `
live_project as materialized (
	select p.id, p.title, p.status, p.owner_id from project p
	where p.archived_at is null${within}${minScore}
),
shown_track as materialized (
	select t.id from track t
	where t.archived_at is null and (@trackId is null or t.id = @trackId)
),`;
	const counted = shape.row
		? `${shape.unit ? '\nunit_measure as materialized (select measure_id as id from measure_unit where unit_id = @unitId),' : ''}
self_match as materialized (
	select p.id from live_project p
	where (@status is null or p.status = @status) and (@ownerId is null or p.owner_id = @ownerId)${
		shape.unit
			? `
		and p.id in (select m.project_id from measure m join unit_measure um on um.id = m.id
			where m.archived_at is null)`
			: ''
	}
),
shown_count as materialized (
	select m.project_id, count(*) as n from measure m join live_project p on p.id = m.project_id
	where m.archived_at is null and (
		(m.project_id in (select id from self_match)${
			shape.unit ? ' and m.id in (select id from unit_measure)' : ''
		})
		or (m.project_id not in (select id from self_match) and ${matches('m', shape)}))
	group by m.project_id
),
shown_project as materialized (
	select p.*, coalesce(c.n, 0) as measures
	from live_project p left join shown_count c on c.project_id = p.id
	where p.id in (select id from self_match) or c.n is not null
),`
		: `
shown_count as materialized (
	select m.project_id, count(*) as n from measure m
	where m.archived_at is null${shape.within ? ' and m.project_id in (select id from live_project)' : ''}
	group by m.project_id
),
shown_project as materialized (
	select p.*, coalesce(c.n, 0) as measures
	from live_project p left join shown_count c on c.project_id = p.id
),`;
	return `${live}${counted}
unassigned as materialized (
	select sp.id from shown_project sp where @trackId is null and ${NO_LIVE_TRACK('sp.id')}
)`;
}

/**
 * The latest status report per project: one row per project and month (a unique index), so the
 * row holding max(period) is the latest (SQLite returns the bare column from that row).
 */
const LATEST_PROJECT_RAG = `latest_rag as materialized (
	select subject_id as id, rag, max(period) from status_report
	where subject = 'project' group by subject_id
)`;

const TRACK_ORDER = `cast(t.code as integer), t.code, t.id`;
const TITLE_ORDER = (alias: string) => `${alias}.title collate nocase, ${alias}.id`;

export interface OverviewTrackRow {
	id: number;
	code: string;
	title: string;
	status: LifecycleStatus;
	ownerId: number | null;
	ownerName: string | null;
	projects: number;
	measures: number;
	/** Shown projects by the colour of their latest status report. */
	green: number;
	amber: number;
	red: number;
}

export interface OverviewTotals {
	tracks: number;
	projects: number;
	measures: number;
	unassignedProjects: number;
	unassignedMeasures: number;
}

export interface OverviewProjectRow {
	/** The track the row is listed under; 0 for projects without a track. */
	trackId: number;
	id: number;
	title: string;
	status: LifecycleStatus;
	ownerId: number | null;
	ownerName: string | null;
	measures: number;
	reportRag: RagStatus | null;
	reportPeriod: string | null;
	reportNarrative: string | null;
}

export interface OverviewMeasureRow {
	id: number;
	title: string;
	status: LifecycleStatus;
	ownerId: number | null;
	ownerName: string | null;
	/** Unit names, joined with «, ». */
	units: string | null;
	reportRag: RagStatus | null;
	reportPeriod: string | null;
	reportNarrative: string | null;
}

const PROJECT_COLUMNS = `sp.id, sp.title, sp.status, sp.owner_id as ownerId, u.name as ownerName,
	sp.measures, r.rag as reportRag, r.period as reportPeriod, r.narrative as reportNarrative`;

const LATEST_REPORT_JOIN = (subject: 'project' | 'measure', id: string) =>
	`left join status_report r on r.id = (
		select id from status_report where subject = '${subject}' and subject_id = ${id}
		order by period desc, id desc limit 1)`;

const SQL = {
	/**
	 * One pass for the overview's top: a row per shown track (kind `track`) with counts and
	 * the colours of its projects' latest reports, one row of distinct totals (kind `total`),
	 * and the first `@limit` projects under every track (kind `project`, track 0 for those
	 * without one), picked with row_number() over each track.
	 */
	summary: (shape: Shape) => `with ${shownCtes(shape)},
		${LATEST_PROJECT_RAG},
		track_row as (
			select t.id, t.code, t.title, t.status, t.owner_id,
				count(sp.id) as projects, coalesce(sum(sp.measures), 0) as measures,
				count(case when r.rag = 'green' then 1 end) as green,
				count(case when r.rag = 'amber' then 1 end) as amber,
				count(case when r.rag = 'red' then 1 end) as red,
				row_number() over (order by ${TRACK_ORDER}) as n
			from track t join shown_track st on st.id = t.id
			left join project_track pt on pt.track_id = t.id
			left join shown_project sp on sp.id = pt.project_id
			left join latest_rag r on r.id = sp.id
			group by t.id
			having @filtering = 0 or @trackId is not null or count(sp.id) > 0
		),
		visible as (
			select sp.id, sp.measures from shown_project sp
			where sp.id in (select id from unassigned) or exists (
				select 1 from project_track pt join shown_track st on st.id = pt.track_id
				where pt.project_id = sp.id)
		),
		listed as (
			select pt.track_id as track_id, sp.*,
				row_number() over (partition by pt.track_id order by ${TITLE_ORDER('sp')}) as n
			from shown_project sp
			join project_track pt on pt.project_id = sp.id
			join shown_track st on st.id = pt.track_id
			union all
			select 0, sp.*, row_number() over (order by ${TITLE_ORDER('sp')})
			from shown_project sp where sp.id in (select id from unassigned)
		)
		select * from (
		select 'track' as kind, t.id as trackId, t.id, t.code, t.title, t.status,
			t.owner_id as ownerId, u.name as ownerName, t.projects, t.measures,
			t.green, t.amber, t.red, null as reportRag, null as reportPeriod, null as reportNarrative,
			t.n
		from track_row t left join user u on u.id = t.owner_id
		union all
		select 'total', null, null, null, null, null, null, null,
			(select count(*) from visible), (select coalesce(sum(measures), 0) from visible),
			(select count(*) from unassigned),
			(select coalesce(sum(sp.measures), 0) from shown_project sp
				where sp.id in (select id from unassigned)),
			null, null, null, null, 0
		union all
		select 'project', sp.track_id, sp.id, null, sp.title, sp.status, sp.owner_id, u.name, null,
			sp.measures, null, null, null, r.rag, r.period, r.narrative, sp.n
		from listed sp
		left join user u on u.id = sp.owner_id
		${LATEST_REPORT_JOIN('project', 'sp.id')}
		where sp.n <= @limit)
		order by case kind when 'track' then 0 when 'total' then 1 else 2 end,
			case when kind = 'track' then n else trackId end, n`,
	trackProjects: (shape: Shape) => `with ${shownCtes(shape)}
		select @listTrackId as trackId, ${PROJECT_COLUMNS}
		from shown_project sp
		left join user u on u.id = sp.owner_id
		${LATEST_REPORT_JOIN('project', 'sp.id')}
		where (@listTrackId = 0 and sp.id in (select id from unassigned))
			or (@listTrackId <> 0 and @listTrackId in (select id from shown_track) and exists (
				select 1 from project_track pt where pt.project_id = sp.id and pt.track_id = @listTrackId))
		order by ${TITLE_ORDER('sp')}
		limit @limit offset @offset`,
	/**
	 * The measures shown under one project, without working out the whole portfolio: the project
	 * matches itself, or each measure is matched on its own.
	 */
	measures: (shape: Shape) => `with
		${shape.unit ? 'unit_measure as materialized (select measure_id as id from measure_unit where unit_id = @unitId),' : ''}
		this_project as (
			select p.id, (${
				shape.row
					? `(@status is null or p.status = @status) and (@ownerId is null or p.owner_id = @ownerId)${
							shape.unit
								? ` and exists (select 1 from measure m join unit_measure um on um.id = m.id
									where m.project_id = p.id and m.archived_at is null)`
								: ''
						}`
					: '1'
			}) as self
			from project p
			where p.id = @projectId and p.archived_at is null${
				shape.minScore
					? ` and (select avg(s.score) from project_score s where s.project_id = p.id) >= @minScore`
					: ''
			}
		),
		shown as (
			select m.* from measure m join this_project p on p.id = m.project_id
			where m.archived_at is null and ${
				shape.row
					? `((p.self${shape.unit ? ' and m.id in (select id from unit_measure)' : ''})
						or (not p.self and ${matches('m', shape)}))`
					: '1'
			}
		)
		select m.id, m.title, m.status, m.owner_id as ownerId, u.name as ownerName,
			(select group_concat(name, ', ') from (
				select un.name from measure_unit mu join unit un on un.id = mu.unit_id
				where mu.measure_id = m.id order by un.name collate nocase)) as units,
			r.rag as reportRag, r.period as reportPeriod, r.narrative as reportNarrative,
			count(*) over () as total
		from shown m
		left join user u on u.id = m.owner_id
		${LATEST_REPORT_JOIN('measure', 'm.id')}
		order by ${TITLE_ORDER('m')}
		limit @limit offset @offset`,
	// Exists per user rather than a union of owner columns: each probe stops at the first row.
	owners: () => `
		select u.id, u.name, u.email from user u
		where exists (select 1 from track t where t.owner_id = u.id and t.archived_at is null)
			or exists (select 1 from project p where p.owner_id = u.id and p.archived_at is null)
			or exists (select 1 from measure m join project p on p.id = m.project_id
				where m.owner_id = u.id and m.archived_at is null and p.archived_at is null)
		order by u.name collate nocase, u.id`
} satisfies Record<string, (shape: Shape) => string>;

type Kind = keyof typeof SQL;

// One statement per kind and filter shape, prepared on first use.
let cache: { sqlite: unknown; statements: Map<string, Statement> } | undefined;

function statement(kind: Kind, shape: Shape): Statement {
	const sqlite = db.$client;
	if (cache?.sqlite !== sqlite) cache = { sqlite, statements: new Map() };
	const key = `${kind}:${+shape.row}${+shape.unit}${+shape.minScore}${+shape.within}`;
	let s = cache.statements.get(key);
	if (!s) cache.statements.set(key, (s = sqlite.prepare(SQL[kind](shape))));
	return s;
}

/** Binds only the parameters a statement names: better-sqlite3 refuses unknown ones. */
function bind(s: Statement, params: Record<string, unknown>) {
	const names = new Set(s.source.match(/@\w+/g));
	return Object.fromEntries(Object.entries(params).filter(([k]) => names.has(`@${k}`)));
}

function all<T>(kind: Kind, shape: Shape, params: Record<string, unknown>): T[] {
	const s = statement(kind, shape);
	return s.all(bind(s, params)) as T[];
}

type SummaryRow = OverviewTrackRow &
	OverviewProjectRow & { kind: 'track' | 'total' | 'project'; n: number };

/**
 * The overview's top in one statement: the shown tracks by code with counts, the distinct
 * totals (a project under two tracks counts once), and the first `limit` projects of every
 * shown track (track 0: the projects without a track).
 */
export function overviewSummary(params: OverviewParams, limit: number) {
	const filtering = Object.values(params).some((v) => v !== null) ? 1 : 0;
	const rows = all<SummaryRow>('summary', shapeOf(params), { ...params, filtering, limit });
	const tracks: OverviewTrackRow[] = [];
	const projects: OverviewProjectRow[] = [];
	let totals: Omit<OverviewTotals, 'tracks'> = {
		projects: 0,
		measures: 0,
		unassignedProjects: 0,
		unassignedMeasures: 0
	};
	for (const r of rows) {
		if (r.kind === 'track') {
			tracks.push({
				id: r.id,
				code: r.code,
				title: r.title,
				status: r.status,
				ownerId: r.ownerId,
				ownerName: r.ownerName,
				projects: r.projects,
				measures: r.measures,
				green: r.green,
				amber: r.amber,
				red: r.red
			});
		} else if (r.kind === 'project') {
			projects.push({
				trackId: r.trackId,
				id: r.id,
				title: r.title,
				status: r.status,
				ownerId: r.ownerId,
				ownerName: r.ownerName,
				measures: r.measures,
				reportRag: r.reportRag,
				reportPeriod: r.reportPeriod,
				reportNarrative: r.reportNarrative
			});
		} else {
			// The total row carries its four counts in the track columns, in this order.
			totals = {
				projects: r.projects,
				measures: r.measures,
				unassignedProjects: r.green,
				unassignedMeasures: r.amber
			};
		}
	}
	return { tracks, totals: { tracks: tracks.length, ...totals }, projects };
}

/** One page of a track's shown projects; track 0 lists the projects without a track. */
export function listTrackProjectsPage(
	params: OverviewParams,
	trackId: number,
	limit: number,
	offset: number
): OverviewProjectRow[] {
	return all('trackProjects', shapeOf(params, true), {
		...params,
		listTrackId: trackId,
		limit,
		offset
	});
}

/** One page of the measures the filter shows under a project, each row with the total. */
export function listProjectMeasuresPage(
	params: OverviewParams,
	projectId: number,
	limit: number,
	offset: number
): (OverviewMeasureRow & { total: number })[] {
	return all('measures', shapeOf(params), { ...params, projectId, limit, offset });
}

/** People who own a live track, project or measure: the overview's owner filter. */
export function listLiveOwners(): { id: number; name: string; email: string }[] {
	return all('owners', shapeOf(overviewParams({})), {});
}
