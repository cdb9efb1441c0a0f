/**
 * Annual wheels of internal control (seed 004, «Årshjul enhet bo og
 * habilitering»). Occurrences are not stored: they follow from the task schedules for a unit
 * and year (src/lib/domain/wheel/schedule.ts). What is stored is what happened: a signature per
 * (task, unit, due period) with a snapshot of what was signed, and reopenings of signatures.
 * So editing a template changes only occurrences nobody has signed, and signed history stays.
 */
import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { SCHEDULE_KINDS } from '../../../domain/wheel/vocabulary';
import { user } from './auth';
import { unit } from './org';
import { createdAt, requiredRef, rowId, version } from './columns';

export const wheel = sqliteTable(
	'wheel',
	{
		id: rowId(),
		name: text('name').notNull(),
		description: text('description'),
		ownerUnitId: requiredRef('owner_unit_id', () => unit.id),
		// Lost-update check: a save carries the version it was loaded with.
		version: version(),
		archivedAt: integer('archived_at', { mode: 'timestamp_ms' }),
		createdAt: createdAt()
	},
	(t) => [index('wheel_owner_unit_idx').on(t.ownerUnitId)]
);

export const wheelTask = sqliteTable(
	'wheel_task',
	{
		id: rowId(),
		wheelId: requiredRef('wheel_id', () => wheel.id),
		title: text('title').notNull(),
		description: text('description'),
		/** Ansvar, e.g. «Avdelingsleder». */
		responsibleRole: text('responsible_role').notNull(),
		/** Lagres, e.g. «Compilo», «Teams», «VFR». */
		storedIn: text('stored_in').notNull(),
		reference: text('reference'),
		scheduleKind: text('schedule_kind', { enum: SCHEDULE_KINDS as [string, ...string[]] })
			.notNull()
			.$type<(typeof SCHEDULE_KINDS)[number]>(),
		/** Due months as comma-separated numbers, «3,9»; all twelve for a monthly task. */
		months: text('months').notNull(),
		/** Null: the last day of the month. */
		dueDay: integer('due_day'),
		/** Occurrences start in the Oslo month the task was created (or this date says). */
		activeFrom: text('active_from').notNull(),
		// Lost-update check: a save carries the version it was loaded with.
		version: version(),
		archivedAt: integer('archived_at', { mode: 'timestamp_ms' }),
		createdAt: createdAt()
	},
	(t) => [
		index('wheel_task_wheel_idx').on(t.wheelId),
		check('wheel_task_due_day', sql`${t.dueDay} is null or (${t.dueDay} between 1 and 31)`)
	]
);

/**
 * Schedules a task had before a change: `validUntil` (`YYYY-MM`, exclusive) is the Oslo month
 * the change was made in. Periods before it keep the schedule then in force, so a change never
 * moves a past occurrence (changing a template changes future occurrences only); an
 * overdue unsigned one stays overdue. The task row holds the schedule in force from the last
 * change on. One row per task and month: a second change in the same month keeps the first.
 */
export const wheelTaskSchedule = sqliteTable(
	'wheel_task_schedule',
	{
		id: rowId(),
		taskId: requiredRef('task_id', () => wheelTask.id),
		validUntil: text('valid_until').notNull(),
		scheduleKind: text('schedule_kind', { enum: SCHEDULE_KINDS as [string, ...string[]] })
			.notNull()
			.$type<(typeof SCHEDULE_KINDS)[number]>(),
		months: text('months').notNull(),
		dueDay: integer('due_day'),
		createdAt: createdAt()
	},
	(t) => [uniqueIndex('wheel_task_schedule_unique').on(t.taskId, t.validUntil)]
);

/**
 * The task calendar: the months each task falls due in, one row per month per schedule
 * period, with the bounds outside which an occurrence is not live. Derived from wheel_task and
 * wheel_task_schedule by src/lib/domain/wheel/calendar.ts and rewritten in the transaction
 * that changes either (queries/wheel-calendar.ts), so occurrences for any year and any number
 * of units are one set-based query: units × their wheels' calendar rows, joined to signatures.
 * It holds no period, so it never runs out as the years pass.
 */
export const wheelTaskMonth = sqliteTable(
	'wheel_task_month',
	{
		id: rowId(),
		taskId: requiredRef('task_id', () => wheelTask.id),
		wheelId: requiredRef('wheel_id', () => wheel.id),
		month: integer('month').notNull(),
		/** Null: the last day of the month. */
		dueDay: integer('due_day'),
		/** `YYYY-MM`, inclusive: the schedule applies from this period ('' from the start). */
		fromPeriod: text('from_period').notNull(),
		/** `YYYY-MM`, exclusive: the schedule applies before this period; null: no end. */
		untilPeriod: text('until_period'),
		/** The task's first period (wheel_task.active_from): no live occurrence before it. */
		activeFrom: text('active_from').notNull(),
		/** The Oslo day the task was archived: an occurrence due on it or later is not live. */
		archivedDay: text('archived_day')
	},
	(t) => [
		uniqueIndex('wheel_task_month_unique').on(t.taskId, t.fromPeriod, t.month),
		index('wheel_task_month_wheel_idx').on(t.wheelId, t.month),
		check('wheel_task_month_month', sql`${t.month} between 1 and 12`)
	]
);

export const wheelAssignment = sqliteTable(
	'wheel_assignment',
	{
		id: rowId(),
		wheelId: requiredRef('wheel_id', () => wheel.id),
		unitId: requiredRef('unit_id', () => unit.id),
		/** The unit's child units (all levels down) use the wheel too. */
		includeChildUnits: integer('include_child_units', { mode: 'boolean' }).notNull().default(false),
		createdAt: createdAt()
	},
	(t) => [
		uniqueIndex('wheel_assignment_unique').on(t.wheelId, t.unitId),
		index('wheel_assignment_unit_idx').on(t.unitId)
	]
);

export const wheelSignature = sqliteTable(
	'wheel_signature',
	{
		id: rowId(),
		taskId: requiredRef('task_id', () => wheelTask.id),
		unitId: requiredRef('unit_id', () => unit.id),
		/** `YYYY-MM`, the due period signed. */
		period: text('period').notNull(),
		// Snapshot of what was signed: later template edits do not rewrite the record.
		dueDate: text('due_date').notNull(),
		taskTitle: text('task_title').notNull(),
		responsibleRole: text('responsible_role').notNull(),
		signedById: requiredRef('signed_by_id', () => user.id),
		/** Server time. */
		signedAt: integer('signed_at', { mode: 'timestamp_ms' }).notNull(),
		late: integer('late', { mode: 'boolean' }).notNull(),
		comment: text('comment'),
		storedIn: text('stored_in').notNull(),
		link: text('link'),
		/**
		 * Set once, by the reopening (wheel_reopening holds who and why); the signed fields are
		 * never changed. Only a signature without it counts, and there is one per occurrence.
		 */
		reopenedAt: integer('reopened_at', { mode: 'timestamp_ms' })
	},
	(t) => [
		// Task and period first: the signatures of one task month, for the months the calendar
		// does not make live (queries/wheel-sets.ts); any order serves a lookup by all three.
		uniqueIndex('wheel_signature_active_unique')
			.on(t.taskId, t.period, t.unitId)
			.where(sql`${t.reopenedAt} is null`),
		// A unit's signatures month by month: compliance counts read a unit's year from this
		// index alone (task, lateness and whether reopened are in it), never the table.
		index('wheel_signature_unit_period_idx').on(t.unitId, t.period, t.taskId, t.late, t.reopenedAt),
		// Reopened signatures are few, and an active one is never in this index, so a sign-off
		// does not write to it; their occurrences stay in the history (and the counts).
		index('wheel_signature_reopened_idx')
			.on(t.unitId, t.period)
			.where(sql`${t.reopenedAt} is not null`)
	]
);

export const wheelReopening = sqliteTable(
	'wheel_reopening',
	{
		id: rowId(),
		signatureId: integer('signature_id')
			.notNull()
			.unique()
			.references(() => wheelSignature.id),
		reopenedById: requiredRef('reopened_by_id', () => user.id),
		reopenedAt: integer('reopened_at', { mode: 'timestamp_ms' }).notNull(),
		reason: text('reason').notNull()
	},
	// «Siden forrige møte» on /styring: sign-offs reopened since a day.
	(t) => [index('wheel_reopening_at_idx').on(t.reopenedAt)]
);

/** One secret calendar-feed token per user, stored as its SHA-256; a new one replaces the old. */
export const calendarFeedToken = sqliteTable('calendar_feed_token', {
	id: rowId(),
	userId: integer('user_id')
		.notNull()
		.unique()
		.references(() => user.id, { onDelete: 'cascade' }),
	tokenHash: text('token_hash').notNull().unique(),
	createdAt: createdAt()
});

export type Wheel = typeof wheel.$inferSelect;
export type WheelTask = typeof wheelTask.$inferSelect;
export type WheelTaskSchedule = typeof wheelTaskSchedule.$inferSelect;
export type WheelTaskMonth = typeof wheelTaskMonth.$inferSelect;
export type WheelAssignment = typeof wheelAssignment.$inferSelect;
export type WheelSignature = typeof wheelSignature.$inferSelect;
export type WheelReopening = typeof wheelReopening.$inferSelect;
