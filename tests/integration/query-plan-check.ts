/**
 * Capturing the statements the app runs, and reading SQLite's plan for each.
 *
 * Capture: drizzle's better-sqlite3 session prepares every query through `client.prepare`
 * (node_modules/drizzle-orm/better-sqlite3/session.js, `prepareQuery`), and raw reads in
 * db/queries do the same; so wrapping `prepare` on the open connection sees every statement,
 * whoever wrote it, and wrapping the statement's run methods sees the values it is run with.
 *
 * Plans: `EXPLAIN QUERY PLAN` (https://sqlite.org/eqp.html) names each loop. `SCAN t` reads
 * the whole table `t`; `SCAN t USING INDEX i` walks an index instead, and `SEARCH t USING …`
 * seeks. SQLite prints a table under the alias the statement gives it, so aliases are mapped
 * back to table names from the SQL text.
 */
import type Database from 'better-sqlite3';

export type Statement = { sql: string; params: unknown[] };

/** Methods that run a statement with (optional) values to bind. */
const RUNS = new Set(['all', 'get', 'run', 'iterate']);
/** Methods that change how a statement runs and return the statement itself. */
const CHAINS = new Set(['raw', 'pluck', 'expand', 'safeIntegers', 'bind']);

/**
 * Records every statement prepared on `client` and run while capturing, once per SQL text
 * (with the values of its first run). `stop()` puts `prepare` back.
 */
export function captureStatements(client: Database.Database) {
	const seen = new Map<string, Statement>();
	const original = client.prepare;
	const record = (sql: string, params: unknown[]) => {
		if (!seen.has(sql)) seen.set(sql, { sql, params });
	};
	const wrapped = function (this: Database.Database, source: string) {
		const stmt = original.call(client, source);
		let bound: unknown[] = [];
		const proxy: object = new Proxy(stmt, {
			get(target, prop) {
				const value = Reflect.get(target, prop, target);
				if (typeof value !== 'function') return value;
				if (typeof prop === 'string' && RUNS.has(prop)) {
					return (...args: unknown[]) => {
						record(source, args.length ? args : bound);
						return value.apply(target, args);
					};
				}
				if (typeof prop === 'string' && CHAINS.has(prop)) {
					return (...args: unknown[]) => {
						if (prop === 'bind') bound = args;
						value.apply(target, args);
						return proxy;
					};
				}
				return value.bind(target);
			}
		});
		return proxy;
	};
	client.prepare = wrapped as typeof client.prepare;
	return {
		statements: () => [...seen.values()],
		stop: () => {
			client.prepare = original;
		}
	};
}

/** Statements whose plan this check reads: reads and writes, not pragmas or transactions. */
export function isQuery(sql: string): boolean {
	return /^\s*(?:SELECT|WITH|INSERT|UPDATE|DELETE|REPLACE)\b/i.test(sql);
}

export type PlanRow = { id: number; parent: number; detail: string };

export function queryPlan(client: Database.Database, s: Statement): PlanRow[] {
	return client.prepare(`EXPLAIN QUERY PLAN ${s.sql}`).all(...(s.params as never[])) as PlanRow[];
}

/** The names a statement gives each of `tables` (the table's own name, and any alias). */
export function namesFor(sql: string, tables: readonly string[]): Map<string, string> {
	const names = new Map<string, string>();
	const keywords = /^(?:where|on|join|left|inner|cross|group|order|limit|using|set|values)$/i;
	for (const table of tables) {
		names.set(table, table);
		const alias = new RegExp(
			`[\`"]?\\b${table}\\b[\`"]?\\s+(?:AS\\s+)?[\`"]?([A-Za-z_][A-Za-z0-9_]*)[\`"]?`,
			'gi'
		);
		for (const m of sql.matchAll(alias)) {
			if (!keywords.test(m[1]!)) names.set(m[1]!, table);
		}
	}
	return names;
}

/**
 * The plan lines that read a whole table of `tables` row by row: `SCAN <name>` with no index.
 * A walk along an index (`SCAN t USING [COVERING] INDEX i`) is not counted here.
 */
export function fullScans(plan: PlanRow[], sql: string, tables: readonly string[]): string[] {
	const names = namesFor(sql, tables);
	return plan
		.map((row) => row.detail)
		.filter((detail) => {
			const m = /^SCAN (\S+)$/.exec(detail);
			return m !== null && names.has(m[1]!);
		})
		.map((detail) => {
			const name = detail.slice('SCAN '.length);
			const table = names.get(name)!;
			return table === name ? detail : `${detail} (${table})`;
		});
}
