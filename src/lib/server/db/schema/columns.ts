/**
 * The columns most tables share, written once: a row id, a lost-update version, a creation
 * time the database sets, and a required reference to another table's row. Only column
 * builders live here, no tables (index.ts does not export this file).
 */
import { sql } from 'drizzle-orm';
import { integer, type ReferenceConfig } from 'drizzle-orm/sqlite-core';

/** The row's id, given by SQLite. */
export const rowId = () => integer('id').primaryKey({ autoIncrement: true });

/** Lost-update check: a save carries the version it was loaded with, and the write bumps it. */
export const version = () => integer('version').notNull().default(0);

/** When the row was written (ms since 1970), set by the database. */
export const createdAt = () =>
	integer('created_at', { mode: 'timestamp_ms' })
		.notNull()
		.default(sql`(unixepoch() * 1000)`);

/** A reference that every row must have, e.g. `requiredRef('project_id', () => project.id)`. */
export const requiredRef = (
	name: string,
	ref: ReferenceConfig['ref'],
	actions?: ReferenceConfig['actions']
) => integer(name).notNull().references(ref, actions);
