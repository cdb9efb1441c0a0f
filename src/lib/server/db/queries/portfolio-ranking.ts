/**
 * The portfolio page (Portefølje) in SQL: the steering group's ranking a page at a time, the
 * balance across tracks and levels, and the selection funnel. The rules are those of
 * `rankProjects`, `filterProjects`, `portfolioBalance` and `lifecycleFunnel` in
 * src/lib/domain/portfolio/rules.ts: ranked by total (a project with no scores last), then mean,
 * then the number of lenses scored, then title and id; a project in several tracks counts once
 * under each. Titles sort case-insensitively (`COLLATE NOCASE`), not by the nb-NO collation
 * the domain uses (SQLite has none).
 */
import { type RankBy } from '$lib/domain/portfolio/rules';
import { overviewParams, type OverviewParams } from './portfolio-overview';
import { LENSES, type Lens, type LifecycleStatus } from '$lib/domain/portfolio/vocabulary';
import { preparedStatements } from './prepared';

/** The ranking takes the overview's filter parameters. */
export type RankingParams = OverviewParams;
export const rankingParams = overviewParams;

const NO_FILTER: RankingParams = {
	trackId: null,
	status: null,
	ownerId: null,
	unitId: null,
	minScore: null
};

const LENS_COLUMNS = LENSES.map(
	(lens) => `max(case when lens = '${lens}' then score end) as s_${lens}`
).join(',\n\t\t');

/** Live projects the filter keeps, with their score summary (`filterProjects`). */
const SHOWN = `
scored as materialized (
	select project_id, sum(score) as total, avg(score) as mean, count(*) as n,
		${LENS_COLUMNS}
	from project_score group by project_id
),
shown as materialized (
	select p.id, p.title, p.status, p.owner_id, p.levels, p.description, p.start_date,
		p.end_date, sc.total, sc.mean,
		coalesce(sc.n, 0) as n, ${LENSES.map((l) => `sc.s_${l}`).join(', ')}
	from project p left join scored sc on sc.project_id = p.id
	where p.archived_at is null
		and (@trackId is null
			or p.id in (select project_id from project_track where track_id = @trackId))
		and (@status is null or p.status = @status)
		and (@ownerId is null or p.owner_id = @ownerId)
		and (@unitId is null or p.id in (
			select m.project_id from measure_unit mu join measure m on m.id = mu.measure_id
			where mu.unit_id = @unitId and m.archived_at is null))
		and (@minScore is null or sc.mean >= @minScore)
)`;

/** The ranking key per `RankBy`: null sorts last. */
function rankKey(by: RankBy): string {
	if (by === 'total') return 'case when n = 0 then null else total end';
	if (by === 'mean') return 'mean';
	return `s_${by}`;
}

const rankingSql = (by: RankBy) => `with ${SHOWN},
	ranked as (
		select s.*, row_number() over (
			order by (${rankKey(by)}) is null, (${rankKey(by)}) desc, coalesce(mean, -1) desc, n desc,
				title collate nocase, id) as rank
		from shown s
	)
	select r.id, r.title, r.status, r.owner_id as ownerId, u.name as ownerName, r.rank,
		r.total, r.mean, r.n as scoredCount, r.description, r.start_date as startDate,
		r.end_date as endDate,
		${LENSES.map((l) => `r.s_${l} as ${l}`).join(', ')},
		(select group_concat(code, ', ') from (
			select t.code from project_track pt join track t on t.id = pt.track_id
			where pt.project_id = r.id order by cast(t.code as integer), t.code)) as trackCodes
	from ranked r left join user u on u.id = r.owner_id
	where r.rank > @offset
	order by r.rank
	limit @limit`;

const BALANCE_SQL = `with ${SHOWN}
	select 'track' as kind, t.id as key, count(s.id) as n
	from track t left join project_track pt on pt.track_id = t.id
	left join shown s on s.id = pt.project_id
	where t.archived_at is null group by t.id
	union all
	select 'level', j.value, count(distinct s.id) from shown s, json_each(s.levels) j group by j.value
	union all
	select 'none', null, count(*) from shown s where json_array_length(s.levels) = 0
	union all
	select 'total', null, count(*) from shown`;

/**
 * The funnel of the projects the filter keeps and of their live measures (`lifecycleFunnel`):
 * an item counts at the furthest stage it reached, now or in its status history. Only items
 * whose current status is below adopted need their history, read from the index on subject,
 * id and status alone. Without a filter it is every live project and measure.
 */
const FUNNEL_SQL = `
	with ${SHOWN},
	item as (
		select 'project' as subject, s.id, s.status from shown s
		union all
		select 'measure', m.id, m.status from measure m
		where m.archived_at is null and m.project_id in (select id from shown)
	),
	reached as materialized (
		select i.subject,
			case
				when i.status in ('adopted', 'in_progress', 'completed') then 3
				else max(case when i.status = 'recommended' then 2 else 1 end, coalesce((
					select max(case c.to_status when 'recommended' then 2 when 'proposed' then 1
						when 'rejected' then 0 else 3 end)
					from status_change c where c.subject = i.subject and c.subject_id = i.id), 0))
			end as stage
		from item i
	)
	select subject, count(*) as proposed, count(case when stage >= 2 then 1 end) as recommended,
		count(case when stage >= 3 then 1 end) as adopted
	from reached group by subject`;

const statement = preparedStatements();

export type RankedRow = {
	id: number;
	title: string;
	status: LifecycleStatus;
	ownerId: number | null;
	ownerName: string | null;
	rank: number;
	total: number | null;
	mean: number | null;
	scoredCount: number;
	trackCodes: string | null;
	description: string | null;
	startDate: string | null;
	endDate: string | null;
} & Record<Lens, number | null>;

/** One page of the ranking; `rank` is the position in the whole filtered ranking. */
export function listRankingPage(
	params: RankingParams,
	by: RankBy,
	limit: number,
	offset: number
): RankedRow[] {
	return statement(`rank:${by}`, () => rankingSql(by)).all({
		...params,
		limit,
		offset
	}) as RankedRow[];
}

export interface BalanceRows {
	total: number;
	byTrack: Map<number, number>;
	byLevel: Map<string, number>;
	withoutLevel: number;
}

/** Balance of the filtered projects (`portfolioBalance`), per live track and per level. */
export function portfolioBalanceRows(params: RankingParams): BalanceRows {
	const rows = statement('balance', () => BALANCE_SQL).all(params) as {
		kind: 'track' | 'level' | 'none' | 'total';
		key: number | string | null;
		n: number;
	}[];
	const result: BalanceRows = {
		total: 0,
		byTrack: new Map(),
		byLevel: new Map(),
		withoutLevel: 0
	};
	for (const r of rows) {
		if (r.kind === 'track') result.byTrack.set(Number(r.key), r.n);
		else if (r.kind === 'level') result.byLevel.set(String(r.key), r.n);
		else if (r.kind === 'none') result.withoutLevel = r.n;
		else result.total = r.n;
	}
	return result;
}

export interface FunnelRow {
	subject: 'project' | 'measure';
	proposed: number;
	recommended: number;
	adopted: number;
}

/** The funnel of the filtered projects and their measures; no filter: the whole portfolio. */
export function portfolioFunnel(params: RankingParams = NO_FILTER): FunnelRow[] {
	return statement('funnel', () => FUNNEL_SQL).all(params) as FunnelRow[];
}
