/**
 * Statements prepared once per process (docs/architecture.md, «Habits»: hot-path queries are
 * prepared once) and found again by key. When the database handle changes (a test opens a fresh
 * database) they are prepared again on it.
 */
import type { Statement } from 'better-sqlite3';
import { db } from '..';

export function preparedStatements(): (key: string, text: () => string) => Statement {
	let cache: { sqlite: unknown; statements: Map<string, Statement> } | undefined;
	return (key, text) => {
		const sqlite = db.$client;
		if (cache?.sqlite !== sqlite) cache = { sqlite, statements: new Map() };
		let s = cache.statements.get(key);
		if (!s) cache.statements.set(key, (s = sqlite.prepare(text())));
		return s;
	};
}
