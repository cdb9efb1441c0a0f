/** Wheel templates: wheels, their tasks and which units use them. */
import { and, asc, eq, sql } from 'drizzle-orm';
import { db } from '..';
import { writeAudit } from './audit';
import { unit, wheel, wheelAssignment, wheelTask, wheelTaskSchedule } from '../schema';
import { scheduleColumns } from '$lib/domain/wheel/occurrences';
import { osloDay } from '$lib/format';
import type { TaskInput, WheelInput } from '$lib/schemas/wheel';
import type { Versioned, WriteResult } from '../../result';
import { deleteFound, writeTransaction } from './write';
import { writeTaskCalendar } from './wheel-calendar';

export type WheelRow = typeof wheel.$inferSelect;
export type WheelTaskRow = typeof wheelTask.$inferSelect;

export function listWheels() {
	return db
		.select({
			id: wheel.id,
			name: wheel.name,
			description: wheel.description,
			ownerUnitId: wheel.ownerUnitId,
			ownerUnitName: unit.name,
			archivedAt: wheel.archivedAt,
			taskCount: sql<number>`(select count(*) from ${wheelTask} where ${wheelTask.wheelId} = ${wheel.id} and ${wheelTask.archivedAt} is null)`
		})
		.from(wheel)
		.innerJoin(unit, eq(unit.id, wheel.ownerUnitId))
		.orderBy(asc(wheel.name))
		.all();
}

export function getWheel(id: number): WheelRow | undefined {
	return db.select().from(wheel).where(eq(wheel.id, id)).get();
}

export function getWheelTask(id: number): WheelTaskRow | undefined {
	return db.select().from(wheelTask).where(eq(wheelTask.id, id)).get();
}

export function listWheelTasks(wheelId: number): WheelTaskRow[] {
	return db
		.select()
		.from(wheelTask)
		.where(eq(wheelTask.wheelId, wheelId))
		.orderBy(asc(wheelTask.id))
		.all();
}

export function listAllAssignments() {
	return db.select().from(wheelAssignment).all();
}

export function listWheelAssignments(wheelId: number) {
	return db
		.select({
			id: wheelAssignment.id,
			unitId: wheelAssignment.unitId,
			unitName: unit.name,
			includeChildUnits: wheelAssignment.includeChildUnits
		})
		.from(wheelAssignment)
		.innerJoin(unit, eq(unit.id, wheelAssignment.unitId))
		.where(eq(wheelAssignment.wheelId, wheelId))
		.orderBy(asc(unit.name))
		.all();
}

export function createWheel(
	input: WheelInput,
	actorId: number | null,
	now: Date
): WriteResult<number> {
	return writeTransaction((tx) => {
		const owner = tx.select().from(unit).where(eq(unit.id, input.ownerUnitId)).get();
		if (!owner || owner.archivedAt) return { ok: false, reason: 'unit_missing' } as const;
		const row = tx.insert(wheel).values(input).returning().get();
		writeAudit(tx, now, {
			actorId,
			entity: 'wheel',
			entityId: row.id,
			action: 'create',
			after: input
		});
		return { ok: true, value: row.id } as const;
	});
}

/** Name, description and owner unit, if the wheel still has the version the form was loaded with. */
export function updateWheel(
	id: number,
	{ version, ...input }: WheelInput & Versioned,
	actorId: number,
	now: Date
): WriteResult {
	return writeTransaction((tx) => {
		const before = tx.select().from(wheel).where(eq(wheel.id, id)).get();
		if (!before) return { ok: false, reason: 'not_found' } as const;
		if (before.version !== version) return { ok: false, reason: 'conflict' } as const;
		const owner = tx.select().from(unit).where(eq(unit.id, input.ownerUnitId)).get();
		if (!owner || owner.archivedAt) return { ok: false, reason: 'unit_missing' } as const;
		const saved = tx
			.update(wheel)
			.set({ ...input, version: version + 1 })
			.where(and(eq(wheel.id, id), eq(wheel.version, version)))
			.returning({ id: wheel.id })
			.get();
		if (!saved) return { ok: false, reason: 'conflict' } as const;
		writeAudit(tx, now, {
			actorId,
			entity: 'wheel',
			entityId: id,
			action: 'update',
			before: {
				name: before.name,
				description: before.description,
				ownerUnitId: before.ownerUnitId
			},
			after: input
		});
		return { ok: true, value: undefined } as const;
	});
}

function taskValues(input: TaskInput) {
	return {
		title: input.title,
		description: input.description,
		responsibleRole: input.responsibleRole,
		storedIn: input.storedIn,
		reference: input.reference,
		...scheduleColumns(input.schedule)
	};
}

/**
 * A new task has occurrences from the Oslo month it is created in (`activeFrom` may say an
 * earlier month, as the demo does for a wheel kept since January).
 */
export function createWheelTask(
	wheelId: number,
	input: TaskInput,
	actorId: number | null,
	now: Date,
	activeFrom = osloDay(now).slice(0, 7)
): WriteResult<number> {
	return db.transaction((tx) => {
		const parent = tx.select().from(wheel).where(eq(wheel.id, wheelId)).get();
		if (!parent) return { ok: false, reason: 'not_found' } as const;
		const values = { wheelId, activeFrom, ...taskValues(input) };
		const row = tx.insert(wheelTask).values(values).returning().get();
		writeTaskCalendar(tx, row.id);
		writeAudit(tx, now, {
			actorId,
			entity: 'wheel_task',
			entityId: row.id,
			action: 'create',
			after: values
		});
		return { ok: true, value: row.id } as const;
	});
}

/**
 * Changes the template only: signed occurrences keep their snapshot (wheel_signature), and a
 * new schedule applies from the current Oslo month on. The schedule it replaces is kept for the
 * periods before (wheel_task_schedule), so no past occurrence moves. A form loaded before
 * someone else's save (an older `version`) changes nothing: `conflict`.
 */
export function updateWheelTask(
	taskId: number,
	{ version, ...input }: TaskInput & Versioned,
	actorId: number,
	now: Date
): WriteResult {
	return db.transaction((tx) => {
		const before = tx.select().from(wheelTask).where(eq(wheelTask.id, taskId)).get();
		if (!before) return { ok: false, reason: 'not_found' } as const;
		if (before.archivedAt) return { ok: false, reason: 'task_archived' } as const;
		// Checked before the schedule history is written, so a refused save leaves no trace.
		if (before.version !== version) return { ok: false, reason: 'conflict' } as const;
		const values = taskValues(input);
		const month = osloDay(now).slice(0, 7);
		const scheduleChanged =
			values.scheduleKind !== before.scheduleKind ||
			values.months !== before.months ||
			values.dueDay !== before.dueDay;
		if (scheduleChanged && before.activeFrom < month) {
			// A second change this month keeps the row of the first: that schedule was in force.
			tx.insert(wheelTaskSchedule)
				.values({
					taskId,
					validUntil: month,
					scheduleKind: before.scheduleKind,
					months: before.months,
					dueDay: before.dueDay
				})
				.onConflictDoNothing()
				.run();
		}
		const saved = tx
			.update(wheelTask)
			.set({ ...values, version: version + 1 })
			.where(and(eq(wheelTask.id, taskId), eq(wheelTask.version, version)))
			.returning({ id: wheelTask.id })
			.get();
		if (!saved) return { ok: false, reason: 'conflict' } as const;
		if (scheduleChanged) writeTaskCalendar(tx, taskId);
		const old = {
			title: before.title,
			description: before.description,
			responsibleRole: before.responsibleRole,
			storedIn: before.storedIn,
			reference: before.reference,
			scheduleKind: before.scheduleKind,
			months: before.months,
			dueDay: before.dueDay
		};
		writeAudit(tx, now, {
			actorId,
			entity: 'wheel_task',
			entityId: taskId,
			action: 'update',
			before: old,
			after: values
		});
		return { ok: true, value: undefined } as const;
	});
}

/** Stops occurrences from today on; earlier ones and every signature stay. */
export function archiveWheelTask(taskId: number, actorId: number, now: Date): WriteResult {
	return db.transaction((tx) => {
		const before = tx.select().from(wheelTask).where(eq(wheelTask.id, taskId)).get();
		if (!before) return { ok: false, reason: 'not_found' } as const;
		if (before.archivedAt) return { ok: false, reason: 'task_archived' } as const;
		tx.update(wheelTask).set({ archivedAt: now }).where(eq(wheelTask.id, taskId)).run();
		writeTaskCalendar(tx, taskId);
		writeAudit(tx, now, {
			actorId,
			entity: 'wheel_task',
			entityId: taskId,
			action: 'archive',
			after: { archivedAt: now }
		});
		return { ok: true, value: undefined } as const;
	});
}

export function assignWheel(
	wheelId: number,
	input: { unitId: number; includeChildUnits: boolean },
	actorId: number | null,
	now: Date
): WriteResult<number> {
	return writeTransaction((tx) => {
		const target = tx.select().from(unit).where(eq(unit.id, input.unitId)).get();
		if (!target || target.archivedAt) return { ok: false, reason: 'unit_missing' } as const;
		const existing = tx
			.select()
			.from(wheelAssignment)
			.where(and(eq(wheelAssignment.wheelId, wheelId), eq(wheelAssignment.unitId, input.unitId)))
			.get();
		if (existing) return { ok: false, reason: 'already_assigned' } as const;
		const row = tx
			.insert(wheelAssignment)
			.values({ wheelId, ...input })
			.returning()
			.get();
		writeAudit(tx, now, {
			actorId,
			entity: 'wheel',
			entityId: wheelId,
			action: 'assign',
			after: input
		});
		return { ok: true, value: row.id } as const;
	});
}

/** Signatures stay; the unit just stops getting new occurrences of this wheel. */
export function unassignWheel(
	wheelId: number,
	assignmentId: number,
	actorId: number,
	now: Date
): WriteResult {
	const mine = and(eq(wheelAssignment.id, assignmentId), eq(wheelAssignment.wheelId, wheelId));
	return deleteFound(
		(tx) => tx.select().from(wheelAssignment).where(mine).get(),
		(tx) => tx.delete(wheelAssignment).where(eq(wheelAssignment.id, assignmentId)).run(),
		({ unitId, includeChildUnits }) => ({
			actorId,
			entity: 'wheel',
			entityId: wheelId,
			action: 'unassign',
			before: { unitId, includeChildUnits }
		}),
		now
	);
}
