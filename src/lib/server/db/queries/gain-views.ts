/**
 * What the benefit overview (Gevinster) reads, in SQL over the roll-ups kept by
 * gain-rollups.ts: sums per scope, track, level and project (`rollUp`: a benefit counts once in
 * each group it belongs to, so a benefit of a project in two tracks counts in both tracks and
 * once in the mission) and the combined monthly series in kroner (`combinedKronerSeries`);
 * the behind-plan and benefit lists a page at a time are gain-lists.ts. The scope is the
 * benefit pages' filter: a project, a track, a level; live projects only.
 */
import { figureCtesFor, SERIES_ROWS_SQL } from './gain-rollups';
import { preparedStatements } from './prepared';
import type { GroupSums } from '$lib/domain/benefits/net';

export interface GainScope {
	missionId: number;
	projectId: number | null;
	trackId: number | null;
	level: string | null;
}

export const statement = preparedStatements();

/**
 * Sums of one group, per unit, as `rollUp` gives them: gains and dis-benefits apart (their
 * net is `netAmounts`, domain/benefits/net.ts), each counted and summed in SQL.
 */
export interface GainSumRow extends GroupSums {
	key: number | string;
}

const unitSum = (unit: string, column: string, as: string) =>
	`coalesce(sum(case when unit = '${unit}' then ${column} end), 0) as ${as}`;

/** The GainSumRow columns over rows with `unit`, `benefits`, `estimate`, `planned`, `realised`. */
export const SUMS = `count(*) as n,
	coalesce(sum(case when unit not like 'ulempe_%' then benefits end), 0) as benefits,
	coalesce(sum(case when unit like 'ulempe_%' then benefits end), 0) as disbenefits,
	${[
		['kr', 'kr'],
		['timer', 'h'],
		['ulempe_kr', 'krDis'],
		['ulempe_timer', 'hDis']
	]
		.flatMap(([unit, p]) => [
			unitSum(unit!, 'estimate', `${p}Estimate`),
			unitSum(unit!, 'planned', `${p}Planned`),
			unitSum(unit!, 'realised', `${p}Realised`)
		])
		.join(',\n\t')}`;

/**
 * The stored totals that make up the scope: the project's when a project is chosen (none if it
 * is not in the chosen track), else the track's, else the mission's.
 */
const SCOPE_TOTALS = `
	select * from gain_total g
	where (@level is null or g.level = @level) and (
		(@projectId is not null and g.scope = 'project' and g.scope_id = @projectId
			and (@trackId is null or exists (select 1 from project_track pt
				where pt.project_id = @projectId and pt.track_id = @trackId)))
		or (@projectId is null and @trackId is not null and g.scope = 'track' and g.scope_id = @trackId)
		or (@projectId is null and @trackId is null and g.scope = 'mission'
			and g.scope_id = @missionId))`;

const SUMS_SQL = `
	with scoped as (${SCOPE_TOTALS})
	select 'mission' as dim, @missionId as key, ${SUMS} from scoped
	union all
	select 'level', level, ${SUMS} from scoped group by level
	union all
	-- Per track, each benefit under every track of its project (0: none): with a project or a
	-- track chosen, from the totals of the projects in the scope; else the stored track totals.
	select 'track', t.track_id, ${SUMS}
	from (
		select coalesce(pt.track_id, 0) as track_id, g.*
		from gain_total g left join project_track pt on pt.project_id = g.scope_id
		where g.scope = 'project' and (@level is null or g.level = @level) and (
			(@projectId is not null and g.scope_id in (select scope_id from scoped))
			or (@projectId is null and @trackId is not null and g.scope_id in (
				select p.id from project p join project_track x on x.project_id = p.id
				where x.track_id = @trackId and p.archived_at is null)))
		union all
		select g.scope_id, g.* from gain_total g
		where @projectId is null and @trackId is null and g.scope = 'track'
			and (@level is null or g.level = @level)
	) t group by t.track_id
	union all
	-- Per track, the part of its row also counted in another track: the benefits of projects in
	-- more than one track. The track rows add up to more than the scope by these, less one each.
	-- From those projects (a few hundred of 2 000 at national scale) to their totals: CROSS JOIN
	-- keeps that order (https://sqlite.org/optoverview.html#crossjoin), where the planner would
	-- read every project's totals and count each one's tracks.
	select 'shared', pt.track_id, ${SUMS}
	from (select project_id from project_track group by project_id having count(*) > 1) s
	cross join project p on p.id = s.project_id
	cross join gain_total g on g.scope = 'project' and g.scope_id = s.project_id
	cross join project_track pt on pt.project_id = s.project_id
	where p.archived_at is null and (@level is null or g.level = @level)
		and (@projectId is null or p.id = @projectId)
		and (@trackId is null
			or p.id in (select project_id from project_track where track_id = @trackId))
	group by pt.track_id`;

export interface GainSums {
	/** The scope, each benefit once. */
	mission: GainSumRow | null;
	level: GainSumRow[];
	/** Each benefit under every track of its project: a shared benefit counts in each. */
	track: GainSumRow[];
	/** Of each track's row, the benefits that also count in another track. */
	shared: GainSumRow[];
}

/** Sums for the scope, per level and per track; a group with no benefits is left out. */
export function gainSums(scope: GainScope): GainSums {
	const rows = statement('sums', () => SUMS_SQL).all(scope) as (GainSumRow & {
		dim: 'mission' | 'level' | 'track' | 'shared';
		n: number;
	})[];
	const kept = rows.filter((r) => r.n > 0 && r.benefits + r.disbenefits > 0);
	return {
		mission: kept.find((r) => r.dim === 'mission') ?? null,
		level: kept.filter((r) => r.dim === 'level'),
		track: kept.filter((r) => r.dim === 'track'),
		shared: kept.filter((r) => r.dim === 'shared')
	};
}

/** Live projects in the scope (by title), with their sums: one page of the «Per prosjekt» table. */
const PROJECT_PAGE_SQL = (direction: 'after' | 'before' | 'first') => `
	with project_in_scope as (
		select p.id, p.title from project p
		where p.archived_at is null and (@projectId is null or p.id = @projectId)
			and (@trackId is null
				or p.id in (select project_id from project_track where track_id = @trackId))
			${
				direction === 'after'
					? 'and (p.title collate nocase, p.id) > (@k1, @k2)'
					: direction === 'before'
						? 'and (p.title collate nocase, p.id) < (@k1, @k2)'
						: ''
			}
		order by p.title collate nocase ${direction === 'before' ? 'desc' : 'asc'},
			p.id ${direction === 'before' ? 'desc' : 'asc'}
		limit @limit
	)
	select p.id as key, p.title, ${SUMS}
	from project_in_scope p left join gain_total g on g.scope = 'project' and g.scope_id = p.id
		and (@level is null or g.level = @level)
	group by p.id
	order by p.title collate nocase, p.id`;

export type ProjectSumRow = GainSumRow & { title: string; n: number };

export function listProjectSumsPage(
	scope: GainScope,
	position: { after?: (string | number)[]; before?: (string | number)[] },
	limit: number
): ProjectSumRow[] {
	const direction = position.after ? 'after' : position.before ? 'before' : 'first';
	const key = position.after ?? position.before;
	return statement(`projects:${direction}`, () => PROJECT_PAGE_SQL(direction)).all({
		...scope,
		limit,
		...(key ? { k1: key[0], k2: key[1] } : {})
	}) as ProjectSumRow[];
}

/** A month of the combined series in kroner: planned, and realised (null past the data). */
export interface SeriesPoint {
	period: string;
	planned: number;
	realised: number | null;
}

/**
 * The months from the first path start to the last path end; values are running sums of the
 * monthly changes (the `0000-00` row first), realised shown from the first month any benefit
 * has realised values to the last.
 */
const SERIES_FROM = (rows: string) => `
	month_row as (
		select period, sum(planned * f) as pl, sum(realised * f) as re, sum(path_starts) as ps,
			sum(path_ends) as pe, sum(point_starts) as qs, sum(point_ends) as qe
		from (select r.*, case r.unit when 'kr' then 1 when 'ulempe_kr' then -1
				when 'timer' then @rate else -@rate end as f
			from (${rows}) r
			where r.unit in ('kr', 'ulempe_kr')
				or (r.unit in ('timer', 'ulempe_timer') and @rate is not null))
		group by period
	),
	bounds as (
		select min(case when ps > 0 then period end) as first_month,
			max(case when pe > 0 then period end) as last_month,
			min(case when qs > 0 then period end) as first_point,
			max(case when qe > 0 then period end) as last_point
		from month_row
	),
	month(k, last_k) as (
		select cast(substr(first_month, 1, 4) as integer) * 12 + cast(substr(first_month, 6, 2) as integer) - 1,
			cast(substr(last_month, 1, 4) as integer) * 12 + cast(substr(last_month, 6, 2) as integer) - 1
		from bounds where first_month is not null
		union all
		select k + 1, last_k from month where k < last_k
	),
	timeline as (
		select '0000-00' as period
		union all
		select printf('%04d-%02d', k / 12, k % 12 + 1) from month
	),
	running as (
		select t.period, sum(coalesce(r.pl, 0)) over (order by t.period) as planned,
			sum(coalesce(r.re, 0)) over (order by t.period) as realised
		from timeline t left join month_row r on r.period = t.period
	)
	select running.period, running.planned,
		case when running.period between bounds.first_point and bounds.last_point
			then running.realised end as realised
	from running, bounds
	where running.period <> '0000-00'
	order by running.period`;

const STORED_SERIES_SQL = `with recursive ${SERIES_FROM(`
	select unit, period, planned, realised, path_starts, path_ends, point_starts, point_ends
	from gain_series
	where scope = @scope and scope_id = @scopeId and (@level is null or level = @level)`)}`;

/** A project's series, worked out from its benefits (not stored: a project has few). */
const PROJECT_SERIES_SQL = () => `${figureCtesFor(
	`select b.id from benefit b where b.project_id = @projectId
		and (@level is null or b.level = @level)`
)},
	series_row as (${SERIES_ROWS_SQL}),
	${SERIES_FROM(`
		select unit_of.unit, r.period, r.planned, r.realised, r.path_starts, r.path_ends,
			r.point_starts, r.point_ends
		from series_row r join unit_of on unit_of.id = r.id join b on b.id = r.id
		where b.live`)}`;

/**
 * The combined series in kroner for the scope: kr as is, hours at the timesats (left out when
 * none is set), each benefit once; net: a dis-benefit's values count against the gains.
 */
export function gainSeries(scope: GainScope, rate: number | null): SeriesPoint[] {
	if (scope.projectId !== null) {
		if (scope.trackId !== null) {
			const inTrack = statement(
				'inTrack',
				() => 'select 1 from project_track where project_id = @projectId and track_id = @trackId'
			).get({ projectId: scope.projectId, trackId: scope.trackId });
			if (!inTrack) return [];
		}
		return statement('projectSeries', PROJECT_SERIES_SQL).all({
			projectId: scope.projectId,
			level: scope.level,
			rate
		}) as SeriesPoint[];
	}
	return statement('storedSeries', () => STORED_SERIES_SQL).all({
		scope: scope.trackId !== null ? 'track' : 'mission',
		scopeId: scope.trackId ?? scope.missionId,
		level: scope.level,
		rate
	}) as SeriesPoint[];
}

/** Live projects of a track, by title: the project choices once a track is chosen. */
export function listTrackProjectOptions(trackId: number): { id: number; title: string }[] {
	return statement(
		'trackProjects',
		() => `select p.id, p.title from project p
			where p.archived_at is null
				and p.id in (select project_id from project_track where track_id = @trackId)
			order by p.title collate nocase, p.id`
	).all({ trackId }) as { id: number; title: string }[];
}

/**
 * Sums per effect goal of the benefits linked to it directly in their maps (gain_total, scope
 * `goal`), as `gainSums` gives a track's; a goal with no benefits is left out.
 */
export function goalSums(): GainSumRow[] {
	return (
		statement(
			'goalSums',
			() => `select scope_id as key, ${SUMS} from gain_total where scope = 'goal' group by scope_id`
		).all() as (GainSumRow & { n: number })[]
	).filter((r) => r.n > 0 && r.benefits + r.disbenefits > 0);
}
