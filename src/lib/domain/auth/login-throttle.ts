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

/**
 * An attempt is paid for before the password is checked: the failure is counted at once and
 * given back only if the password turns out right. Counting afterwards would let parallel
 * guesses all pass the wait check while the slow hash runs (OWASP Authentication Cheat Sheet,
 * "Protect against automated attacks"; a check-then-act race, CWE-367).
 */
export type Reservation = {
	/** The state before this attempt was counted. */
	before: AttemptState | undefined;
	/** The state this attempt wrote. */
	reserved: AttemptState;
};

export type ReserveOutcome = { ok: true; reservation: Reservation } | { ok: false; waitMs: number };

/** Counts one attempt as a failure at `now`, unless the key must wait first. */
export function reserveAttempt(
	previous: AttemptState | undefined,
	now: Date,
	freeFailures: number
): ReserveOutcome {
	const wait = waitMs(previous, now);
	if (wait > 0) return { ok: false, waitMs: wait };
	return {
		ok: true,
		reservation: { before: previous, reserved: nextFailure(previous, now, freeFailures) }
	};
}

function sameState(a: AttemptState | undefined, b: AttemptState | undefined): boolean {
	if (!a || !b) return a === b;
	return (
		a.failures === b.failures &&
		a.lastFailureAt.getTime() === b.lastFailureAt.getTime() &&
		(a.blockedUntil?.getTime() ?? null) === (b.blockedUntil?.getTime() ?? null)
	);
}

/**
 * Gives back a reserved attempt that succeeded. When nobody counted an attempt on the key since,
 * the state from before is restored exactly. Otherwise the count drops by one and a wait that
 * others' attempts started stays; it is lifted only once the count is below the free failures,
 * where `nextFailure` would never have set one. `undefined`: the key has nothing left to count.
 */
export function refundAttempt(
	current: AttemptState | undefined,
	{ before, reserved }: Reservation,
	freeFailures: number
): AttemptState | undefined {
	if (sameState(current, reserved)) return before;
	if (!current) return undefined;
	const failures = current.failures - 1;
	if (failures <= 0) return undefined;
	return {
		failures,
		lastFailureAt: current.lastFailureAt,
		blockedUntil: failures < freeFailures ? null : current.blockedUntil
	};
}
