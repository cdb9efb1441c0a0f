import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { user } from './auth';
import { rowId } from './columns';

/** Why a row did not fit the chain (src/lib/server/db/audit-chain.ts, `ChainBreak`). */
export const CHAIN_BREAKS = ['unsealed', 'link', 'hash', 'truncated'] as const;

/**
 * Each check of the audit log's whole hash chain, as an administrator asked for it on the
 * change log page. The page shows the last one instead of walking 200 000 rows on every
 * visit; a check is a record of internal control in itself (kommuneloven § 25-1 (d)).
 */
export const auditVerification = sqliteTable('audit_verification', {
	id: rowId(),
	checkedAt: integer('checked_at', { mode: 'timestamp_ms' }).notNull(),
	checkedById: integer('checked_by_id').references(() => user.id),
	ok: integer('ok', { mode: 'boolean' }).notNull(),
	/** Rows that fit, from the first. */
	checked: integer('checked').notNull(),
	/** The last row checked when the chain is whole; null for an empty log. */
	lastId: integer('last_id'),
	/** The first row that does not fit, and why, when it is broken. */
	brokenId: integer('broken_id'),
	reason: text('reason', { enum: CHAIN_BREAKS }),
	/** How long the check took, in milliseconds. */
	durationMs: integer('duration_ms').notNull()
});

export type AuditVerification = typeof auditVerification.$inferSelect;
