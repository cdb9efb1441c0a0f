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
		after: text('after', { mode: 'json' }),
		/**
		 * The hash chain (src/lib/server/audit-chain.ts): `hash` is SHA-256 (FIPS 180-4, hex) of
		 * `prevHash` followed by the canonical JSON of the fields above; `prevHash` is the
		 * previous row's `hash`, 64 zeros for the first row. Changing, removing or inserting a
		 * row breaks every hash after it. Nullable only because rows written before the chain
		 * existed are sealed when the database is opened (db/index.ts); a trigger refuses new
		 * rows without them (drizzle/*_audit_append_only.sql).
		 */
		prevHash: text('prev_hash'),
		hash: text('hash')
	},
	(t) => [
		index('audit_entity_idx').on(t.entity, t.entityId),
		index('audit_at_idx').on(t.at),
		index('audit_actor_idx').on(t.actorId),
		// The change log's filters, newest first a page at a time: an index on one column ends
		// in the rowid (https://sqlite.org/fileformat2.html#index_b_tree_record_format), so
		// `entity = ? AND id < ? ORDER BY id DESC` walks it in order and stops after a page.
		index('audit_entity_kind_idx').on(t.entity),
		index('audit_action_idx').on(t.action)
	]
);

export type AuditEntry = typeof auditLog.$inferSelect;
