/**
 * The audit log's hash chain. Each row's `hash` is SHA-256 (FIPS 180-4, lower-case hex) of the
 * previous row's hash followed by the canonical JSON of the row's own fields; the first row
 * follows GENESIS_HASH. Whoever changes, removes, inserts or reorders a row in the file
 * must recompute every hash after it, and the verifier finds the first row that does not fit.
 *
 * The fields are hashed as stored: `before` and `after` as their JSON text, byte for byte,
 * not re-serialised, so the check depends on no JSON library's formatting and catches any
 * edit to the stored text. The canonical JSON is then one object with fixed keys in the order
 * RFC 8785 (JSON Canonicalization Scheme) sorts them, holding only integers, null and strings,
 * serialised as ECMAScript's JSON.stringify does (RFC 8785 § 3.2.2). Strings are made
 * well-formed first (a lone surrogate becomes U+FFFD), as SQLite's UTF-8 text keeps them.
 */
import { hash as digest } from 'node:crypto';

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
	/** The stored JSON text, or null. */
	before: string | null;
	after: string | null;
	/** The API token a write came with (schema/audit.ts); absent or null for any other. */
	apiTokenId?: number | null;
	apiTokenName?: string | null;
};

/**
 * The JSON text a value is stored as, as drizzle's JSON column writes it (JSON.stringify):
 * Dates become ISO strings, `undefined` members go, NaN becomes null. No value: null.
 */
export function storedJson(value: unknown): string | null {
	if (value === undefined || value === null) return null;
	return JSON.stringify(value) ?? null;
}

export function canonicalFields(fields: ChainFields): string {
	const text = (value: string | null) => (value === null ? null : value.toWellFormed());
	// Keys in RFC 8785 order (UTF-16 code units): action, actorId, after, apiTokenId,
	// apiTokenName, at, before, entity, entityId, id. JSON.stringify keeps an object's insertion
	// order for such keys. The token's two keys are there only for a write made through the API,
	// so every row written before they existed hashes as it did.
	const api =
		fields.apiTokenId === null || fields.apiTokenId === undefined
			? {}
			: { apiTokenId: fields.apiTokenId, apiTokenName: text(fields.apiTokenName ?? null) };
	return JSON.stringify({
		action: text(fields.action),
		actorId: fields.actorId,
		after: text(fields.after),
		...api,
		at: fields.at,
		before: text(fields.before),
		entity: text(fields.entity),
		entityId: text(fields.entityId),
		id: fields.id
	});
}

export function chainHash(prevHash: string, fields: ChainFields): string {
	return digest('sha256', prevHash + canonicalFields(fields), 'hex');
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
