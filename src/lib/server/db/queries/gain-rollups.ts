/**
 * The gain arithmetic of src/lib/domain/benefits (gain-estimates.ts, gain-realisation.ts,
 * gain-rollups.ts, figures.ts) in SQL, and the roll-up tables kept with it
 * (schema/benefits.ts: benefit_figure, gain_total, gain_series).
 *
 * For a set of benefits one statement works out, from the benefit rows alone:
 * - the estimate: the sum of each line's amount × cases × share, rounded half away from zero
 *   per line (`estimateTotal`);
 * - the planned path per month from the baseline to the target, through the planned values
 *   given per period, interpolated linearly and rounded half away from zero (`plannedPath`);
 * - the effective realisations: quantitative entries no other quantitative entry supersedes
 *   (`effectiveEntries`);
 * - the status at the latest month with a realised value, no later than the target
 *   (`latestPlanStatus`): planned there, and baseline + the effective values up to there;
 * - the benefit's share of the combined series (`combineSeries`), as changes per month.
 *
 * Writes keep the roll-ups in step: `withGainRollups` takes the benefits' old contribution out
 * before the write and puts the new one in after, in the same transaction; a benefit whose
 * project is archived contributes nothing (the benefit pages show live projects only).
 */
import type { Database, Statement } from 'better-sqlite3';
import { db } from '..';

/** `YYYY-MM…` → months since year 0 (`periodIndex`). */
const monthIndex = (text: string) =>
	`(cast(substr(${text}, 1, 4) as integer) * 12 + cast(substr(${text}, 6, 2) as integer) - 1)`;
/** Months since year 0 → `YYYY-MM` (`periodFromIndex`). */
const periodText = (index: string) => `printf('%04d-%02d', (${index}) / 12, (${index}) % 12 + 1)`;
/** n / d rounded half away from zero, d > 0, in integers (`divideRounded`). */
const roundedDivision = (n: string, d: string) =>
	`(case when (${n}) >= 0 then ((${n}) * 2 + (${d})) / ((${d}) * 2)
		else -(((-(${n})) * 2 + (${d})) / ((${d}) * 2)) end)`;

/**
 * The figures of the benefits in `target(id)`, step by step: `b` every benefit, `plan` those
 * with a plan (`hasPlan`), `anchor`/`segment` the path's fixed points, `path` the planned value
 * `p` per month with its step `d` from the month before, `eff` the effective realisations,
 * `point` where each benefit's realised values stop, `status` the latest plan status,
 * `estimate` the estimate, `scope_of`/`unit_of` where and how each benefit counts. Named
 * SELECTs, so they serve as CTEs for a few benefits and as temporary tables for all of them.
 */
function figureParts(): [name: string, select: string][] {
	return [
		[
			'b',
			`select b.id, b.project_id, p.mission_id, p.archived_at is null as live, b.level, b.kind,
				b.unit, b.disbenefit as dis, b.baseline_value as bv, b.target_value as tv,
				${monthIndex('b.baseline_date')} as s, ${monthIndex('b.target_date')} as e,
				(b.kind = 'kvantitativ' and b.unit is not null and b.baseline_value is not null
					and b.baseline_date is not null and b.target_value is not null
					and b.target_date is not null and b.target_date >= b.baseline_date) as has_plan
			from benefit b join project p on p.id = b.project_id
			where b.id in (select id from target)`
		],
		['plan', `select * from b where has_plan`],
		[
			'given',
			`select g.id, g.i, g.v from (
				select pp.benefit_id as id, ${monthIndex('pp.period')} as i, pp.value as v
				from planned_period pp where pp.benefit_id in (select id from plan)) g
			join plan on plan.id = g.id and g.i between plan.s and plan.e`
		],
		// The baseline and the target are the path's ends unless a value is given for that month;
		// when both fall in one month the target wins (the domain's Map keeps the later entry).
		// So the first anchor is always at the first month.
		[
			'anchor',
			`select id, i, v from given
			union all
			select id, s, bv from plan
			where s <> e and not exists (select 1 from given g where g.id = plan.id and g.i = plan.s)
			union all
			select id, e, tv from plan
			where not exists (select 1 from given g where g.id = plan.id and g.i = plan.e)`
		],
		[
			'segment',
			`select id, i as ai, v as av, lead(i) over w as ni, lead(v) over w as nv,
				lag(i) over w as pai, lag(v) over w as pav
			from anchor window w as (partition by id order by i)`
		],
		// Each segment's months, the value interpolated from its anchors; the step into a
		// segment's first month is from the previous segment's last value.
		[
			'path',
			`with recursive month(id, k, ai, av, ni, nv, pai, pav) as (
				select id, ai, ai, av, ni, nv, pai, pav from segment
				union all
				select id, k + 1, ai, av, ni, nv, pai, pav from month where k + 1 < ni
			)
			select id, k,
				case when k = ai then av
					else av + ${roundedDivision('(nv - av) * (k - ai)', 'ni - ai')} end as p,
				case when k = ai then (case when pai is null then null
						else av - (pav + ${roundedDivision('(av - pav) * (k - 1 - pai)', 'ai - pai')}) end)
					else ${roundedDivision('(nv - av) * (k - ai)', 'ni - ai')}
						- ${roundedDivision('(nv - av) * (k - 1 - ai)', 'ni - ai')} end as d
			from month`
		],
		[
			'eff',
			`select r.benefit_id as id, ${monthIndex('r.period')} as i, r.value as v
			from realisation r
			where r.benefit_id in (select id from plan) and r.value is not null
				and r.id not in (
					select s.supersedes_id from realisation s
					where s.benefit_id in (select id from plan) and s.supersedes_id is not null
						and s.value is not null)`
		],
		// Realised values begin once an effective entry falls in or after the first month; the
		// latest such month is capped at the target, and the realised value there is the
		// baseline plus every effective entry up to the target (all entries are up to the
		// latest).
		[
			'point',
			`select plan.id, plan.s, plan.bv, min(max(eff.i), plan.e) as k,
				sum(case when eff.i <= plan.e then eff.v else 0 end) as vsum
			from plan join eff on eff.id = plan.id
			group by plan.id having max(eff.i) >= plan.s`
		],
		[
			'status',
			`select pt.id, pt.k,
				case when sg.ni is null or pt.k = sg.ai then sg.av
					else sg.av + ${roundedDivision('(sg.nv - sg.av) * (pt.k - sg.ai)', 'sg.ni - sg.ai')}
				end as planned,
				pt.bv + pt.vsum as realised
			from point pt join segment sg on sg.id = pt.id and sg.ai <= pt.k
				and (sg.ni is null or pt.k < sg.ni)`
		],
		// The forecast at the target month (`forecastAtEnd`): the realised value at the status,
		// plus the plan's steps from there to the target, with each month the owner forecast
		// taking its forecast instead of the plan's step; null when no month ahead has one.
		[
			'ending',
			`select st.id, pe.p as end_planned,
				case when count(fc.i) > 0
					then st.realised + (pe.p - st.planned) + sum(fc.v - pa.d) end as forecast_end
			from status st join plan on plan.id = st.id
			join path pe on pe.id = st.id and pe.k = plan.e
			left join (
				select f.benefit_id as id, ${monthIndex('f.period')} as i, f.value as v
				from benefit_forecast f where f.benefit_id in (select id from status)
			) fc on fc.id = st.id and fc.i > st.k and fc.i <= plan.e
			left join path pa on pa.id = fc.id and pa.k = fc.i
			group by st.id`
		],
		[
			'estimate',
			`select l.benefit_id as id,
				sum(${roundedDivision('l.amount_per_case * l.cases * l.share_hundredths', '10000')}) as total
			from estimate_line l where l.benefit_id in (select id from b) group by l.benefit_id`
		],
		// Where each benefit counts: its mission, its project, each of its project's tracks
		// (track 0 when it has none), and each effect goal its map links it to directly (sums
		// only: the series leave goals out, as they do projects). Live projects only. The goal
		// links go through CROSS JOIN, which keeps `b` the outer loop
		// (https://sqlite.org/optoverview.html#crossjoin): the planner knows no size for a
		// materialised CTE and otherwise walked every benefit's links for the few in `b`
		// (5 ms of each realisation write at national scale; bench/results/server-writes-*.md).
		[
			'scope_of',
			`select b.id, 'mission' as scope, b.mission_id as scope_id from b where b.live
			union all
			select b.id, 'project', b.project_id from b where b.live
			union all
			select b.id, 'track', coalesce(pt.track_id, 0)
			from b left join project_track pt on pt.project_id = b.project_id where b.live
			union all
			select b.id, 'goal', l.to_id from b cross join benefit_link l on l.from_kind = 'benefit'
				and l.from_id = b.id and l.to_kind = 'goal'
			where b.live`
		],
		// A dis-benefit (DOMAIN.md, «Benefit governance») is kept under its own unit, `ulempe_kr`
		// and so on, so that sums show gains and dis-benefits apart and net them (gain-views.ts);
		// `base` is the unit either way.
		[
			'unit_of',
			`select id, case when dis then 'ulempe_' || base else base end as unit, base from (
				select b.id, b.dis, case when b.kind = 'kvantitativ' and b.unit in ('kr', 'timer')
					then b.unit else 'other' end as base
				from b)`
		]
	];
}

function figureCtes(target: string): string {
	return `with target(id) as (${target}),
	${figureParts()
		.map(([name, select]) => `${name} as materialized (${select})`)
		.join(',\n\t')}`;
}

/** The steps as CTEs over `target` (a SELECT of benefit ids), for reads of a few benefits. */
export const figureCtesFor = (target: string) =>
	`with recursive ${figureCtes(target).slice('with '.length)}`;

/** Per benefit: estimate and status, the benefit_figure row. */
const FIGURE_SELECT = `
	select b.id as benefit_id,
		case when b.kind = 'kvantitativ' and b.unit is not null then coalesce(est.total, 0) end
			as estimate,
		case when st.id is not null then ${periodText('st.k')} end as status_period,
		st.planned as status_planned, st.realised as status_realised,
		en.end_planned, en.forecast_end
	from b left join estimate est on est.id = b.id left join status st on st.id = b.id
	left join ending en on en.id = b.id`;

/** Each benefit's share of the sums, per scope it counts in (`figuresFor`, `rollUp`). */
const TOTAL_ROWS = `
	select so.scope, so.scope_id, b.level, u.unit, 1 as benefits,
		case when u.base = 'other' then 0 else coalesce(est.total, 0) end as estimate,
		case when u.base = 'other' or st.id is null then 0 else st.planned - b.bv end as planned,
		case when u.base = 'other' or st.id is null then 0 else st.realised - b.bv end as realised
	from b join scope_of so on so.id = b.id join unit_of u on u.id = b.id
	left join estimate est on est.id = b.id left join status st on st.id = b.id`;

/**
 * Each planned benefit in kr or hours as changes per month of the combined series: the row
 * `0000-00` carries its first planned value (what it adds before its path starts, planned and
 * realised alike), each later month the step of its path, and — once it has realised values —
 * its first month the step from there to the baseline and each effective entry its value in
 * its month (or the first, for entries before it).
 */
/** The rows that follow from the plan alone: unchanged when only realisations change. */
const PLAN_SERIES_ROWS = `
	select plan.id, '0000-00' as period, p0.av as planned, p0.av as realised,
		0 as path_starts, 0 as path_ends, 0 as point_starts, 0 as point_ends
	from plan join segment p0 on p0.id = plan.id and p0.ai = plan.s
	union all
	select id, ${periodText('k')}, d, 0, 0, 0, 0, 0 from path where d is not null
	union all
	select plan.id, ${periodText('plan.s')}, 0, 0, 1, 0, 0, 0 from plan
	union all
	select plan.id, ${periodText('plan.e')}, 0, 0, 0, 1, 0, 0 from plan`;

const REALISED_SERIES_ROWS = `
	select pt.id as id, ${periodText('pt.s')} as period, 0 as planned, pt.bv - p0.av as realised,
		0 as path_starts, 0 as path_ends, 1 as point_starts, 0 as point_ends
	from point pt join segment p0 on p0.id = pt.id and p0.ai = pt.s
	union all
	select pt.id, ${periodText('pt.k')}, 0, 0, 0, 0, 0, 1 from point pt
	union all
	select eff.id, ${periodText('max(eff.i, pt.s)')}, 0, eff.v, 0, 0, 0, 0
	from eff join point pt on pt.id = eff.id join plan on plan.id = eff.id
	where eff.i <= plan.e`;

const SERIES_ROWS = `${PLAN_SERIES_ROWS}
	union all${REALISED_SERIES_ROWS}`;

export const SERIES_ROWS_SQL = SERIES_ROWS;

const SERIES_UNITS = `unit_of.base in ('kr', 'timer')`;

/**
 * A write changes a benefit's contribution in a few months at most, so the old contribution
 * (taken out) and the new one (put in) are first gathered in a temporary table, each by one
 * statement, and only the rows that differ are written to the roll-ups: fewer pages touched, a
 * smaller commit. Rows of kind `total` carry benefits, estimate, planned and realised in
 * `a`–`d`; rows of kind `series` planned, realised and the four counts in `a`–`f`; rows of kind
 * `figure` (put in only) a benefit's estimate and status.
 */
const DELTA_TABLE = `create temp table if not exists gain_delta (kind text, scope text,
	scope_id integer, level text, unit text, period text, a integer, b integer, c integer,
	d integer, e integer, f integer)`;

function applySql(seriesRows: string) {
	const target = `select value from json_each(@ids)`;
	return {
		gather: `${figureCtes(target)},
			series_row as (${seriesRows})
			insert into temp.gain_delta
			select 'total', scope, scope_id, level, unit, null, @sign * benefits, @sign * estimate,
				@sign * planned, @sign * realised, 0, 0
			from (${TOTAL_ROWS})
			union all
			select 'series', so.scope, so.scope_id, b.level, unit_of.unit, r.period,
				@sign * r.planned, @sign * r.realised, @sign * r.path_starts, @sign * r.path_ends,
				@sign * r.point_starts, @sign * r.point_ends
			from series_row r join b on b.id = r.id join unit_of on unit_of.id = r.id
			join scope_of so on so.id = r.id and so.scope in ('mission', 'track')
			where ${SERIES_UNITS}
			union all
			select 'figure', null, f.benefit_id, null, null, f.status_period, f.estimate,
				f.status_planned, f.status_realised, f.end_planned, f.forecast_end, 0
			from (${FIGURE_SELECT}) f where @sign = 1`,
		mergeTotals: `insert into gain_total as g
				(scope, scope_id, level, unit, benefits, estimate, planned, realised)
			select scope, scope_id, level, unit, sum(a), sum(b), sum(c), sum(d)
			from temp.gain_delta where kind = 'total' group by scope, scope_id, level, unit
			having sum(a) <> 0 or sum(b) <> 0 or sum(c) <> 0 or sum(d) <> 0
			on conflict (scope, scope_id, level, unit) do update set
				benefits = g.benefits + excluded.benefits, estimate = g.estimate + excluded.estimate,
				planned = g.planned + excluded.planned, realised = g.realised + excluded.realised`,
		mergeSeries: `insert into gain_series as g (scope, scope_id, level, unit, period, planned,
				realised, path_starts, path_ends, point_starts, point_ends)
			select scope, scope_id, level, unit, period, sum(a), sum(b), sum(c), sum(d), sum(e),
				sum(f)
			from temp.gain_delta where kind = 'series'
			group by scope, scope_id, level, unit, period
			having sum(a) <> 0 or sum(b) <> 0 or sum(c) <> 0 or sum(d) <> 0 or sum(e) <> 0
				or sum(f) <> 0
			on conflict (scope, scope_id, level, unit, period) do update set
				planned = g.planned + excluded.planned, realised = g.realised + excluded.realised,
				path_starts = g.path_starts + excluded.path_starts,
				path_ends = g.path_ends + excluded.path_ends,
				point_starts = g.point_starts + excluded.point_starts,
				point_ends = g.point_ends + excluded.point_ends`,
		figures: `insert or replace into benefit_figure (benefit_id, estimate, status_period,
				status_planned, status_realised, end_planned, forecast_end)
			select scope_id, a, period, b, c, d, e from temp.gain_delta where kind = 'figure'`,
		clear: `delete from temp.gain_delta`
	};
}

type Applier = Record<
	'gather' | 'gatherRealised' | 'mergeTotals' | 'mergeSeries' | 'figures' | 'clear' | 'drop',
	Statement
>;
const appliers = new WeakMap<Database, Applier>();

function applier(sqlite: Database): Applier {
	let a = appliers.get(sqlite);
	if (!a) {
		sqlite.exec(DELTA_TABLE);
		const sql = applySql(SERIES_ROWS);
		a = {
			gather: sqlite.prepare(sql.gather),
			gatherRealised: sqlite.prepare(applySql(REALISED_SERIES_ROWS).gather),
			mergeTotals: sqlite.prepare(sql.mergeTotals),
			mergeSeries: sqlite.prepare(sql.mergeSeries),
			figures: sqlite.prepare(sql.figures),
			clear: sqlite.prepare(sql.clear),
			drop: sqlite.prepare(
				`delete from benefit_figure where benefit_id in (select value from json_each(@ids))
					and not exists (select 1 from benefit b where b.id = benefit_figure.benefit_id)`
			)
		};
		appliers.set(sqlite, a);
	}
	return a;
}

/**
 * What a write may change: anything about the benefits (`all`), or only their realisations
 * (`realised`: the plan's share of the series is the same before and after, so it is left out
 * of both sides rather than taken out and put back).
 */
export type GainChange = 'all' | 'realised';

const gatherOf = (a: Applier, change: GainChange) =>
	change === 'realised' ? a.gatherRealised : a.gather;

/** Takes the benefits' contribution out of the roll-ups (before a write that changes them). */
export function gainRollupsOut(ids: readonly number[], change: GainChange = 'all'): void {
	if (ids.length === 0) return;
	gatherOf(applier(db.$client), change).run({ ids: JSON.stringify(ids), sign: -1 });
}

/**
 * Puts the benefits' contribution into the roll-ups, writes what changed since
 * `gainRollupsOut`, and recomputes their per-benefit figures (dropping those of deleted
 * benefits): after a write, or for new benefits.
 */
export function gainRollupsIn(ids: readonly number[], change: GainChange = 'all'): void {
	const a = applier(db.$client);
	const json = JSON.stringify(ids);
	if (ids.length) gatherOf(a, change).run({ ids: json, sign: 1 });
	a.mergeTotals.run();
	a.mergeSeries.run();
	a.figures.run();
	a.clear.run();
	if (ids.length) a.drop.run({ ids: json });
}

/**
 * Runs `write` with the benefits' roll-ups kept in step: their contribution before the write is
 * taken out, the one after put in. Call it inside the write's transaction (the app has one
 * connection, so these statements run in it). `ids` are the benefits the write may change,
 * directly or through their project (its tracks, its archiving).
 */
export function withGainRollups<T>(
	ids: readonly number[],
	write: () => T,
	change: GainChange = 'all'
): T {
	gainRollupsOut(ids, change);
	const result = write();
	gainRollupsIn(ids, change);
	return result;
}

/** The benefits of a project: what a change to the project itself moves in the roll-ups. */
export function benefitIdsOfProject(projectId: number): number[] {
	return db.$client
		.prepare('select id from benefit where project_id = ?')
		.pluck()
		.all(projectId) as number[];
}

/** Indexes for the steps as temporary tables (the joins the later steps make). */
const STEP_INDEXES: Record<string, string> = {
	b: 'id',
	plan: 'id',
	given: 'id, i',
	segment: 'id, ai',
	eff: 'id',
	point: 'id',
	status: 'id',
	path: 'id, k',
	ending: 'id',
	estimate: 'id',
	scope_of: 'id',
	unit_of: 'id'
};

/**
 * Recomputes every roll-up from the benefit rows (a database from before the roll-ups, a bulk
 * load, or a repair). Each step is made once, as a temporary table, rather than once per
 * statement as the CTEs of a single write are.
 */
export function rebuildGainRollups(sqlite: Database = db.$client): void {
	const parts = figureParts();
	sqlite.transaction(() => {
		sqlite.exec('delete from benefit_figure; delete from gain_total; delete from gain_series;');
		sqlite.exec('create temp table target as select id from benefit');
		for (const [name, select] of parts) {
			sqlite.exec(`create temp table ${name} as ${select}`);
			if (STEP_INDEXES[name]) {
				sqlite.exec(`create index temp.${name}_idx on ${name}(${STEP_INDEXES[name]})`);
			}
		}
		sqlite.exec(`insert into benefit_figure (benefit_id, estimate, status_period, status_planned,
			status_realised, end_planned, forecast_end) ${FIGURE_SELECT}`);
		sqlite.exec(`insert into gain_total
				(scope, scope_id, level, unit, benefits, estimate, planned, realised)
			select scope, scope_id, level, unit, sum(benefits), sum(estimate), sum(planned), sum(realised)
			from (${TOTAL_ROWS}) group by scope, scope_id, level, unit`);
		sqlite.exec(`insert into gain_series (scope, scope_id, level, unit, period, planned, realised,
				path_starts, path_ends, point_starts, point_ends)
			select so.scope, so.scope_id, b.level, unit_of.unit, r.period, sum(r.planned),
				sum(r.realised), sum(r.path_starts), sum(r.path_ends), sum(r.point_starts),
				sum(r.point_ends)
			from (${SERIES_ROWS}) r join b on b.id = r.id join unit_of on unit_of.id = r.id
			join scope_of so on so.id = r.id and so.scope in ('mission', 'track')
			where ${SERIES_UNITS}
			group by so.scope, so.scope_id, b.level, unit_of.unit, r.period`);
		for (const name of ['target', ...parts.map(([n]) => n)]) sqlite.exec(`drop table temp.${name}`);
	})();
}

/** When benefits exist but no figures do (a database from before the roll-ups, or bulk-loaded). */
export function rebuildGainRollupsIfEmpty(sqlite: Database): void {
	const empty = sqlite
		.prepare(
			// A status without its end is a figure from before the forecast was kept (migration 0022).
			`select (exists (select 1 from benefit) and not exists (select 1 from benefit_figure))
				or exists (select 1 from benefit_figure
					where status_period is not null and end_planned is null)`
		)
		.pluck()
		.get();
	if (empty) rebuildGainRollups(sqlite);
}
