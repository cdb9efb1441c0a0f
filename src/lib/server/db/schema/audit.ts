import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { user } from './auth';

export const auditLog = sqliteTable(
	'audit_log',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		at: integer('at', { mode: 'timestamp_ms' }).notNull(),
		// Null for actions taken by the system itself (first-run setup, demo seed).
		actorId: integer('actor_id').references(() => user.id),
		entity: text('entity').notNull(),
		entityId: text('entity_id').notNull(),
		action: text('action').notNull(),
		before: text('before', { mode: 'json' }),
		after: text('after', { mode: 'json' })
	},
	(t) => [
		index('audit_entity_idx').on(t.entity, t.entityId),
		index('audit_at_idx').on(t.at),
		index('audit_actor_idx').on(t.actorId)
	]
);

export type AuditEntry = typeof auditLog.$inferSelect;
