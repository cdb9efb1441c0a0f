/**
 * The KS risk-and-control matrix («Rådmannens internkontroll – Orden i eget hus»): a ROS risk
 * and the wheel tasks that control it (who does them, how often), with the two flags of
 * kommuneloven § 25-1 c's «risiko for avvik»: a risk with no control, and a control that keeps
 * finding deviations. Counting is done in SQL; the thresholds are domain/control/deviations.ts.
 */
import { and, eq } from 'drizzle-orm';
import type { Tx } from '..';
import { riskControl, risk, wheelTask } from '../schema';
import { writeAudit } from './audit';
import { writeTransaction } from './write';
import { preparedStatements } from './prepared';
import type { WriteResult } from '../../result';
import { REPEATED_FINDINGS_MIN_PERIODS } from '$lib/domain/control/deviations';

/** Links a risk to a task of `wheelId` (a form cannot reach another wheel's tasks). */
export function linkRiskControl(
	link: { riskId: number; taskId: number; wheelId: number },
	actorId: number,
	now: Date
): WriteResult {
	return writeTransaction((tx) => {
		const task = tx
			.select({ id: wheelTask.id, archivedAt: wheelTask.archivedAt })
			.from(wheelTask)
			.where(and(eq(wheelTask.id, link.taskId), eq(wheelTask.wheelId, link.wheelId)))
			.get();
		if (!task || task.archivedAt) return { ok: false, reason: 'task_missing' } as const;
		if (!tx.select({ id: risk.id }).from(risk).where(eq(risk.id, link.riskId)).get()) {
			return { ok: false, reason: 'risk_missing' } as const;
		}
		const inserted = tx
			.insert(riskControl)
			.values({ riskId: link.riskId, taskId: link.taskId, createdAt: now })
			.onConflictDoNothing()
			.returning({ riskId: riskControl.riskId })
			.get();
		if (!inserted) return { ok: false, reason: 'already_linked' } as const;
		auditLink(tx, now, actorId, link, 'link');
		return { ok: true, value: undefined } as const;
	});
}

/** A link's audit entry: the pair after linking, before unlinking. */
function auditLink(
	tx: Tx,
	now: Date,
	actorId: number,
	link: { riskId: number; taskId: number },
	action: 'link' | 'unlink'
): void {
	const pair = { riskId: link.riskId, taskId: link.taskId };
	writeAudit(tx, now, {
		actorId,
		entity: 'risk_control',
		entityId: `${link.riskId}:${link.taskId}`,
		action,
		...(action === 'link' ? { after: pair } : { before: pair })
	});
}

export function unlinkRiskControl(
	link: { riskId: number; taskId: number; wheelId: number },
	actorId: number,
	now: Date
): WriteResult {
	return writeTransaction((tx) => {
		const task = tx
			.select({ id: wheelTask.id })
			.from(wheelTask)
			.where(and(eq(wheelTask.id, link.taskId), eq(wheelTask.wheelId, link.wheelId)))
			.get();
		if (!task) return { ok: false, reason: 'task_missing' } as const;
		const removed = tx
			.delete(riskControl)
			.where(and(eq(riskControl.riskId, link.riskId), eq(riskControl.taskId, link.taskId)))
			.returning({ riskId: riskControl.riskId })
			.get();
		if (!removed) return { ok: false, reason: 'not_linked' } as const;
		auditLink(tx, now, actorId, link, 'unlink');
		return { ok: true, value: undefined } as const;
	});
}

const statement = preparedStatements();

/** The risks each task of a wheel controls, for the template page. */
export function listWheelTaskRisks(wheelId: number) {
	return statement(
		'wheel-task-risks',
		() => `select rc.task_id as taskId, r.id as riskId, r.title, r.status
		from risk_control rc join wheel_task t on t.id = rc.task_id join risk r on r.id = rc.risk_id
		where t.wheel_id = @wheelId order by r.title, r.id`
	).all({ wheelId }) as { taskId: number; riskId: number; title: string; status: string }[];
}

/** Risks one can link a control to: not closed, by title (a select's worth). */
export function listLinkableRisks() {
	return statement(
		'linkable',
		() => `select r.id, r.title, coalesce(p.title, m.title, '') as subject
		from risk r left join project p on p.id = r.project_id left join measure m on m.id = r.measure_id
		where r.status <> 'closed' order by r.title, r.id limit 500`
	).all() as { id: number; title: string; subject: string }[];
}

export interface MatrixRiskRow {
	id: number;
	title: string;
	status: string;
	score: number;
	likelihood: number;
	consequence: number;
	subject: string;
	projectId: number | null;
	measureId: number | null;
	controlCount: number;
}

const RISK_SQL = (direction: 'after' | 'before' | 'first') => `
	select * from (
		select r.id, r.title, r.status, r.likelihood * r.consequence as score, r.likelihood, r.consequence,
			coalesce(p.title, m.title, '') as subject, r.project_id as projectId, r.measure_id as measureId,
			(select count(*) from risk_control rc where rc.risk_id = r.id) as controlCount
		from risk r left join project p on p.id = r.project_id left join measure m on m.id = r.measure_id
		where (@uncontrolled = 0 or (r.status <> 'closed'
			and not exists (select 1 from risk_control rc where rc.risk_id = r.id)))
			${
				direction === 'after'
					? 'and (-(r.likelihood * r.consequence), r.id) > (@k1, @k2)'
					: direction === 'before'
						? 'and (-(r.likelihood * r.consequence), r.id) < (@k1, @k2)'
						: ''
			}
		order by -(r.likelihood * r.consequence) ${direction === 'before' ? 'desc' : 'asc'},
			r.id ${direction === 'before' ? 'desc' : 'asc'}
		limit @limit
	) order by score desc, id asc`;

/** A page of risks, highest score first (keyset on −score, id); optionally only uncontrolled. */
export function listMatrixRisks(
	uncontrolled: boolean,
	position: { after?: (string | number)[]; before?: (string | number)[] },
	limit: number
): MatrixRiskRow[] {
	const direction = position.after ? 'after' : position.before ? 'before' : 'first';
	const k = position.after ?? position.before;
	return statement(`risks-${direction}`, () => RISK_SQL(direction)).all({
		uncontrolled: uncontrolled ? 1 : 0,
		limit,
		k1: k ? k[0] : null,
		k2: k ? k[1] : null
	}) as MatrixRiskRow[];
}

/** Open risks with no control, and how many risks there are. */
export function countMatrixRisks(): { total: number; uncontrolled: number } {
	return statement(
		'risk-counts',
		() => `select count(*) as total, coalesce(sum(r.status <> 'closed'
			and not exists (select 1 from risk_control rc where rc.risk_id = r.id)), 0) as uncontrolled
		from risk r`
	).get() as { total: number; uncontrolled: number };
}

export interface ControlRow {
	riskId: number;
	taskId: number;
	title: string;
	wheelId: number;
	wheelName: string;
	responsibleRole: string;
	scheduleKind: string;
	months: string;
	dueDay: number | null;
	archived: number;
	/** Distinct periods in the window with a deviation on the task's occurrences. */
	deviationPeriods: number;
}

/** The controls of these risks, each with its deviation periods since `fromPeriod`. */
export function listControlsOfRisks(riskIds: number[], fromPeriod: string, toPeriod: string) {
	if (riskIds.length === 0) return [];
	return statement(
		'controls',
		() => `select rc.risk_id as riskId, t.id as taskId, t.title, t.wheel_id as wheelId, w.name as wheelName,
			t.responsible_role as responsibleRole, t.schedule_kind as scheduleKind, t.months, t.due_day as dueDay,
			t.archived_at is not null as archived,
			(select count(distinct d.period) from deviation d
				where d.task_id = t.id and d.period between @fromPeriod and @toPeriod) as deviationPeriods
		from risk_control rc join wheel_task t on t.id = rc.task_id join wheel w on w.id = t.wheel_id
		where rc.risk_id in (select value from json_each(@riskIds))
		order by t.title, t.id`
	).all({ riskIds: JSON.stringify(riskIds), fromPeriod, toPeriod }) as ControlRow[];
}

/** Tasks whose occurrences got deviations in enough distinct periods of the window. */
export function listRepeatedFindingTasks(fromPeriod: string, toPeriod: string, limit: number) {
	return statement(
		'repeated',
		() => `select t.id as taskId, t.title, w.id as wheelId, w.name as wheelName,
			count(distinct d.period) as periods, count(*) as deviations
		from deviation d join wheel_task t on t.id = d.task_id join wheel w on w.id = t.wheel_id
		where d.task_id is not null and d.period between @fromPeriod and @toPeriod
		group by t.id having count(distinct d.period) >= @min
		order by periods desc, t.id limit @limit`
	).all({ fromPeriod, toPeriod, min: REPEATED_FINDINGS_MIN_PERIODS, limit }) as {
		taskId: number;
		title: string;
		wheelId: number;
		wheelName: string;
		periods: number;
		deviations: number;
	}[];
}

/** The tasks that control these risks, for the risks' own pages. */
export function listTasksControllingRisks(riskIds: number[]) {
	if (riskIds.length === 0) return [];
	return statement(
		'controlling',
		() => `select rc.risk_id as riskId, t.id as taskId, t.title, w.id as wheelId, w.name as wheelName
		from risk_control rc join wheel_task t on t.id = rc.task_id join wheel w on w.id = t.wheel_id
		where rc.risk_id in (select value from json_each(@riskIds)) order by t.title, t.id`
	).all({ riskIds: JSON.stringify(riskIds) }) as {
		riskId: number;
		taskId: number;
		title: string;
		wheelId: number;
		wheelName: string;
	}[];
}
