import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { user } from './auth';
import { rowId } from './columns';

export const auditLog = sqliteTable(
	'audit_log',
	{
		id: rowId(),
		at: integer('at', { mode: 'timestamp_ms' }).notNull(),
		// Null for actions taken by the system itself (first-run setup, demo seed).
		actorId: integer('actor_id').references(() => user.id),
		entity: text('entity').notNull(),
		entityId: text('entity_id').notNull(),
		action: text('action').notNull(),
		before: text('before', { mode: 'json' }),
		after: text('after', { mode: 'json' }),
		/**
		 * A write made through the JSON API (docs/api.md) names the bearer token it came with:
		 * its id and its name as it was then (a token can be revoked, or go with its owner), never
		 * the secret. Both null for a write from a page or by the system. No reference to
		 * api_token: the log outlives the token.
		 */
		apiTokenId: integer('api_token_id'),
		apiTokenName: text('api_token_name'),
		/**
		 * The hash chain (src/lib/server/db/audit-chain.ts): `hash` is SHA-256 (FIPS 180-4, hex) of
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
		// The change log, newest first a page at a time, by itself or filtered by who, what or
		// which action: each index ends in `at` (and, as every SQLite index does, the rowid:
		// https://sqlite.org/fileformat2.html#index_b_tree_record_format), so `actor_id = ? AND
		// (at, id) < (?, ?) ORDER BY at DESC, id DESC` walks it in order and stops after a page.
		// The one on actor_id alone is replaced by the one ending in `at`.
		index('audit_actor_at_idx').on(t.actorId, t.at),
		index('audit_entity_at_idx').on(t.entity, t.at),
		index('audit_action_at_idx').on(t.action, t.at)
	]
);

export type AuditEntry = typeof auditLog.$inferSelect;
