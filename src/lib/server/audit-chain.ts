/**
 * The audit log's hash chain. Each row's `hash` is SHA-256 (FIPS 180-4, lower-case hex) of the
 * previous row's hash followed by the canonical JSON of the row's own fields; the first row
 * follows GENESIS_HASH. Whoever changes, removes, inserts or reorders a row in the file
 * must recompute every hash after it, and the verifier finds the first row that does not fit.
 *
 * Canonical JSON here is RFC 8785 (JSON Canonicalization Scheme) for the values this log
 * holds: object keys sorted by UTF-16 code units, no whitespace, numbers as ECMAScript prints
 * them. Strings are first made well-formed (lone surrogates become U+FFFD), because that is
 * what SQLite's UTF-8 text keeps of them: the hash is computed over what reads back.
 */
import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

/** The fields a hash covers, as they read back from the database. */
export type ChainFields = {
	id: number;
	/** Milliseconds since the epoch, as stored. */
	at: number;
	actorId: number | null;
	entity: string;
	entityId: string;
	action: string;
	before: unknown;
	after: unknown;
};

/**
 * What a JSON column gives back for `value`: Dates become ISO strings, `undefined` members
 * go, NaN and ±Infinity become null. The writer stores this, so it hashes what is stored.
 */
export function asStoredJson(value: unknown): unknown {
	if (value === undefined || value === null) return null;
	return JSON.parse(JSON.stringify(value)) as unknown;
}

export function canonicalJson(value: unknown): string {
	if (value === null || typeof value !== 'object') {
		if (typeof value === 'string') return JSON.stringify(value.toWellFormed());
		// Numbers, booleans; JSON.stringify prints numbers the way RFC 8785 § 3.2.2.3 asks.
		return value === undefined ? 'null' : JSON.stringify(value);
	}
	if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
	const record = value as Record<string, unknown>;
	const members = Object.keys(record)
		.filter((key) => record[key] !== undefined)
		.map((key) => [key.toWellFormed(), record[key]] as const)
		.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
		.map(([key, member]) => `${JSON.stringify(key)}:${canonicalJson(member)}`);
	return `{${members.join(',')}}`;
}

export function chainHash(prevHash: string, fields: ChainFields): string {
	const canonical = canonicalJson({
		id: fields.id,
		at: fields.at,
		actorId: fields.actorId,
		entity: fields.entity,
		entityId: fields.entityId,
		action: fields.action,
		before: fields.before ?? null,
		after: fields.after ?? null
	});
	return createHash('sha256').update(prevHash).update(canonical).digest('hex');
}

/** Why a row does not fit the chain. */
export type ChainBreak =
	/** The row has no hash: written around the app, past the insert trigger. */
	| 'unsealed'
	/** The row's `prevHash` is not the hash of the row before it: a row was removed or added. */
	| 'link'
	/** The row's fields do not give its hash: the row was changed. */
	| 'hash'
	/** Rows were removed from the end: SQLite's AUTOINCREMENT counter is past the last row. */
	| 'truncated';

export type ChainReport =
	| { ok: true; checked: number; lastId: number | null }
	| { ok: false; checked: number; brokenId: number; reason: ChainBreak };

/** The Norwegian line for the admin page and `npm run audit:verify`. */
export function describeChainReport(report: ChainReport): string {
	if (report.ok) return `Endringsloggen er intakt (${report.checked} rader kontrollert).`;
	const why: Record<ChainBreak, string> = {
		unsealed: 'raden mangler kontrollsum',
		link: 'raden peker ikke på raden før den; en rad er fjernet eller satt inn',
		hash: 'innholdet i raden stemmer ikke med kontrollsummen; raden er endret',
		truncated: 'rader etter denne er fjernet fra slutten av loggen'
	};
	return `Endringsloggen er brutt ved rad ${report.brokenId}: ${why[report.reason]} (${report.checked} rader kontrollert).`;
}
