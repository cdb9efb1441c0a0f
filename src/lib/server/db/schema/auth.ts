import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { createdAt, requiredRef, rowId, version } from './columns';

export const user = sqliteTable('user', {
	id: rowId(),
	name: text('name').notNull(),
	// Stored lower-cased so uniqueness is case-insensitive.
	email: text('email').notNull().unique(),
	// Null until the user has set a password through a set-password link.
	passwordHash: text('password_hash'),
	active: integer('active', { mode: 'boolean' }).notNull().default(true),
	// Set when an admin hands out a one-time password: the user must choose their own.
	mustChangePassword: integer('must_change_password', { mode: 'boolean' }).notNull().default(false),
	// Lost-update check for the admin's name form; sign-in and password changes leave it alone.
	version: version(),
	// The interface language the user chose on /konto; null follows the browser (Accept-Language).
	locale: text('locale', { enum: ['nb', 'nn', 'en'] }),
	createdAt: createdAt()
});

export const session = sqliteTable(
	'session',
	{
		// SHA-256 of the token, hex. The token itself is never stored.
		id: text('id').primaryKey(),
		userId: requiredRef('user_id', () => user.id, { onDelete: 'cascade' }),
		// Sliding (idle) expiry.
		expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
		// Absolute lifetime is counted from here (ASVS 5 V7.3.2).
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [index('session_user_idx').on(t.userId)]
);

/** One-use links for setting a password (new users, resets). Stored hashed like sessions. */
export const passwordToken = sqliteTable(
	'password_token',
	{
		id: text('id').primaryKey(),
		userId: requiredRef('user_id', () => user.id, { onDelete: 'cascade' }),
		expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [index('password_token_user_idx').on(t.userId)]
);

/**
 * Who a person is at an identity provider: the issuer and its subject identifier, which the
 * provider never reassigns (OpenID Connect Core 1.0 § 2, `sub`). An account found once by its
 * e-mail address is found by this afterwards, so an address handed on to someone else at the
 * provider does not hand on the account.
 */
export const userIdentity = sqliteTable(
	'user_identity',
	{
		issuer: text('issuer').notNull(),
		subject: text('subject').notNull(),
		userId: requiredRef('user_id', () => user.id, { onDelete: 'cascade' }),
		linkedAt: integer('linked_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [
		primaryKey({ columns: [t.issuer, t.subject] }),
		index('user_identity_user_idx').on(t.userId)
	]
);

/** Failed sign-in counters, keyed by `email:<address>` or `ip:<address>`. */
export const loginAttempt = sqliteTable('login_attempt', {
	key: text('key').primaryKey(),
	failures: integer('failures').notNull(),
	lastFailureAt: integer('last_failure_at', { mode: 'timestamp_ms' }).notNull(),
	blockedUntil: integer('blocked_until', { mode: 'timestamp_ms' })
});

export type User = typeof user.$inferSelect;
export type Session = typeof session.$inferSelect;
