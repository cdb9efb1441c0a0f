import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
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

/**
 * The answers of API writes sent with an `Idempotency-Key` header (IETF
 * draft-ietf-httpapi-idempotency-key-header; docs/api.md): a repeat of the same request with the
 * same key, by the same token to the same address, is answered from here and writes nothing. A
 * row without a status is a request still being answered. Kept for a day
 * (`IDEMPOTENCY_KEY_TTL_MS`, domain/auth/idempotency.ts).
 */
export const apiIdempotencyKey = sqliteTable(
	'api_idempotency_key',
	{
		tokenId: requiredRef('token_id', () => apiToken.id, { onDelete: 'cascade' }),
		// `POST /api/v1/gevinster/12/realiseringer`: the method and the path as requested.
		endpoint: text('endpoint').notNull(),
		key: text('key').notNull(),
		// SHA-256 (hex) of the body as canonical JSON: a different body with the same key is 422.
		requestHash: text('request_hash').notNull(),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
		// The first answer, once there is one.
		status: integer('status'),
		body: text('body')
	},
	(t) => [
		primaryKey({ columns: [t.tokenId, t.endpoint, t.key] }),
		index('api_idempotency_key_created_idx').on(t.createdAt)
	]
);
