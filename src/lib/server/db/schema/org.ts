import { sql } from 'drizzle-orm';
import {
	type AnySQLiteColumn,
	index,
	integer,
	sqliteTable,
	text,
	uniqueIndex
} from 'drizzle-orm/sqlite-core';
import { ROLES, type Role } from '../../../domain/org/vocabulary';
import { user } from './auth';
import { createdAt, requiredRef, rowId, version } from './columns';

export { ROLES, type Role };

export const unit = sqliteTable(
	'unit',
	{
		id: rowId(),
		name: text('name').notNull(),
		parentId: integer('parent_id').references((): AnySQLiteColumn => unit.id),
		archivedAt: integer('archived_at', { mode: 'timestamp_ms' }),
		// Lost-update check for the rename and move forms.
		version: version(),
		createdAt: createdAt()
	},
	(t) => [index('unit_parent_idx').on(t.parentId)]
);

export const roleAssignment = sqliteTable(
	'role_assignment',
	{
		id: rowId(),
		userId: requiredRef('user_id', () => user.id, { onDelete: 'cascade' }),
		role: text('role', { enum: ROLES }).notNull(),
		// Only unit_leader is scoped to a unit; the other roles have null here.
		unitId: integer('unit_id').references(() => unit.id)
	},
	(t) => [
		// SQLite treats NULLs as distinct in a unique index, so unscoped roles get their own.
		uniqueIndex('role_assignment_scoped_unique')
			.on(t.userId, t.role, t.unitId)
			.where(sql`${t.unitId} is not null`),
		uniqueIndex('role_assignment_unscoped_unique')
			.on(t.userId, t.role)
			.where(sql`${t.unitId} is null`),
		index('role_assignment_user_idx').on(t.userId)
	]
);

export type Unit = typeof unit.$inferSelect;
export type RoleAssignment = typeof roleAssignment.$inferSelect;
