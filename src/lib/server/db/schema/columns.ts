/**
 * The columns most tables share, written once: a row id, a lost-update version, a creation
 * time the database sets, and a required reference to another table's row; and the shape of a
 * link table made of two such references. Only builders live here, no tables (index.ts does
 * not export this file).
 */
import { sql } from 'drizzle-orm';
import {
	index,
	integer,
	primaryKey,
	sqliteTable,
	type ReferenceConfig
} from 'drizzle-orm/sqlite-core';

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

type Link<K extends string> = [key: K, column: string, ref: ReferenceConfig['ref']];

/**
 * A link table between two tables' rows, e.g. a project and each of its tracks: both
 * references required, the pair the primary key (a link is there once), and an index on the
 * second so the look-up from that side (a track's projects) does not scan the table. The
 * index is named `<table>_<second column without _id>_idx`.
 */
export function linkTable<A extends string, B extends string>(
	name: string,
	[aKey, aColumn, aRef]: Link<A>,
	[bKey, bColumn, bRef]: Link<B>
) {
	type Ref = ReturnType<typeof requiredRef>;
	const columns = { [aKey]: requiredRef(aColumn, aRef), [bKey]: requiredRef(bColumn, bRef) };
	return sqliteTable(name, columns as Record<A | B, Ref>, (t) => [
		primaryKey({ columns: [t[aKey], t[bKey]] }),
		index(`${name}_${bColumn.replace(/_id$/, '')}_idx`).on(t[bKey])
	]);
}
