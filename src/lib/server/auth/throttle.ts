import {
	refundAttempt,
	reserveAttempt,
	THROTTLE,
	type Reservation
} from '$lib/domain/auth/login-throttle';
import { changeLoginAttempts } from '$lib/server/db/queries/login-attempts';

const accountKey = (email: string) => `email:${email.trim().toLowerCase()}`;
const addressKey = (ip: string) => `ip:${ip}`;

/** A sign-in attempt already counted as a failure for its account and its address. */
export type LoginTicket = {
	account: string;
	address: string;
	addressReservation: Reservation;
};

export type LoginReservation = { ok: true; ticket: LoginTicket } | { ok: false; waitMs: number };

/**
 * Counts this attempt as a failure for the e-mail and the network address before the password
 * is checked, in one transaction, or answers how long the caller must wait (ms). Checking first
 * and counting after the slow hash let parallel guesses all through; counting first means at
 * most the free failures of guesses ever reach the hash (ASVS 5 V6.3.1, OWASP Authentication
 * Cheat Sheet). A wrong password needs nothing more: its failure is already counted.
 */
export function reserveLoginAttempt(email: string, ip: string, now: Date): LoginReservation {
	const account = accountKey(email);
	const address = addressKey(ip);
	return changeLoginAttempts<LoginReservation>([account, address], (current) => {
		const onAccount = reserveAttempt(current.get(account), now, THROTTLE.account.freeFailures);
		const onAddress = reserveAttempt(current.get(address), now, THROTTLE.address.freeFailures);
		if (!onAccount.ok || !onAddress.ok) {
			const waitMs = Math.max(
				onAccount.ok ? 0 : onAccount.waitMs,
				onAddress.ok ? 0 : onAddress.waitMs
			);
			return { result: { ok: false, waitMs }, writes: new Map() };
		}
		return {
			result: {
				ok: true,
				ticket: { account, address, addressReservation: onAddress.reservation }
			},
			writes: new Map([
				[account, onAccount.reservation.reserved],
				[address, onAddress.reservation.reserved]
			])
		};
	});
}

/**
 * The password was right: the account's counter is cleared, and the address gets this attempt
 * back but keeps its count of others' failures, so a shared municipal network is not slowed
 * down by its own users signing in.
 */
export function recordLoginSuccess(ticket: LoginTicket): void {
	changeLoginAttempts([ticket.address], (current) => {
		const address = refundAttempt(
			current.get(ticket.address),
			ticket.addressReservation,
			THROTTLE.address.freeFailures
		);
		return {
			result: undefined,
			writes: new Map([
				[ticket.account, null],
				[ticket.address, address ?? null]
			])
		};
	});
}

/** A single sign-on answer already counted as a failure for its network address. */
export type SsoTicket = { address: string; reservation: Reservation };
export type SsoReservation = { ok: true; ticket: SsoTicket } | { ok: false; waitMs: number };

/**
 * The sign-in callback from the identity provider, counted like a password guess against the
 * network address (there is no account to count against until the provider has answered):
 * someone replaying or forging answers is slowed down as a password guesser is.
 */
export function reserveSsoAttempt(ip: string, now: Date): SsoReservation {
	const address = addressKey(ip);
	return changeLoginAttempts<SsoReservation>([address], (current) => {
		const onAddress = reserveAttempt(current.get(address), now, THROTTLE.address.freeFailures);
		if (!onAddress.ok) return { result: onAddress, writes: new Map() };
		return {
			result: { ok: true, ticket: { address, reservation: onAddress.reservation } },
			writes: new Map([[address, onAddress.reservation.reserved]])
		};
	});
}

/** The sign-in succeeded: the address gets this attempt back, as after a right password. */
export function recordSsoSuccess(ticket: SsoTicket): void {
	changeLoginAttempts([ticket.address], (current) => ({
		result: undefined,
		writes: new Map([
			[
				ticket.address,
				refundAttempt(
					current.get(ticket.address),
					ticket.reservation,
					THROTTLE.address.freeFailures
				) ?? null
			]
		])
	}));
}
