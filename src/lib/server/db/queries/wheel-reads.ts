/**
 * The reads every wheel page load runs (/arshjul, /arshjul/mine, sign-off, the feed), prepared
 * once per process (docs/architecture.md, «Habits»). Id lists are bound as one
 * JSON array and unpacked with SQLite's json_each, so a statement serves any number of ids.
 * The statements run on the app's single connection, so also inside a caller's transaction.
 */
import { and, asc, eq, isNull, like, sql, type Column } from 'drizzle-orm';
import { db } from '..';
import {
	unit,
	wheel,
	wheelAssignment,
	wheelSignature,
	wheelTask,
	wheelTaskSchedule
} from '../schema';

const inJson = (column: Column, name: string) =>
	sql`${column} in (select value from json_each(${sql.placeholder(name)}))`;

function prepareAll() {
	return {
		units: db.select().from(unit).prepare(),
		activeWheels: db.select().from(wheel).where(isNull(wheel.archivedAt)).prepare(),
		assignments: db.select().from(wheelAssignment).prepare(),
		wheelNames: db.select({ id: wheel.id, name: wheel.name }).from(wheel).prepare(),
		/** Active and reopened signatures: reopened ones keep their occurrence in the history. */
		signatures: db
			.select()
			.from(wheelSignature)
			.where(
				sql`${inJson(wheelSignature.unitId, 'unitIds')} and ${like(
					wheelSignature.period,
					sql.placeholder('periods')
				)}`
			)
			.prepare(),
		tasks: db
			.select()
			.from(wheelTask)
			.where(sql`${inJson(wheelTask.wheelId, 'wheelIds')} or ${inJson(wheelTask.id, 'taskIds')}`)
			.orderBy(asc(wheelTask.id))
			.prepare(),
		pastSchedules: db
			.select()
			.from(wheelTaskSchedule)
			.where(inJson(wheelTaskSchedule.taskId, 'taskIds'))
			.prepare(),
		// One occurrence (a sign-off, the occurrence page): its task, unit, wheel and records.
		task: db
			.select()
			.from(wheelTask)
			.where(eq(wheelTask.id, sql.placeholder('taskId')))
			.prepare(),
		taskSchedules: db
			.select()
			.from(wheelTaskSchedule)
			.where(eq(wheelTaskSchedule.taskId, sql.placeholder('taskId')))
			.prepare(),
		unitName: db
			.select({ name: unit.name })
			.from(unit)
			.where(eq(unit.id, sql.placeholder('unitId')))
			.prepare(),
		wheelName: db
			.select({ name: wheel.name })
			.from(wheel)
			.where(eq(wheel.id, sql.placeholder('wheelId')))
			.prepare(),
		/** Every signature of one occurrence, active and reopened, oldest first. */
		keySignatures: db
			.select()
			.from(wheelSignature)
			.where(
				and(
					eq(wheelSignature.taskId, sql.placeholder('taskId')),
					eq(wheelSignature.unitId, sql.placeholder('unitId')),
					eq(wheelSignature.period, sql.placeholder('period'))
				)
			)
			.orderBy(asc(wheelSignature.id))
			.prepare()
	};
}

let prepared: ReturnType<typeof prepareAll> | undefined;

export function wheelReads() {
	prepared ??= prepareAll();
	return prepared;
}

/** Ids as the JSON text json_each reads. */
export const idList = (ids: readonly number[]) => JSON.stringify(ids);
