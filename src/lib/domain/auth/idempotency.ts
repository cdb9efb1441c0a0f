/**
 * Rules for the API's `Idempotency-Key` request header (IETF draft-ietf-httpapi-idempotency-key-
 * header; docs/api.md): what a key may look like, what makes two requests «the same», and how
 * long a key is kept. Pure: the caller gives the time.
 */

/** A key is kept, and a repeat answered from it, for a day (the draft's § 2.3 leaves it to us). */
export const IDEMPOTENCY_KEY_TTL_MS = 24 * 60 * 60 * 1000;

/** At most this many characters; a UUID is 36. */
export const IDEMPOTENCY_KEY_MAX = 255;

/** Visible ASCII and space: what an sf-string may hold (RFC 8941 § 3.3.3). */
const VISIBLE = /^[\x20-\x7e]+$/;

/**
 * The key the header carries, or null when it is no key. The draft makes the header a
 * Structured Field String (RFC 8941 § 3.3.3), `"8e03978e-…"`; many clients send the bare value,
 * which is taken as it stands, unless it holds a comma: HTTP joins a header sent twice with «, »
 * (RFC 9110 § 5.3), and two keys are no key. Blank, over 255 characters or beyond visible ASCII:
 * null.
 */
export function readIdempotencyKey(header: string): string | null {
	const text = header.trim();
	let key = text;
	if (text.startsWith('"')) {
		const quoted = /^"((?:[^"\\]|\\["\\])*)"$/.exec(text);
		if (!quoted) return null;
		key = quoted[1]!.replace(/\\(["\\])/g, '$1');
	} else if (text.includes(',')) return null;
	if (key.trim() === '' || key.length > IDEMPOTENCY_KEY_MAX || !VISIBLE.test(key)) return null;
	return key;
}

/**
 * A JSON value written with its object keys sorted, so that a client that sends the same body
 * with its fields in another order, or spaced otherwise, repeats the same request (the draft's
 * § 2.4 «fingerprint» of the payload).
 */
export function canonicalJson(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
	if (value !== null && typeof value === 'object') {
		const entries = Object.entries(value as Record<string, unknown>)
			.filter(([, v]) => v !== undefined)
			.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
		return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
	}
	return JSON.stringify(value) ?? 'null';
}

/**
 * The newest instant a key may have been stored at and be gone at `now`: a key answers for
 * IDEMPOTENCY_KEY_TTL_MS after it was stored, and not a millisecond more.
 */
export function idempotencyKeysExpiredAt(now: Date): Date {
	return new Date(now.getTime() - IDEMPOTENCY_KEY_TTL_MS);
}
