/**
 * Slows down password guessing (ASVS 5 V6.3.1) without locking anyone out for long.
 * A shared municipal network address sees many users' typos, so it tolerates more failures
 * than one account does.
 */
export const THROTTLE = {
	account: { freeFailures: 5 },
	address: { freeFailures: 20 },
	baseDelayMs: 30_000,
	maxDelayMs: 15 * 60_000,
	/** Failures older than this are forgotten. */
	resetAfterMs: 60 * 60_000
} as const;

export type AttemptState = { failures: number; lastFailureAt: Date; blockedUntil: Date | null };

/** The state after one more failure at `now`. */
export function nextFailure(
	previous: AttemptState | undefined,
	now: Date,
	freeFailures: number
): AttemptState {
	const stale =
		!previous || now.getTime() - previous.lastFailureAt.getTime() > THROTTLE.resetAfterMs;
	const failures = (stale ? 0 : previous.failures) + 1;
	const over = failures - freeFailures;
	const blockedUntil =
		over >= 0
			? new Date(now.getTime() + Math.min(THROTTLE.maxDelayMs, THROTTLE.baseDelayMs * 2 ** over))
			: null;
	return { failures, lastFailureAt: now, blockedUntil };
}

/** Milliseconds left before another attempt is accepted, 0 when free to try. */
export function waitMs(state: AttemptState | undefined, now: Date): number {
	if (!state?.blockedUntil) return 0;
	return Math.max(0, state.blockedUntil.getTime() - now.getTime());
}
