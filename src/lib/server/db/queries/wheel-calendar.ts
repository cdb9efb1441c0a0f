/**
 * Keeps the task calendar (wheel_task_month) in step with the templates. Every write that
 * changes a task's schedule, start or archive day calls `writeTaskCalendar` in its own
 * transaction, so the calendar never shows a schedule the task does not have. Tasks written
 * around the app (a database from before the calendar, the scale-data generator) get theirs
 * when the database is opened: `fillMissingTaskCalendars`.
 */
import { asc, eq, inArray, notInArray } from 'drizzle-orm';
import type { DB, Tx } from '..';
import { writeAudit } from './audit';
import { wheelTask, wheelTaskMonth, wheelTaskSchedule } from '../schema';
import { taskCalendar } from '$lib/domain/wheel/calendar';

/** Rewrites the task's calendar rows from its current row and its past schedules. */
export function writeTaskCalendar(tx: Tx, taskId: number): void {
	const task = tx.select().from(wheelTask).where(eq(wheelTask.id, taskId)).get();
	tx.delete(wheelTaskMonth).where(eq(wheelTaskMonth.taskId, taskId)).run();
	if (!task) return;
	const pastSchedules = tx
		.select()
		.from(wheelTaskSchedule)
		.where(eq(wheelTaskSchedule.taskId, taskId))
		.all();
	insertCalendar(tx, { ...task, pastSchedules });
}

function insertCalendar(
	tx: Tx,
	task: typeof wheelTask.$inferSelect & { pastSchedules: (typeof wheelTaskSchedule.$inferSelect)[] }
): number {
	const calendar = taskCalendar(task);
	const rows = calendar.months.map((m) => ({
		taskId: task.id,
		wheelId: task.wheelId,
		month: m.month,
		dueDay: m.dueDay,
		fromPeriod: m.fromPeriod,
		untilPeriod: m.untilPeriod,
		activeFrom: calendar.activeFrom,
		archivedDay: calendar.archivedDay
	}));
	if (rows.length) tx.insert(wheelTaskMonth).values(rows).run();
	return rows.length;
}

/**
 * Calendars for tasks that have none (every task has at least one due month, so a task
 * without rows was written before the calendar existed, or around the app). One transaction
 * with one audit row saying which tasks were filled in. Returns how many tasks.
 */
export function fillMissingTaskCalendars(db: DB, now: Date): number {
	const missing = db
		.select({ id: wheelTask.id })
		.from(wheelTask)
		.where(notInArray(wheelTask.id, db.select({ id: wheelTaskMonth.taskId }).from(wheelTaskMonth)))
		.orderBy(asc(wheelTask.id))
		.all()
		.map((t) => t.id);
	if (missing.length === 0) return 0;
	return db.transaction((tx) => {
		const tasks = tx.select().from(wheelTask).where(inArray(wheelTask.id, missing)).all();
		const past = tx
			.select()
			.from(wheelTaskSchedule)
			.where(inArray(wheelTaskSchedule.taskId, missing))
			.all();
		let rows = 0;
		for (const task of tasks) {
			rows += insertCalendar(tx, {
				...task,
				pastSchedules: past.filter((p) => p.taskId === task.id)
			});
		}
		writeAudit(tx, now, {
			actorId: null,
			entity: 'wheel_task_month',
			entityId: 'calendar',
			action: 'fill',
			after: { taskIds: missing, rows }
		});
		return tasks.length;
	});
}
