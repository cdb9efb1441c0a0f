import type { Database, Statement } from 'better-sqlite3';

/**
 * better-sqlite3 compiles a statement on every `prepare` (it keeps no cache of its own), and
 * drizzle prepares every query it runs: at national scale that compiling was about a tenth of a
 * request's CPU. This keeps the most recently used statements by their SQL text
 * (https://sqlite.org/c3ref/prepare.html: a prepared statement may be run again and again,
 * and SQLite recompiles it itself after a schema change).
 *
 * A statement still iterating (`busy`) is never handed out twice, and a reused one is reset
 * to the modes a fresh one has: drizzle switches `raw()` on for the queries it maps itself.
 */
export function cachingPrepare(sqlite: Database, size = 400): Database['prepare'] {
	let prepare = sqlite.prepare;
	const cache = new Map<string, Statement>();
	return ((source: string) => {
		// A `prepare` put in its place (a test that records every statement, query-plan-check.ts)
		// must see each statement again: what was kept was made by the one before.
		if (sqlite.prepare !== prepare) {
			cache.clear();
			prepare = sqlite.prepare;
		}
		const hit = cache.get(source);
		if (hit && !hit.busy) {
			// Most recently used last, so the oldest is the first key.
			cache.delete(source);
			cache.set(source, hit);
			if (hit.reader) hit.raw(false).pluck(false).expand(false);
			return hit;
		}
		const statement = prepare.call(sqlite, source);
		if (!hit) {
			cache.set(source, statement);
			if (cache.size > size) cache.delete(cache.keys().next().value as string);
		}
		return statement;
	}) as Database['prepare'];
}

/**
 * The connection as drizzle should see it: the same database with `prepare` cached. The app's
 * own statements (`db.$client`) keep the uncached connection, since they are prepared once and
 * held, some with `pluck()`, which a shared statement would lose.
 */
export function withStatementCache(sqlite: Database, size?: number): Database {
	const prepare = cachingPrepare(sqlite, size);
	return new Proxy(sqlite, {
		get(target, prop) {
			if (prop === 'prepare') return prepare;
			const value = Reflect.get(target, prop, target);
			return typeof value === 'function' ? value.bind(target) : value;
		}
	});
}
