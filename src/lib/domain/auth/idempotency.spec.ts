import { describe, expect, it } from 'vitest';
import {
	canonicalJson,
	IDEMPOTENCY_KEY_TTL_MS,
	idempotencyKeysExpiredAt,
	readIdempotencyKey
} from './idempotency';

describe('the Idempotency-Key header', () => {
	it('takes a Structured Field string or a bare value', () => {
		expect(readIdempotencyKey('"8e03978e-40d5-43e8-bc93-6894a57f9324"')).toBe(
			'8e03978e-40d5-43e8-bc93-6894a57f9324'
		);
		expect(readIdempotencyKey(' abc-123 ')).toBe('abc-123');
		expect(readIdempotencyKey('"med \\"sitat\\" og \\\\"')).toBe('med "sitat" og \\');
	});

	it('refuses what is no key', () => {
		for (const bad of ['', '   ', '""', '"åpen', '"a"b"', 'x'.repeat(256), 'ø', 'a\tb']) {
			expect(readIdempotencyKey(bad), bad).toBeNull();
		}
		expect(readIdempotencyKey('x'.repeat(255))).toHaveLength(255);
	});

	it('refuses a header sent twice, which HTTP joins with a comma', () => {
		expect(readIdempotencyKey('k1x, k2x')).toBeNull();
		expect(readIdempotencyKey('"k1x", "k2x"')).toBeNull();
		// Inside quotes a comma is part of the one key; a space is allowed either way.
		expect(readIdempotencyKey('"a,b"')).toBe('a,b');
		expect(readIdempotencyKey('a b')).toBe('a b');
	});
});

describe('a request body’s fingerprint', () => {
	it('is the same whatever the order of fields or the spacing', () => {
		expect(canonicalJson({ b: 1, a: { d: [1, 2], c: 'x' } })).toBe(
			canonicalJson(JSON.parse('{ "a": { "c": "x", "d": [1, 2] }, "b": 1 }'))
		);
		expect(canonicalJson({ a: 1 })).not.toBe(canonicalJson({ a: '1' }));
		expect(canonicalJson([1, null, 'a'])).toBe('[1,null,"a"]');
	});
});

describe('how long a key is kept', () => {
	it('answers for a day, judged by the time given', () => {
		const at = new Date('2026-11-16T09:00:00Z');
		const later = (ms: number) => new Date(at.getTime() + ms);
		// Gone is what was stored at or before the instant answered.
		expect(idempotencyKeysExpiredAt(later(IDEMPOTENCY_KEY_TTL_MS - 1)) < at).toBe(true);
		expect(idempotencyKeysExpiredAt(later(IDEMPOTENCY_KEY_TTL_MS))).toEqual(at);
	});
});
