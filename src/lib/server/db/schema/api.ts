import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { user } from './auth';
import { requiredRef, rowId } from './columns';

/**
 * Personal API tokens (docs/api.md): a system another department runs reads and writes as the
 * person who made the token, within its scope. Only the SHA-256 of the secret is kept, as for
 * sessions, so a copy of the database holds no usable token.
 */
export const apiToken = sqliteTable(
	'api_token',
	{
		id: rowId(),
		userId: requiredRef('user_id', () => user.id, { onDelete: 'cascade' }),
		name: text('name').notNull(),
		// SHA-256 of the whole secret (`mk_…`), hex.
		tokenHash: text('token_hash').notNull().unique(),
		scope: text('scope', { enum: ['read', 'write'] }).notNull(),
		// The last day (Oslo) the token works, `YYYY-MM-DD`.
		expiresOn: text('expires_on').notNull(),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
		revokedAt: integer('revoked_at', { mode: 'timestamp_ms' }),
		lastUsedAt: integer('last_used_at', { mode: 'timestamp_ms' }),
		// The rate limit's fixed window: when the current minute began and how many requests
		// it has had. Kept in the row, not in memory, so every server process counts alike.
		windowStart: integer('window_start', { mode: 'timestamp_ms' }),
		windowCount: integer('window_count').notNull().default(0)
	},
	(t) => [index('api_token_user_idx').on(t.userId)]
);

export type ApiToken = typeof apiToken.$inferSelect;
