/**
 * Frozen reports: a report stored exactly as it was issued (steering issue «Reports»: «A report
 * can be frozen as of a meeting: stored exactly as issued … A frozen report never changes when
 * the data changes»). The file's bytes and their SHA-256 are written once; only the approval
 * (utkast → godkjent, by a steering member) changes the row afterwards, and the database
 * refuses any other update (drizzle/*_report_frozen.sql).
 */
import { index, integer, sqliteTable, text, blob, check } from 'drizzle-orm/sqlite-core';
import { sql } from 'drizzle-orm';
import { user } from './auth';
import { REPORT_KINDS, REPORT_STATUSES } from '../../../domain/reports/vocabulary';
import { rowId, version } from './columns';

export const report = sqliteTable(
	'report',
	{
		id: rowId(),
		kind: text('kind', { enum: REPORT_KINDS }).notNull(),
		title: text('title').notNull(),
		// The period the report covers, ISO dates (inclusive), e.g. a tertial 2026-01-01–2026-04-30.
		periodFrom: text('period_from').notNull(),
		periodTo: text('period_to').notNull(),
		// The meeting it was frozen for, ISO date; null when frozen outside a meeting.
		meetingDate: text('meeting_date'),
		// What the report is about when not the whole portfolio, e.g. «project:12».
		scope: text('scope'),
		mediaType: text('media_type').notNull(),
		fileName: text('file_name').notNull(),
		content: blob('content', { mode: 'buffer' }).notNull(),
		byteSize: integer('byte_size').notNull(),
		// SHA-256 of `content`, hex (FIPS 180-4): shows the file is the one that was issued.
		sha256: text('sha256').notNull(),
		status: text('status', { enum: REPORT_STATUSES }).notNull().default('draft'),
		approvedById: integer('approved_by_id').references(() => user.id),
		approvedAt: integer('approved_at', { mode: 'timestamp_ms' }),
		createdById: integer('created_by_id').references(() => user.id),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
		version: version()
	},
	(t) => [
		index('report_kind_created_idx').on(t.kind, t.createdAt),
		check(
			'report_approval_check',
			sql`(${t.status} = 'draft' and ${t.approvedById} is null and ${t.approvedAt} is null) or (${t.status} = 'approved' and ${t.approvedAt} is not null)`
		),
		check('report_size_check', sql`${t.byteSize} = length(${t.content})`)
	]
);

export type Report = typeof report.$inferSelect;
