/**
 * The Gevinster lists in SQL over the stored figures (benefit_figure): which benefits are
 * behind plan (`BEHIND`) or in the danger zone (`AT_RISK`), the lists of them a page at a time
 * by id, their counts, and the same counts per track for the steering page. The scope is the
 * benefit pages' filter (`GainScope`, gain-views.ts).
 */
import { statement, type GainScope } from './gain-views';

/** Benefits of live projects in the scope, as the lists page them: by id. */
export const BENEFITS_FROM = `
	from benefit b join project p on p.id = b.project_id
	left join benefit_figure f on f.benefit_id = b.id`;
export const BENEFITS_IN_SCOPE = `
	where p.archived_at is null and (@projectId is null or b.project_id = @projectId)
		and (@trackId is null
			or b.project_id in (select project_id from project_track where track_id = @trackId))
		and (@level is null or b.level = @level)`;

/**
 * The tables `BENEFITS_FROM` + `BENEFITS_IN_SCOPE` open: what countPlanStatus and gainBreakdown
 * read, so their kept figures (read-cache.ts) wait for a write to one of these; a test holds the
 * list to their statements (tests/integration/read-cache-tables.spec.ts).
 */
export const BENEFITS_IN_SCOPE_READS = [
	'benefit',
	'benefit_figure',
	'project',
	'project_track'
] as const;

/**
 * Behind plan, the one rule (domain/benefits/health.ts, `isBehind` with `toleranceOf`): at the
 * status month the realised value is worse than the planned one, in the benefit's direction,
 * by more than its tolerance (the mission's margin `@margin` when it has none), in percent of
 * the planned value, in integers so a value exactly on the tolerance is within it; with a plan
 * of 0 any worse value is behind. A dis-benefit is judged the same way, by its direction.
 */
export const BEHIND = `f.status_period is not null
	and (case when b.direction = 'lower' then f.status_realised > f.status_planned
		else f.status_realised < f.status_planned end)
	and (f.status_planned = 0 or abs(f.status_realised - f.status_planned) * 100
		> coalesce(b.tolerance_percent, @margin) * abs(f.status_planned))`;

/**
 * In the danger zone, the one rule (domain/benefits/health.ts, `isAtRisk`): not `BEHIND`, but
 * the forecast at the target month (`forecast_end`, kept with the figure) is worse than the plan
 * there by more than the tolerance, measured as `BEHIND` measures; no forecast, not at risk.
 */
export const AT_RISK = `f.status_period is not null and not (${BEHIND})
	and f.forecast_end is not null and f.end_planned is not null
	and (case when b.direction = 'lower' then f.forecast_end > f.end_planned
		else f.forecast_end < f.end_planned end)
	and (f.end_planned = 0 or abs(f.forecast_end - f.end_planned) * 100
		> coalesce(b.tolerance_percent, @margin) * abs(f.end_planned))`;

/**
 * With a project or track chosen the scope is a few thousand benefits at most: find them by
 * project and sort them (`+b.id` keeps SQLite from walking the whole table in id order).
 */
const byId = (narrow: boolean, direction: 'after' | 'before' | 'first') =>
	`order by ${narrow ? '+' : ''}b.id ${direction === 'before' ? 'desc' : 'asc'}`;

const keyset = (direction: 'after' | 'before' | 'first') =>
	direction === 'after' ? 'and b.id > @k1' : direction === 'before' ? 'and b.id < @k1' : '';

export const BENEFIT_COLUMNS = `b.id, b.title, b.level, b.kind, b.unit, b.disbenefit,
	b.owner_id as ownerId,
	b.baseline_value as baselineValue, p.id as projectId, p.title as projectTitle,
	p.owner_id as projectOwnerId, f.estimate, f.status_period as statusPeriod,
	f.status_planned as statusPlanned, f.status_realised as statusRealised,
	(f.status_period is not null and ${BEHIND}) as behind,
	coalesce(${AT_RISK}, 0) as atRisk`;

const BEHIND_PAGE_SQL = (direction: 'after' | 'before' | 'first', narrow: boolean) => `
	select * from (
		select ${BENEFIT_COLUMNS},
			fu.period as followUpPeriod, fu.cause, fu.corrective_measure as correctiveMeasure
		${BENEFITS_FROM}
		left join behind_plan_follow_up fu on fu.id = (
			select id from behind_plan_follow_up where benefit_id = b.id
			order by created_at desc, id desc limit 1)
		${BENEFITS_IN_SCOPE} and ${BEHIND} ${keyset(direction)}
		${byId(narrow, direction)} limit @limit
	) order by id`;

const BENEFIT_PAGE_SQL = (direction: 'after' | 'before' | 'first', narrow: boolean) => `
	select * from (
		select ${BENEFIT_COLUMNS}
		${BENEFITS_FROM} ${BENEFITS_IN_SCOPE} ${keyset(direction)}
		${byId(narrow, direction)} limit @limit
	) order by id`;

export interface BenefitListRow {
	id: number;
	title: string;
	level: 'bruker' | 'tjeneste' | 'system';
	kind: 'kvantitativ' | 'kvalitativ';
	unit: 'kr' | 'timer' | 'antall' | 'prosent' | null;
	disbenefit: 0 | 1;
	ownerId: number | null;
	baselineValue: number | null;
	projectId: number;
	projectTitle: string;
	projectOwnerId: number | null;
	estimate: number | null;
	statusPeriod: string | null;
	statusPlanned: number | null;
	statusRealised: number | null;
	behind: 0 | 1;
	/** «I faresonen» (`AT_RISK`): on plan now, the forecast short at the target month. */
	atRisk: 0 | 1;
}

export type BehindRow = BenefitListRow & {
	followUpPeriod: string | null;
	cause: string | null;
	correctiveMeasure: string | null;
};

function page<T>(
	key: string,
	sql: (direction: 'after' | 'before' | 'first', narrow: boolean) => string,
	params: { projectId: number | null; trackId: number | null } & Record<string, unknown>,
	position: { after?: (string | number)[]; before?: (string | number)[] },
	limit: number
): T[] {
	const direction = position.after ? 'after' : position.before ? 'before' : 'first';
	const narrow = params.projectId !== null || params.trackId !== null;
	const k = position.after ?? position.before;
	return statement(`${key}:${direction}:${narrow}`, () => sql(direction, narrow)).all({
		...params,
		limit,
		...(k ? { k1: k[0] } : {})
	}) as T[];
}

/** One page of the benefits behind plan, by id, each with its latest follow-up. */
export function listBehindPage(
	scope: GainScope,
	margin: number,
	position: { after?: (string | number)[]; before?: (string | number)[] },
	limit: number
): BehindRow[] {
	const { projectId, trackId, level } = scope;
	const params = { projectId, trackId, level, margin };
	return page('behind', BEHIND_PAGE_SQL, params, position, limit);
}

/** How many benefits in the scope are behind plan (`BEHIND`) and in the danger zone (`AT_RISK`). */
export function countPlanStatus(
	scope: GainScope,
	margin: number
): { behind: number; atRisk: number } {
	const { projectId, trackId, level } = scope;
	return statement(
		'planStatusCounts',
		() => `select coalesce(sum(f.status_period is not null and ${BEHIND}), 0) as behind,
				coalesce(sum(coalesce(${AT_RISK}, 0)), 0) as atRisk
			${BENEFITS_FROM} ${BENEFITS_IN_SCOPE}`
	).get({ projectId, trackId, level, margin }) as { behind: number; atRisk: number };
}

/** One page of the benefits in the scope, by id, with estimate and status. */
export function listBenefitsPage(
	scope: GainScope,
	margin: number,
	position: { after?: (string | number)[]; before?: (string | number)[] },
	limit: number
): BenefitListRow[] {
	const { projectId, trackId, level } = scope;
	const params = { projectId, trackId, level, margin };
	return page('benefits', BENEFIT_PAGE_SQL, params, position, limit);
}

/** Behind plan and in the danger zone per track (0: projects without a track). */
export interface BehindCountRow {
	/** `mission`: each benefit once; `track`: once in each track of its project. */
	dim: 'mission' | 'track';
	key: number;
	behind: number;
	/** Of `behind`, those whose latest follow-up is for the month the status is at. */
	withCause: number;
	/** In the danger zone (`AT_RISK`): on plan now, the forecast short at the target month. */
	atRisk: number;
}

/**
 * The benefits behind plan (`BEHIND`, as on the Gevinster page) and in the danger zone
 * (`AT_RISK`) of live projects, counted for the mission and per track, the behind ones with and
 * without a cause for the status month: the lists of /gevinster?spor= count the same benefits.
 * Reads each benefit's stored figure once (no realisations).
 */
export function countBehindByTrack(margin: number): BehindCountRow[] {
	return statement(
		'behindByTrack',
		() => `with judged as materialized (
				select b.id, b.project_id, ${BEHIND} as behind, coalesce(${AT_RISK}, 0) as at_risk,
					f.status_period
				from benefit_figure f join benefit b on b.id = f.benefit_id
				join project p on p.id = b.project_id
				where p.archived_at is null and f.status_period is not null
			),
			flagged as materialized (
				select j.id, j.project_id, j.behind, j.at_risk,
					j.behind and exists (select 1 from behind_plan_follow_up fu where fu.id = (
						select id from behind_plan_follow_up where benefit_id = j.id
						order by created_at desc, id desc limit 1) and fu.period = j.status_period) as caused
				from judged j where j.behind or j.at_risk
			)
			select 'mission' as dim, 0 as key, coalesce(sum(behind), 0) as behind,
				coalesce(sum(caused), 0) as withCause, coalesce(sum(at_risk), 0) as atRisk
			from flagged
			union all
			select 'track', coalesce(pt.track_id, 0), sum(behind), sum(caused), sum(at_risk)
			from flagged left join project_track pt on pt.project_id = flagged.project_id
			group by coalesce(pt.track_id, 0)`
	).all({ margin }) as BehindCountRow[];
}
