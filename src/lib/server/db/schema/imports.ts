/**
 * Imports from spreadsheets: a file is staged (its rows as read, bound to the user who
 * uploaded it and to what it goes into), previewed, and committed as a whole or not at all.
 * The staged rows are what the commit validates again, so nothing the preview did not show is
 * written; the file's SHA-256 ties the preview to the file. A staged file expires. The column
 * mapping a user chose is remembered per kind of import.
 */
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { IMPORT_KINDS } from '../../../domain/imports/vocabulary';
import { user } from './auth';
import { requiredRef } from './columns';

export const importStaging = sqliteTable(
	'import_staging',
	{
		// A random token: the address of the preview, unguessable as well as bound to the user.
		id: text('id').primaryKey(),
		userId: requiredRef('user_id', () => user.id, { onDelete: 'cascade' }),
		kind: text('kind', { enum: IMPORT_KINDS }).notNull(),
		// What the rows go into, e.g. «wheel:12».
		target: text('target').notNull(),
		fileName: text('file_name').notNull(),
		format: text('format', { enum: ['xlsx', 'csv'] }).notNull(),
		byteSize: integer('byte_size').notNull(),
		sha256: text('sha256').notNull(),
		rowCount: integer('row_count').notNull(),
		// The sheets as read: names, headers and rows of text (imports/read.ts, StagedSheet).
		sheets: text('sheets', { mode: 'json' }).notNull(),
		// The column mapping and defaults chosen on the mapping step; null until chosen.
		mapping: text('mapping', { mode: 'json' }),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
		expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
		committedAt: integer('committed_at', { mode: 'timestamp_ms' }),
		// What the commit did: counts for the receipt.
		receipt: text('receipt', { mode: 'json' })
	},
	(t) => [
		index('import_staging_user_idx').on(t.userId, t.createdAt),
		index('import_staging_expires_idx').on(t.expiresAt)
	]
);

export const importMapping = sqliteTable(
	'import_mapping',
	{
		userId: requiredRef('user_id', () => user.id, { onDelete: 'cascade' }),
		kind: text('kind', { enum: IMPORT_KINDS }).notNull(),
		// Field key → header name, and the defaults for empty cells.
		mapping: text('mapping', { mode: 'json' }).notNull(),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [primaryKey({ columns: [t.userId, t.kind] })]
);
