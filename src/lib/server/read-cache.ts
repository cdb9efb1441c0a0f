/**
 * Costly reads kept until the data changes: a value is computed once per database version
 * (db/index.ts `dataVersion`) and key, and served from memory while nothing has been written.
 * For figures summed over the whole portfolio that many people open between writes, such as
 * the steering page's wheel compliance over every unit a track involves. The key must hold
 * every input besides the data (e.g. today's date when «overdue» depends on it).
 */
import { dataVersion, tablesVersion } from './db';

/** Entries kept at most; the oldest goes first. A few per page and day is all this holds. */
const LIMIT = 64;
const entries = new Map<string, { version: string; value: unknown }>();

/**
 * `reads`, when given, names every table `compute` reads: then only a write to one of those
 * (or another connection's commit) computes it again, and a realisation logged or a session
 * renewed leaves, say, the wheel's figures alone. A test should hold `reads` to what the
 * statements really open (tests/integration/read-cache-tables.spec.ts).
 */
export function versioned<T>(key: string, compute: () => T, reads?: readonly string[]): T {
	const version = reads ? `t:${tablesVersion(reads)}` : dataVersion();
	const hit = entries.get(key);
	if (hit && hit.version === version) return hit.value as T;
	const value = compute();
	entries.delete(key);
	entries.set(key, { version, value });
	if (entries.size > LIMIT) entries.delete(entries.keys().next().value!);
	return value;
}
