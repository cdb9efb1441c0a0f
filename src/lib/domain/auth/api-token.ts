/**
 * Rules for personal API tokens (docs/api.md): how long one may live, how a secret looks, and
 * how many requests a token gets a minute. Pure: the caller gives the day and the time.
 */

/**
 * The longest a token may live, in days from the day it is made. A year, so a forgotten token
 * dies on its own (NSM Grunnprinsipper for IKT-sikkerhet 4.1: limit how long access lasts;
 * OWASP REST Security Cheat Sheet: API keys expire).
 */
export const MAX_TOKEN_DAYS = 365;
/** Default lifetime offered by the form. */
export const DEFAULT_TOKEN_DAYS = 90;
/** Live tokens one person may hold at once. */
export const MAX_LIVE_TOKENS = 10;

/**
 * Secrets begin with `mk_` so a secret scanner (GitHub's, a mail filter) and a reader can tell
 * a Misjonskart token from other strings; 160 random bits in base32 follow.
 */
export const API_TOKEN_PREFIX = 'mk_';
export const API_TOKEN_PATTERN = /^mk_[a-z2-7]{32}$/;

/** Requests a token may make in one window, and the window. */
export const API_RATE = { limit: 120, windowMs: 60_000 } as const;

/** `day` (YYYY-MM-DD) plus `days` calendar days. */
export function addDays(day: string, days: number): string {
	const [y, m, d] = day.split('-').map(Number) as [number, number, number];
	return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** A token works through its last day, Oslo time: expired once `today` is past it. */
export function tokenExpired(expiresOn: string, today: string): boolean {
	return today > expiresOn;
}

/**
 * The answer for one more request in a window that began at `windowStart` and now holds
 * `count` requests (this one included): allowed, or refused with the seconds until the window
 * ends (for `Retry-After`, RFC 9110 §10.2.3; at least 1).
 */
export function rateDecision(
	count: number,
	windowStart: Date,
	now: Date,
	rate: { limit: number; windowMs: number } = API_RATE
): { ok: true; remaining: number } | { ok: false; retryAfterSeconds: number } {
	if (count <= rate.limit) return { ok: true, remaining: rate.limit - count };
	const left = windowStart.getTime() + rate.windowMs - now.getTime();
	return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(left / 1000)) };
}
