/**
 * The annual internal-control report's reads (kommuneloven § 25-2): the routines in use
 * (wheels and their tasks in the period), the deviations found in the period and how they were
 * closed, the tilsyn of the period and their findings, the kommunedirektør's assessments, and
 * the reports already frozen. The controls carried out are the compliance roll-up's own
 * figures (queries/wheel-sets.ts `complianceFigures`), not counted again here.
 *
 * Everything is counted in SQL; a unit scope is the whole municipality (`root` null) or one
 * service area and everything below it (a recursive CTE down the unit tree). Raw SQL through
 * the driver, as prepared statements kept per process, as wheel-sets.ts does: drizzle's
 * builder has no recursive CTE.
 */
import { and, desc, eq, sql } from 'drizzle-orm';
import { db } from '..';
import { controlAssessment, report, user } from '../schema';
import type { WriteResult } from '../../result';
import { writeAudit } from './audit';
import { writeTransaction } from './write';
import { preparedStatements } from './prepared';
import { INHERITED_WHEELS, wheelsInUse } from './wheel-sets';

// Prepared once per database handle (queries/prepared.ts), found again by name.
const statement = preparedStatements();

/** The units in scope: all units, or `:root` and everything below it. */
const SCOPE = `scope(id) as (
	select id from unit where :root is null
	union all select :root where :root is not null
	union all select u.id from unit u join scope sc on u.parent_id = sc.id where :root is not null
)`;

/**
 * The wheels the units in scope use now (assigned, or inherited from a unit above with
 * «gjelder også underenheter»; active units and wheels, as wheel-sets.ts decides), and the
 * tasks those wheels have in the period's months (a calendar row that makes the month, on or
 * after the task's first period and before its archive day).
 */
const ROUTINES = `with recursive ${SCOPE},
top(id, top_id) as (
	select id, id from unit where parent_id is null
	union all select u.id, t.top_id from unit u join top t on u.parent_id = t.id
),
${INHERITED_WHEELS},
${wheelsInUse()},
ym(period, month, first_day) as (
	select substr(value, 1, 7), cast(substr(value, 6, 2) as integer), substr(value, 1, 7) || '-01'
	from json_each(:months)
),
live_tasks(task_id, wheel_id) as materialized (
	select distinct c.task_id, c.wheel_id from ym join wheel_task_month c on c.month = ym.month
	where ym.period >= c.from_period and (c.until_period is null or ym.period < c.until_period)
		and ym.period >= c.active_from and (c.archived_day is null or ym.first_day < c.archived_day)
		and c.wheel_id in (select wheel_id from uses)
)`;

export interface RoutineFigure {
	/** The service area (top-level unit); null: the whole scope. */
	unitId: number | null;
	units: number;
	wheels: number;
	tasks: number;
}

/** Units using a wheel, wheels and tasks in use: per service area and for the whole scope. */
export function routineFigures(root: number | null, monthEnds: string[]): RoutineFigure[] {
	return statement(
		'routines',
		() => `${ROUTINES}
select t.top_id as unitId, count(distinct u.unit_id) as units, count(distinct u.wheel_id) as wheels,
	count(distinct lt.task_id) as tasks
from uses u join top t on t.id = u.unit_id left join live_tasks lt on lt.wheel_id = u.wheel_id
group by t.top_id
union all
select null, count(distinct u.unit_id), count(distinct u.wheel_id), count(distinct lt.task_id)
from uses u left join live_tasks lt on lt.wheel_id = u.wheel_id`
	).all({ root, months: JSON.stringify(monthEnds) }) as RoutineFigure[];
}

export interface RoutineWheel {
	id: number;
	name: string;
	ownerUnit: string | null;
	tasks: number;
	units: number;
}

/** The wheels in use in scope, by name, with their tasks in the period and the units using them. */
export function routineWheels(root: number | null, monthEnds: string[], limit: number) {
	return statement(
		'routineWheels',
		() => `${ROUTINES}
select w.id as id, w.name as name, ou.name as ownerUnit,
	(select count(*) from live_tasks lt where lt.wheel_id = w.id) as tasks,
	count(distinct u.unit_id) as units
from uses u join wheel w on w.id = u.wheel_id left join unit ou on ou.id = w.owner_unit_id
group by w.id order by w.name, w.id limit :limit`
	).all({ root, months: JSON.stringify(monthEnds), limit }) as RoutineWheel[];
}

/**
 * The first moment (UTC ms) after an Oslo day `deadline` ends: the next day's midnight in
 * Europe/Oslo. Summer time (EU Directive 2000/84/EC) runs from the last Sunday of March to the
 * last Sunday of October and changes at 01:00 UTC, so a midnight is +02:00 from the day after
 * the March change up to and including the October one, else +01:00.
 */
const DEADLINE_END = (day: string) => `(
	cast(round((julianday(date(${day}, '+1 day')) - 2440587.5) * 86400) as integer) * 1000
	- case when date(${day}, '+1 day') > date(substr(${day}, 1, 4) || '-03-31', '-6 days', 'weekday 0')
		and date(${day}, '+1 day') <= date(substr(${day}, 1, 4) || '-10-31', '-6 days', 'weekday 0')
		then 7200000 else 3600000 end
)`;

const DEVIATIONS_IN = `with recursive ${SCOPE},
found(id) as (
	select d.id from deviation d
	where d.found_on >= :from and d.found_on <= :to
		and (:root is null or d.unit_id in (select id from scope))
)`;

/** How a deviation stands: closed by its deadline or after it, open, or open past its deadline. */
export type DeviationOutcome =
	'closed_on_time' | 'closed_late' | 'closed_no_deadline' | 'open' | 'open_overdue';

export interface DeviationGroup {
	severity: string;
	source: string;
	status: string;
	outcome: DeviationOutcome;
	n: number;
}

/**
 * Deviations found in the period (`from`–`to`, Oslo days), counted per severity, source,
 * status and outcome; «over frist» is judged against `today` (the report's own day).
 */
export function deviationGroups(
	root: number | null,
	period: { from: string; to: string },
	today: string
): DeviationGroup[] {
	return statement(
		'deviationGroups',
		() => `${DEVIATIONS_IN}
select d.severity as severity, d.source as source, d.status as status,
	case when d.status = 'closed' then
		case when d.deadline is null then 'closed_no_deadline'
			when d.closed_at < ${DEADLINE_END('d.deadline')} then 'closed_on_time'
			else 'closed_late' end
	else case when d.deadline is not null and d.deadline < :today then 'open_overdue' else 'open' end
	end as outcome,
	count(*) as n
from deviation d where d.id in (select id from found)
group by 1, 2, 3, 4`
	).all({ root, from: period.from, to: period.to, today }) as DeviationGroup[];
}

export interface DeviationRow {
	id: number;
	foundOn: string;
	unitName: string;
	title: string;
	severity: string;
	source: string;
	correctiveAction: string;
	responsibleName: string | null;
	deadline: string | null;
	status: string;
	closedAt: number | null;
	closingNote: string | null;
}

/** The deviations found in the period, oldest first, at most `limit`. */
export function deviationList(
	root: number | null,
	period: { from: string; to: string },
	limit: number
): DeviationRow[] {
	return statement(
		'deviationList',
		() => `${DEVIATIONS_IN}
select d.id as id, d.found_on as foundOn, un.name as unitName, d.title as title,
	d.severity as severity, d.source as source, d.corrective_action as correctiveAction,
	r.name as responsibleName, d.deadline as deadline, d.status as status,
	d.closed_at as closedAt, d.closing_note as closingNote
from deviation d join unit un on un.id = d.unit_id left join user r on r.id = d.responsible_id
where d.id in (select id from found)
order by d.found_on, d.id limit :limit`
	).all({ root, from: period.from, to: period.to, limit }) as DeviationRow[];
}

/**
 * The tilsyn of the period: begun (or, without a start day, recorded) by its end, and not
 * closed before it began — closed ones count when their final report or follow-up deadline
 * falls in or after the period. For a service area: the tilsyn that covered a unit in it.
 */
const TILSYN_IN = `with recursive ${SCOPE},
t_in(id) as (
	select t.id from tilsyn t
	where coalesce(t.start_date, date(t.created_at / 1000, 'unixepoch')) <= :to
		and (t.status <> 'closed' or coalesce(t.final_report_date, t.follow_up_deadline,
			t.start_date, date(t.created_at / 1000, 'unixepoch')) >= :from)
		and (:root is null or exists (select 1 from tilsyn_unit tu
			where tu.tilsyn_id = t.id and tu.unit_id in (select id from scope)))
)`;

export interface TilsynRow {
	id: number;
	authority: string;
	theme: string;
	startDate: string | null;
	finalReportDate: string | null;
	followUpDeadline: string | null;
	status: string;
	units: string | null;
	breaches: number;
	remarks: number;
	openFindings: number;
}

export function tilsynList(
	root: number | null,
	period: { from: string; to: string },
	limit: number
): TilsynRow[] {
	return statement(
		'tilsynList',
		() => `${TILSYN_IN}
select t.id as id, t.authority as authority, t.theme as theme, t.start_date as startDate,
	t.final_report_date as finalReportDate, t.follow_up_deadline as followUpDeadline,
	t.status as status,
	(select group_concat(un.name, ', ') from tilsyn_unit tu join unit un on un.id = tu.unit_id
		where tu.tilsyn_id = t.id) as units,
	(select count(*) from tilsyn_finding f where f.tilsyn_id = t.id and f.kind = 'breach') as breaches,
	(select count(*) from tilsyn_finding f where f.tilsyn_id = t.id and f.kind = 'remark') as remarks,
	(select count(*) from tilsyn_finding f where f.tilsyn_id = t.id and f.status = 'open') as openFindings
from tilsyn t where t.id in (select id from t_in)
order by coalesce(t.start_date, date(t.created_at / 1000, 'unixepoch')), t.id limit :limit`
	).all({ root, from: period.from, to: period.to, limit }) as TilsynRow[];
}

export interface FindingGroup {
	kind: string;
	status: string;
	n: number;
}

/** The tilsyn of the period and their findings, counted per kind and status. */
export function tilsynCounts(root: number | null, period: { from: string; to: string }) {
	const tilsyn = statement(
		'tilsynCount',
		() => `${TILSYN_IN}
select count(*) as n, coalesce(sum(t.status = 'closed'), 0) as closed
from tilsyn t where t.id in (select id from t_in)`
	).get({ root, from: period.from, to: period.to }) as { n: number; closed: number };
	const findings = statement(
		'findingGroups',
		() => `${TILSYN_IN}
select f.kind as kind, f.status as status, count(*) as n
from tilsyn_finding f where f.tilsyn_id in (select id from t_in) group by 1, 2`
	).all({ root, from: period.from, to: period.to }) as FindingGroup[];
	return { tilsyn: tilsyn.n, closed: tilsyn.closed, findings };
}

export interface FindingRow {
	id: number;
	tilsynId: number;
	authority: string;
	theme: string;
	kind: string;
	text: string;
	status: string;
	followUpDeadline: string | null;
	deviations: number;
}

/** The findings of the period's tilsyn, by tilsyn, at most `limit`. */
export function findingList(
	root: number | null,
	period: { from: string; to: string },
	limit: number
): FindingRow[] {
	return statement(
		'findingList',
		() => `${TILSYN_IN}
select f.id as id, t.id as tilsynId, t.authority as authority, t.theme as theme, f.kind as kind,
	f.text as text, f.status as status, t.follow_up_deadline as followUpDeadline,
	(select count(*) from deviation d where d.finding_id = f.id) as deviations
from tilsyn_finding f join tilsyn t on t.id = f.tilsyn_id
where t.id in (select id from t_in)
order by coalesce(t.start_date, date(t.created_at / 1000, 'unixepoch')), t.id, f.id limit :limit`
	).all({ root, from: period.from, to: period.to, limit }) as FindingRow[];
}

/** The first year anything the report counts happened: signatures, deviations, tilsyn. */
export function firstReportYear(): number | null {
	const row = statement(
		'firstYear',
		() => `select min(y) as y from (
	select cast(substr(min(period), 1, 4) as integer) as y from wheel_signature
	union all select cast(substr(min(found_on), 1, 4) as integer) from deviation
	union all select cast(substr(min(start_date), 1, 4) as integer) from tilsyn
)`
	).get() as { y: number | null };
	return row.y;
}

/** The assessments of one report (year, tertial, service area; 0 for whole). */
export function listAssessments(key: { year: number; tertial: number; unitId: number }) {
	return db
		.select({
			field: controlAssessment.field,
			body: controlAssessment.body,
			version: controlAssessment.version,
			updatedAt: controlAssessment.updatedAt,
			updatedBy: user.name
		})
		.from(controlAssessment)
		.leftJoin(user, eq(controlAssessment.updatedById, user.id))
		.where(
			and(
				eq(controlAssessment.year, key.year),
				eq(controlAssessment.tertial, key.tertial),
				eq(controlAssessment.unitId, key.unitId)
			)
		)
		.all();
}

export interface AssessmentInput {
	year: number;
	tertial: number;
	unitId: number;
	field: string;
	body: string;
	/** The version the form was loaded with; 0 for a field never written. */
	version: number;
}

/**
 * Writes one assessment field. A version that is not the row's (or, for a field never written,
 * not 0) writes nothing and answers `conflict`: a lost update. Audited in the same transaction.
 */
export function saveAssessment(
	input: AssessmentInput,
	actorId: number,
	now: Date
): WriteResult<number> {
	return writeTransaction((tx) => {
		const key = and(
			eq(controlAssessment.year, input.year),
			eq(controlAssessment.tertial, input.tertial),
			eq(controlAssessment.unitId, input.unitId),
			eq(controlAssessment.field, input.field)
		);
		const before = tx.select().from(controlAssessment).where(key).get();
		if ((before?.version ?? 0) !== input.version) return { ok: false, reason: 'conflict' };
		const what = {
			year: input.year,
			tertial: input.tertial,
			unitId: input.unitId,
			field: input.field
		};
		if (!before) {
			const row = tx
				.insert(controlAssessment)
				.values({ ...what, body: input.body, updatedById: actorId, updatedAt: now, version: 1 })
				.returning({ id: controlAssessment.id })
				.get();
			writeAudit(tx, now, {
				actorId,
				entity: 'control_assessment',
				entityId: row.id,
				action: 'create',
				after: { ...what, body: input.body }
			});
			return { ok: true, value: 1 };
		}
		tx.update(controlAssessment)
			.set({
				body: input.body,
				updatedById: actorId,
				updatedAt: now,
				version: sql`${controlAssessment.version} + 1`
			})
			.where(and(key, eq(controlAssessment.version, input.version)))
			.run();
		writeAudit(tx, now, {
			actorId,
			entity: 'control_assessment',
			entityId: before.id,
			action: 'update',
			before: { ...what, body: before.body },
			after: { ...what, body: input.body }
		});
		return { ok: true, value: before.version + 1 };
	});
}

/** The internal-control reports frozen in the archive, newest first. */
export function listFrozenControlReports(limit: number) {
	return db
		.select({
			id: report.id,
			scope: report.scope,
			title: report.title,
			status: report.status,
			createdAt: report.createdAt
		})
		.from(report)
		.where(eq(report.kind, 'internkontroll'))
		.orderBy(desc(report.createdAt), desc(report.id))
		.limit(limit)
		.all();
}
