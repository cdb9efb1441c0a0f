import { sql } from 'drizzle-orm';
import {
	type AnySQLiteColumn,
	index,
	integer,
	sqliteTable,
	text,
	uniqueIndex
} from 'drizzle-orm/sqlite-core';
import { user } from './auth';

export const unit = sqliteTable(
	'unit',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		name: text('name').notNull(),
		parentId: integer('parent_id').references((): AnySQLiteColumn => unit.id),
		archivedAt: integer('archived_at', { mode: 'timestamp_ms' }),
		createdAt: integer('created_at', { mode: 'timestamp_ms' })
			.notNull()
			.default(sql`(unixepoch() * 1000)`)
	},
	(t) => [index('unit_parent_idx').on(t.parentId)]
);

export const ROLES = ['admin', 'steering', 'programme_leader', 'unit_leader', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const roleAssignment = sqliteTable(
	'role_assignment',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		userId: integer('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		role: text('role', { enum: ROLES }).notNull(),
		// Only unit_leader is scoped to a unit; the other roles have null here.
		unitId: integer('unit_id').references(() => unit.id)
	},
	(t) => [
		// SQLite treats NULLs as distinct, so coalesce to keep one unscoped role per user.
		uniqueIndex('role_assignment_unique').on(t.userId, t.role, sql`coalesce(${t.unitId}, 0)`),
		index('role_assignment_user_idx').on(t.userId)
	]
);

export type Unit = typeof unit.$inferSelect;
export type RoleAssignment = typeof roleAssignment.$inferSelect;
