/**
 * Bulk inserts for the scale data: one prepared INSERT per table, built from the drizzle
 * schema (src/lib/server/db/schema), so a renamed column follows the schema. The rows name
 * their fields by the schema's property keys. A column this generator does not fill keeps its
 * default (a `version` counter, say); a new NOT NULL column without a default stops the run
 * with a message that says where to give it a value, rather than writing a broken dataset.
 */
import type Database from 'better-sqlite3';
import { getTableConfig, type SQLiteColumn, type SQLiteTable } from 'drizzle-orm/sqlite-core';

/** A raw SQLite value: timestamps as epoch milliseconds, booleans 0/1, JSON as text. */
export type Raw = string | number | bigint | null;

export type Keys<T extends SQLiteTable> = readonly (keyof T['$inferInsert'] & string)[];

export interface TableWriter<T extends SQLiteTable> {
	readonly table: T;
	/** Values in the order of the keys the writer was made with. */
	row(values: readonly Raw[]): void;
	readonly count: number;
}

/** A writer seen without its table type, for helpers that only add rows. */
export type RowSink = Pick<TableWriter<SQLiteTable>, 'row' | 'count'>;

function columnOf(table: SQLiteTable, key: string): SQLiteColumn {
	const column = (table as unknown as Record<string, SQLiteColumn | undefined>)[key];
	if (!column) throw new Error(`${getTableConfig(table).name}: the schema has no field «${key}»`);
	return column;
}

export function tableWriter<T extends SQLiteTable>(
	sqlite: Database.Database,
	table: T,
	keys: Keys<T>,
	where: string
): TableWriter<T> {
	const config = getTableConfig(table);
	const columns = keys.map((k) => columnOf(table, k).name);
	const missing = config.columns.filter(
		(c) => c.notNull && !c.hasDefault && !columns.includes(c.name)
	);
	if (missing.length) {
		throw new Error(
			`${config.name}: the schema has required column(s) ${missing.map((c) => c.name).join(', ')} ` +
				`without a default; give them values in ${where}.`
		);
	}
	const migrated = new Set(
		(sqlite.pragma(`table_info("${config.name}")`) as { name: string }[]).map((c) => c.name)
	);
	const absent = columns.filter((c) => !migrated.has(c));
	if (absent.length) {
		throw new Error(
			`${config.name}: column(s) ${absent.join(', ')} are in the schema but not in the migrated ` +
				`database; run «npm run db:generate».`
		);
	}
	const statement = sqlite.prepare(
		`INSERT INTO "${config.name}" (${columns.map((c) => `"${c}"`).join(', ')}) ` +
			`VALUES (${columns.map(() => '?').join(', ')})`
	);
	let count = 0;
	return {
		table,
		row(values) {
			statement.run(values);
			count += 1;
		},
		get count() {
			return count;
		}
	};
}

/**
 * A stored row as the app would describe it in the audit log: property keys, and values
 * mapped the way drizzle reads them (Date, boolean, parsed JSON), so JSON.stringify writes
 * what `writeAudit` writes.
 */
export function rowReader<T extends SQLiteTable>(sqlite: Database.Database, table: T) {
	const config = getTableConfig(table);
	const byName = new Map(
		Object.entries(table as unknown as Record<string, unknown>)
			.filter(([, v]) => config.columns.includes(v as SQLiteColumn))
			.map(([key, v]) => [(v as SQLiteColumn).name, { key, column: v as SQLiteColumn }])
	);
	const statement = sqlite.prepare(`SELECT * FROM "${config.name}" WHERE rowid = ?`);
	return (rowid: number): Record<string, unknown> | undefined => {
		const raw = statement.get(rowid) as Record<string, unknown> | undefined;
		if (!raw) return undefined;
		const row: Record<string, unknown> = {};
		for (const [name, value] of Object.entries(raw)) {
			const field = byName.get(name);
			if (!field) continue;
			row[field.key] = value === null ? null : field.column.mapFromDriverValue(value);
		}
		return row;
	};
}
