import { describe, expect, it } from 'vitest';
import {
	nextFailure,
	refundAttempt,
	reserveAttempt,
	THROTTLE,
	waitMs,
	type AttemptState
} from './login-throttle';

const FREE = 5;
const at = (iso: string) => new Date(iso);
const NOW = at('2027-03-28T00:30:00Z');

/** The state after `n` failures in a row at `now`. */
function failed(n: number, now = NOW): AttemptState | undefined {
	let state: AttemptState | undefined;
	for (let i = 0; i < n; i++) state = nextFailure(state, now, FREE);
	return state;
}

describe('reserveAttempt', () => {
	it('counts the attempt as a failure before the password is checked', () => {
		const outcome = reserveAttempt(failed(2), NOW, FREE);
		expect(outcome).toMatchObject({
			ok: true,
			reservation: { before: failed(2), reserved: { failures: 3, blockedUntil: null } }
		});
	});

	it('makes the last free attempt start the wait, so the next one is refused unchecked', () => {
		const fifth = reserveAttempt(failed(4), NOW, FREE);
		if (!fifth.ok) throw new Error('the fifth attempt is free');
		expect(fifth.reservation.reserved.blockedUntil).toEqual(
			new Date(NOW.getTime() + THROTTLE.baseDelayMs)
		);
		expect(reserveAttempt(fifth.reservation.reserved, NOW, FREE)).toEqual({
			ok: false,
			waitMs: THROTTLE.baseDelayMs
		});
	});

	it('allows one attempt once the wait is over, and doubles the next wait', () => {
		const blocked = failed(5)!;
		const later = new Date(blocked.blockedUntil!.getTime());
		const outcome = reserveAttempt(blocked, later, FREE);
		if (!outcome.ok) throw new Error('the wait is over');
		expect(waitMs(outcome.reservation.reserved, later)).toBe(2 * THROTTLE.baseDelayMs);
	});
});

describe('refundAttempt', () => {
	it('restores the state from before when nobody else counted since', () => {
		const before = failed(3);
		const outcome = reserveAttempt(before, NOW, FREE);
		if (!outcome.ok) throw new Error('free');
		expect(refundAttempt(outcome.reservation.reserved, outcome.reservation, FREE)).toEqual(before);
		const first = reserveAttempt(undefined, NOW, FREE);
		if (!first.ok) throw new Error('free');
		expect(refundAttempt(first.reservation.reserved, first.reservation, FREE)).toBeUndefined();
	});

	it('undoes a wait that only its own attempt started', () => {
		const outcome = reserveAttempt(failed(4), NOW, FREE);
		if (!outcome.ok) throw new Error('free');
		expect(outcome.reservation.reserved.blockedUntil).not.toBeNull();
		expect(refundAttempt(outcome.reservation.reserved, outcome.reservation, FREE)).toEqual(
			failed(4)
		);
	});

	it('takes one off and keeps a wait that others started when they counted since', () => {
		const mine = reserveAttempt(failed(3), NOW, FREE);
		if (!mine.ok) throw new Error('free');
		// Two others counted after this attempt: the fifth of them started a wait.
		const current = failed(5)!;
		expect(refundAttempt(current, mine.reservation, FREE)).toEqual({
			failures: 4,
			lastFailureAt: current.lastFailureAt,
			blockedUntil: null
		});
		const six = nextFailure(current, NOW, FREE);
		expect(refundAttempt(six, mine.reservation, FREE)).toEqual({ ...six, failures: 5 });
	});

	it('leaves nothing when the last counted attempt is given back', () => {
		const mine = reserveAttempt(undefined, NOW, FREE);
		if (!mine.ok) throw new Error('free');
		const other = { ...failed(1)!, lastFailureAt: at('2027-03-28T00:30:01Z') };
		expect(refundAttempt(other, mine.reservation, FREE)).toBeUndefined();
		expect(refundAttempt(undefined, mine.reservation, FREE)).toBeUndefined();
	});
});
