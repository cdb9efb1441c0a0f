/**
 * Occurrences for many units at once, set-based: the units in scope × the wheels they use
 * (assignments, inherited down the unit tree by a recursive CTE) × their tasks' calendar rows
 * for the months asked (wheel_task_month), joined to the signatures. The same rules as
 * listOccurrences/unitOccurrences (src/lib/domain/wheel/occurrences.ts), which the integration
 * tests hold these figures to:
 *
 * - a live occurrence: the unit uses the wheel (active unit, active wheel), the schedule in
 *   force makes the period, on or after the task's first period and due before its archive day;
 * - an active signature is an occurrence whatever the schedule says now (it shows what was
 *   signed), and a reopened one keeps its occurrence open when nothing else makes it;
 * - an unsigned occurrence is overdue once its due day has passed in Oslo: the caller passes
 *   Oslo's `today` (src/lib/domain/shared/oslo-day.ts), and lateness is the signature's own `late`,
 *   judged when it was signed.
 *
 * Raw SQL through the driver, as prepared statements kept per process: drizzle's builder has
 * no recursive CTE. Ids and months are bound as JSON arrays and unpacked with json_each.
 */
import type { Statement } from 'better-sqlite3';
import { db } from '..';

/** Which units: all, one unit and everything below it, or a list. */
export type UnitScope =
	{ kind: 'all' } | { kind: 'subtree'; unitId: number } | { kind: 'units'; unitIds: number[] };

export interface SetWindow {
	/** Month ends `YYYY-MM-DD` of the periods asked for, in order (wheel-calendar lastDaysOfYear). */
	monthEnds: string[];
	/** Oslo's calendar day now, `YYYY-MM-DD`. */
	today: string;
	/** One wheel only, or all. */
	wheelId: number | null;
	scope: UnitScope;
}

const SCOPE: Record<UnitScope['kind'], string> = {
	all: `select id from unit`,
	subtree: `select :root union select u.id from unit u join scope sc on u.parent_id = sc.id`,
	units: `select value from json_each(:units)`
};

/**
 * `inherit(unit_id, wheel_id)`, a CTE for a `with recursive`: every unit below an assignment
 * marked «gjelder også underenheter» gets its wheel.
 */
export const INHERITED_WHEELS = `inherit(unit_id, wheel_id) as (
	select unit_id, wheel_id from wheel_assignment where include_child_units = 1
	union
	select u.id, i.wheel_id from inherit i join unit u on u.parent_id = i.unit_id
)`;

/**
 * `uses(unit_id, wheel_id)`, after INHERITED_WHEELS and a `scope(id)` CTE: the wheels each active
 * unit in scope uses now, assigned or inherited, active wheels only. `and` narrows it further
 * (a condition on `x.unit_id` and `x.wheel_id`).
 */
export const wheelsInUse = (and = '') => `uses(unit_id, wheel_id) as materialized (
	select x.unit_id, x.wheel_id
	from (select unit_id, wheel_id from wheel_assignment union select unit_id, wheel_id from inherit) x
	join unit u on u.id = x.unit_id and u.archived_at is null
	join wheel w on w.id = x.wheel_id and w.archived_at is null
	where x.unit_id in (select id from scope)${and ? ` and ${and}` : ''}
)`;

/** Unit × period × task keys in one integer: periods as YYYYMM. */
const PERIOD_NUMBER = (column: string) => `cast(replace(${column}, '-', '') as integer)`;

function prefix(scope: UnitScope['kind']): string {
	return `with recursive
scope(id) as (${SCOPE[scope]}),
${INHERITED_WHEELS},
${wheelsInUse('(:wheel is null or x.wheel_id = :wheel)')},
use_keys(k) as materialized (select unit_id * 4294967296 + wheel_id from uses),
ym(period, month, last_day) as materialized (
	select substr(value, 1, 7), cast(substr(value, 6, 2) as integer), cast(substr(value, 9, 2) as integer)
	from json_each(:months)
),
cal0(task_id, wheel_id, period, month, due_date, active_from, archived_day) as (
	select c.task_id, c.wheel_id, ym.period, ym.month,
		ym.period || '-' || printf('%02d', min(coalesce(c.due_day, 31), ym.last_day)),
		c.active_from, c.archived_day
	from ym join wheel_task_month c on c.month = ym.month
	where ym.period >= c.from_period and (c.until_period is null or ym.period < c.until_period)
		and (:wheel is null or c.wheel_id = :wheel)
),
cal(task_id, wheel_id, period, month, due_date, live) as materialized (
	select task_id, wheel_id, period, month, due_date,
		period >= active_from and (archived_day is null or due_date < archived_day)
	from cal0
),
reopened(unit_id, task_id, period, due_date) as (
	select s.unit_id, s.task_id, s.period, s.due_date
	from wheel_signature s join wheel_task t on t.id = s.task_id
	where s.reopened_at is not null and s.unit_id in (select id from scope)
		and s.period >= :first and s.period <= :last and (:wheel is null or t.wheel_id = :wheel)
		and s.id = (select max(r.id) from wheel_signature r where r.unit_id = s.unit_id
			and r.period = s.period and r.task_id = s.task_id and r.reopened_at is not null)
		and not exists (select 1 from wheel_signature a where a.task_id = s.task_id
			and a.unit_id = s.unit_id and a.period = s.period and a.reopened_at is null)
),
history_open(unit_id, task_id, period, due_date) as (
	select r.unit_id, r.task_id, r.period, coalesce(c.due_date, r.due_date)
	from reopened r left join cal c on c.task_id = r.task_id and c.period = r.period
	where not (coalesce(c.live, 0) and (r.unit_id * 4294967296 + c.wheel_id) in use_keys)
)`;
}

/**
 * Per unit and month: occurrences that count (signed, or unsigned and past due) and how many
 * of them were signed, and signed on time. Counted as live-and-due occurrences (uses × the
 * calendar, per wheel), plus signed ones that are not live-and-due (found from the few task
 * months that are not, and the few unit–wheel pairs not in use, through the signature
 * indexes), plus reopened ones kept open: so no step visits every signature twice.
 */
const COMPLIANCE = (scope: UnitScope['kind']) => `${prefix(scope)},
due_keys(k) as materialized (
	select task_id * 1000000 + ${PERIOD_NUMBER('period')} from cal where live and due_date < :today
),
wheel_due(wheel_id, month, n) as (
	select wheel_id, month, count(*) from cal where live and due_date < :today group by wheel_id, month
),
live_due(unit_id, month, n) as (
	select u.unit_id, d.month, sum(d.n) from uses u join wheel_due d on d.wheel_id = u.wheel_id
	group by u.unit_id, d.month
),
signed(unit_id, period, n, on_time) as (
	select s.unit_id, s.period, count(*), sum(s.late = 0)
	from wheel_signature s
	where s.reopened_at is null and s.unit_id in (select id from scope)
		and s.period >= :first and s.period <= :last
		and (:wheel is null or s.task_id in (select id from wheel_task where wheel_id = :wheel))
	group by s.unit_id, s.period
),
task_months(task_id, period) as materialized (
	select t.id, ym.period from ym cross join wheel_task t
	where (:wheel is null or t.wheel_id = :wheel)
		and (t.id * 1000000 + ${PERIOD_NUMBER('ym.period')}) not in due_keys
),
unused(unit_id, wheel_id) as materialized (
	select sc.id, w.id from scope sc cross join wheel w
	where (:wheel is null or w.id = :wheel) and (sc.id * 4294967296 + w.id) not in use_keys
),
unused_keys(k) as materialized (select unit_id * 4294967296 + wheel_id from unused),
signed_extra(unit_id, period, n) as (
	select unit_id, period, count(*) from (
		select s.unit_id, s.period from task_months m
			cross join wheel_signature s on s.task_id = m.task_id and s.period = m.period
				and s.reopened_at is null
		-- The unary plus keeps this a filter: as an index term it would try every unit per month.
		where +s.unit_id in (select id from scope)
		union all
		select s.unit_id, s.period from (select distinct unit_id from unused) n
			cross join wheel_signature s on s.unit_id = n.unit_id
				and s.period >= :first and s.period <= :last and s.reopened_at is null
			cross join wheel_task t on t.id = s.task_id
		where (s.unit_id * 4294967296 + t.wheel_id) in unused_keys
			and (s.task_id * 1000000 + ${PERIOD_NUMBER('s.period')}) in due_keys
	) group by unit_id, period
),
unit_month(unit_id, month, total, signed, on_time) as materialized (
	select unit_id, month, sum(total), sum(signed), sum(on_time) from (
		select unit_id, month, n as total, 0 as signed, 0 as on_time from live_due
		union all select unit_id, cast(substr(period, 6, 2) as integer), 0, n, on_time from signed
		union all select unit_id, cast(substr(period, 6, 2) as integer), n, 0, 0 from signed_extra
		union all select unit_id, cast(substr(period, 6, 2) as integer), 1, 0, 0
			from history_open where due_date < :today
	) group by unit_id, month
),
members(row_id, unit_id) as (
	select value, value from json_each(:rows)
	union all
	select m.row_id, u.id from members m join unit u on u.parent_id = m.unit_id
)
select 'row' as kind, m.row_id as unitId, um.month as month,
	sum(um.total) as total, sum(um.signed) as signed, sum(um.on_time) as onTime
from members m join unit_month um on um.unit_id = m.unit_id group by m.row_id, um.month
union all
select 'own', um.unit_id, um.month, um.total, um.signed, um.on_time
from unit_month um where um.unit_id in (select value from json_each(:own))
union all
select 'all', null, month, sum(total), sum(signed), sum(on_time) from unit_month group by month
union all
select 'uses', m.row_id, null, count(*), 0, 0 from members m join uses u on u.unit_id = m.unit_id
group by m.row_id
union all
select 'usesOwn', u.unit_id, null, count(*), 0, 0 from uses u
where u.unit_id in (select value from json_each(:own)) group by u.unit_id`;

/** Unsigned occurrences, live or kept open by a reopening, in (due date, unit, task) order. */
const OPEN = (scope: UnitScope['kind']) => `${prefix(scope)},
open(unit_id, task_id, period, due_date) as (
	select u.unit_id, c.task_id, c.period, c.due_date
	from cal c join uses u on u.wheel_id = c.wheel_id
	where c.live and (:before is null or c.due_date < :before)
		and (:from is null or c.due_date >= :from)
		and not exists (select 1 from wheel_signature a where a.task_id = c.task_id
			and a.unit_id = u.unit_id and a.period = c.period and a.reopened_at is null)
	union all
	select unit_id, task_id, period, due_date from history_open
	where (:before is null or due_date < :before) and (:from is null or due_date >= :from)
)`;

const OPEN_PAGE = (scope: UnitScope['kind']) => `${OPEN(scope)}
select o.unit_id as unitId, o.task_id as taskId, o.period as period, o.due_date as dueDate,
	t.wheel_id as wheelId, t.title as title, t.responsible_role as responsibleRole,
	t.stored_in as storedIn, w.name as wheelName, un.name as unitName
from open o
	join wheel_task t on t.id = o.task_id
	join wheel w on w.id = t.wheel_id
	join unit un on un.id = o.unit_id
where (o.due_date, o.unit_id, o.task_id) > (:afterDue, :afterUnit, :afterTask)
order by o.due_date, o.unit_id, o.task_id
limit :limit`;

const OPEN_COUNT = (scope: UnitScope['kind']) => `${OPEN(scope)}
select coalesce(sum(due_date < :today), 0) as overdue, coalesce(sum(due_date >= :today), 0) as due
from open`;

const statements = new Map<string, Statement>();

function statement(name: string, text: () => string): Statement {
	let s = statements.get(name);
	if (!s) {
		s = db.$client.prepare(text());
		statements.set(name, s);
	}
	return s;
}

function bind(w: SetWindow) {
	const s = w.scope;
	return {
		months: JSON.stringify(w.monthEnds),
		first: w.monthEnds[0]!.slice(0, 7),
		last: w.monthEnds[w.monthEnds.length - 1]!.slice(0, 7),
		wheel: w.wheelId,
		today: w.today,
		...(s.kind === 'subtree' ? { root: s.unitId } : {}),
		...(s.kind === 'units' ? { units: JSON.stringify(s.unitIds) } : {})
	};
}

export interface ComplianceFigure {
	kind: 'row' | 'own' | 'all' | 'uses' | 'usesOwn';
	unitId: number | null;
	month: number | null;
	/** Occurrences that count: signed, or unsigned past their due day. */
	total: number;
	signed: number;
	onTime: number;
}

/**
 * Compliance per month for each unit in `rows` (the unit and everything below it), for each
 * unit in `own` (the unit alone), and for the whole scope; and how many wheel uses lie under
 * each, so a unit with nothing counted yet still shows.
 */
export function complianceFigures(
	w: SetWindow,
	rows: readonly number[],
	own: readonly number[]
): ComplianceFigure[] {
	if (w.monthEnds.length === 0) return [];
	return statement(`compliance:${w.scope.kind}`, () => COMPLIANCE(w.scope.kind)).all({
		...bind(w),
		rows: JSON.stringify(rows),
		own: JSON.stringify(own)
	}) as ComplianceFigure[];
}

export interface OpenOccurrenceRow {
	unitId: number;
	taskId: number;
	/** `YYYY-MM` */
	period: string;
	dueDate: string;
	wheelId: number;
	title: string;
	responsibleRole: string;
	storedIn: string;
	wheelName: string;
	unitName: string;
}

/** Where a page of open occurrences starts: after this one (keyset). */
export interface OpenCursor {
	dueDate: string;
	unitId: number;
	taskId: number;
}

/**
 * Unsigned occurrences of the window due before `before` and on or after `from`
 * (`YYYY-MM-DD`; null: no bound), in (due date, unit, task) order, after `after`, at most
 * `limit`.
 */
export function openOccurrences(
	w: SetWindow,
	opts: { before: string | null; from?: string | null; after: OpenCursor | null; limit: number }
): OpenOccurrenceRow[] {
	if (w.monthEnds.length === 0) return [];
	return statement(`open:${w.scope.kind}`, () => OPEN_PAGE(w.scope.kind)).all({
		...bind(w),
		before: opts.before,
		from: opts.from ?? null,
		afterDue: opts.after?.dueDate ?? '',
		afterUnit: opts.after?.unitId ?? 0,
		afterTask: opts.after?.taskId ?? 0,
		limit: opts.limit
	}) as OpenOccurrenceRow[];
}

/** How many unsigned occurrences of the window (due before `before`) are overdue, and how many not yet. */
export function countOpenOccurrences(
	w: SetWindow,
	before: string | null
): { overdue: number; due: number } {
	if (w.monthEnds.length === 0) return { overdue: 0, due: 0 };
	return statement(`openCount:${w.scope.kind}`, () => OPEN_COUNT(w.scope.kind)).get({
		...bind(w),
		before,
		from: null
	}) as { overdue: number; due: number };
}

export interface WheelUnit {
	id: number;
	name: string;
	parentId: number | null;
	archived: boolean;
}

/** Every unit, for the unit tree the wheel pages follow (a few hundred rows at most). */
export function wheelUnits(): WheelUnit[] {
	return statement(
		'units',
		() =>
			`select id, name, parent_id as parentId, archived_at is not null as archived from unit order by id`
	)
		.all()
		.map((u) => {
			const row = u as Omit<WheelUnit, 'archived'> & { archived: number };
			return { ...row, archived: row.archived === 1 };
		});
}

/** Wheels in use (not archived), by name. */
export function activeWheels(): { id: number; name: string }[] {
	return statement(
		'activeWheels',
		() => `select id, name from wheel where archived_at is null order by name, id`
	).all() as { id: number; name: string }[];
}

/**
 * Whether the unit uses the wheel now: assigned to it, or to a unit above it with «gjelder
 * også underenheter»; the unit and the wheel not archived (as wheelsByUnit decides for all).
 */
export function unitUsesWheel(unitId: number, wheelId: number): boolean {
	const row = statement(
		'unitUsesWheel',
		() => `with recursive up(id) as (
	select :unit union select u.parent_id from unit u join up on u.id = up.id where u.parent_id is not null
)
select exists (
	select 1 from wheel_assignment a join up on a.unit_id = up.id
	where a.wheel_id = :wheel and (a.unit_id = :unit or a.include_child_units = 1)
) and exists (select 1 from unit where id = :unit and archived_at is null)
  and exists (select 1 from wheel where id = :wheel and archived_at is null) as uses`
	).get({ unit: unitId, wheel: wheelId }) as { uses: number };
	return row.uses === 1;
}

/**
 * Units the wheel page offers: active units that use a wheel now, or hold signed history
 * (kept viewable after their wheels are taken away). `uses`: whether it uses one now.
 */
export function unitsWithWheels(): (Omit<WheelUnit, 'archived'> & { uses: boolean })[] {
	return (
		statement(
			'unitsWithWheels',
			() => `with recursive
${INHERITED_WHEELS},
uses(unit_id) as materialized (
	select x.unit_id
	from (select unit_id, wheel_id from wheel_assignment union select unit_id, wheel_id from inherit) x
	join wheel w on w.id = x.wheel_id and w.archived_at is null
)
select u.id as id, u.name as name, u.parent_id as parentId, u.id in (select unit_id from uses) as uses
from unit u
where u.archived_at is null
	and (u.id in (select unit_id from uses) or exists (select 1 from wheel_signature s where s.unit_id = u.id))
order by u.id`
		).all() as (Omit<WheelUnit, 'archived'> & { uses: number })[]
	).map((u) => ({ ...u, uses: u.uses === 1 }));
}

/** Active wheels the unit uses now (see unitUsesWheel), by name. */
export function wheelsOfUnit(unitId: number): { id: number; name: string }[] {
	return statement(
		'wheelsOfUnit',
		() => `with recursive up(id) as (
	select :unit union select u.parent_id from unit u join up on u.id = up.id where u.parent_id is not null
)
select w.id as id, w.name as name from wheel w
where w.archived_at is null
	and exists (select 1 from unit where id = :unit and archived_at is null)
	and exists (
		select 1 from wheel_assignment a join up on a.unit_id = up.id
		where a.wheel_id = w.id and (a.unit_id = :unit or a.include_child_units = 1)
	)
order by w.name, w.id`
	).all({ unit: unitId }) as { id: number; name: string }[];
}

/** The statements' SQL, for the tests that read their query plans. */
export function wheelSetQueries(): Record<string, string> {
	const out: Record<string, string> = {};
	for (const scope of ['all', 'subtree', 'units'] as const) {
		out[`compliance:${scope}`] = COMPLIANCE(scope);
		out[`open:${scope}`] = OPEN_PAGE(scope);
		out[`openCount:${scope}`] = OPEN_COUNT(scope);
	}
	return out;
}
