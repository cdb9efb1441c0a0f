import { describe, expect, it } from 'vitest';
import { addDays, rateDecision, tokenExpired } from './api-token';

describe('token days', () => {
	it('adds days across a month, a year and a leap day', () => {
		expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
		expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
		expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
		expect(addDays('2026-03-01', 365)).toBe('2027-03-01');
	});

	it('works through its last day and not after', () => {
		expect(tokenExpired('2026-06-30', '2026-06-30')).toBe(false);
		expect(tokenExpired('2026-06-30', '2026-07-01')).toBe(true);
	});
});

describe('rate limit', () => {
	const start = new Date('2026-03-29T00:59:30Z');
	const rate = { limit: 3, windowMs: 60_000 };

	it('lets the limit through and refuses the next with the seconds left', () => {
		expect(rateDecision(3, start, start, rate)).toEqual({ ok: true, remaining: 0 });
		expect(rateDecision(4, start, new Date(start.getTime() + 15_500), rate)).toEqual({
			ok: false,
			retryAfterSeconds: 45
		});
	});

	it('never asks to wait less than a second', () => {
		expect(rateDecision(9, start, new Date(start.getTime() + 59_999), rate)).toEqual({
			ok: false,
			retryAfterSeconds: 1
		});
	});
});
