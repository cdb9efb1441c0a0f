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
 * back to tables from the SQL text, and where one alias names a CTE in one part and a table in
 * another, the bytecode settles which.
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

/** Each `FROM`/`JOIN` source and the alias it is given, from the SQL text. */
function aliases(sql: string): { source: string; alias: string }[] {
	const keywords =
		/^(?:where|on|join|left|right|inner|outer|cross|natural|group|order|limit|using|set|values|union|as)$/i;
	const found: { source: string; alias: string }[] = [];
	const pattern = /\b(?:from|join)\s+[`"]?(\w+)[`"]?\s+(?:as\s+)?[`"]?(\w+)[`"]?/gi;
	for (const m of sql.matchAll(pattern)) {
		if (!keywords.test(m[2]!)) found.push({ source: m[1]!, alias: m[2]! });
	}
	return found;
}

type Op = { opcode: string; p1: number; p2: number; p3: number };

/**
 * The tables of `tables` whose own b-tree the statement's bytecode starts from one end
 * (https://sqlite.org/opcode.html: `OpenRead`/`OpenWrite` on the table's root page, then
 * `Rewind` or `Last`); an index is opened on its own page, a seek is `SeekGE` and the like.
 * Coarser than the plan (a descending rowid range also starts at `Last`), so it only settles
 * which table an alias shared with a CTE stands for.
 */
function walkedTables(client: Database.Database, s: Statement, tables: readonly string[]) {
	const marks = tables.map(() => '?').join(', ');
	const roots = new Map(
		(
			client
				.prepare(
					`SELECT name, rootpage FROM sqlite_master WHERE type = 'table' AND name IN (${marks})`
				)
				.all(...tables) as { name: string; rootpage: number }[]
		).map((r) => [r.rootpage, r.name])
	);
	const program = client.prepare(`EXPLAIN ${s.sql}`).all(...(s.params as never[])) as Op[];
	const cursors = new Map<number, string>();
	const walked = new Set<string>();
	for (const op of program) {
		if ((op.opcode === 'OpenRead' || op.opcode === 'OpenWrite') && op.p3 === 0) {
			const table = roots.get(op.p2);
			if (table) cursors.set(op.p1, table);
			else cursors.delete(op.p1);
		}
		if ((op.opcode === 'Rewind' || op.opcode === 'Last') && cursors.has(op.p1)) {
			walked.add(cursors.get(op.p1)!);
		}
	}
	return walked;
}

/**
 * The plan lines that read a whole table of `tables` row by row: `SCAN <name>` with no index
 * (a walk along an index, `SCAN t USING [COVERING] INDEX i`, is not counted). `<name>` is the
 * table or its alias; an alias the statement also gives another source (`scope s` beside
 * `wheel_signature s`) counts only when the bytecode shows that table walked.
 */
export function fullScans(
	client: Database.Database,
	s: Statement,
	tables: readonly string[]
): string[] {
	const big = new Set(tables);
	const named = aliases(s.sql);
	let walked: Set<string> | undefined;
	return queryPlan(client, s).flatMap(({ detail }) => {
		const name = /^SCAN (\S+)$/.exec(detail)?.[1];
		if (!name) return [];
		if (big.has(name)) return [detail];
		const sources = new Set(named.filter((n) => n.alias === name).map((n) => n.source));
		const table = [...sources].find((source) => big.has(source));
		if (!table) return [];
		if (sources.size > 1) {
			walked ??= walkedTables(client, s, tables);
			if (!walked.has(table)) return [];
		}
		return [`${detail} (${table})`];
	});
}
