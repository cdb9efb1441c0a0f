import { nextFailure, THROTTLE, waitMs } from '$lib/domain/login-throttle';
import {
	clearLoginAttempts,
	getLoginAttempt,
	saveLoginAttempt
} from '$lib/server/db/queries/login-attempts';

const accountKey = (email: string) => `email:${email.trim().toLowerCase()}`;
const addressKey = (ip: string) => `ip:${ip}`;

/** How long the caller must wait before this e-mail or address may try again (ms, 0 = now). */
export function loginWaitMs(email: string, ip: string, now: Date): number {
	return Math.max(
		waitMs(getLoginAttempt(accountKey(email)), now),
		waitMs(getLoginAttempt(addressKey(ip)), now)
	);
}

export function recordLoginFailure(email: string, ip: string, now: Date): void {
	const account = accountKey(email);
	saveLoginAttempt({
		key: account,
		...nextFailure(getLoginAttempt(account), now, THROTTLE.account.freeFailures)
	});
	const address = addressKey(ip);
	saveLoginAttempt({
		key: address,
		...nextFailure(getLoginAttempt(address), now, THROTTLE.address.freeFailures)
	});
}

/** A success clears the account's counter; the address keeps its count of others' failures. */
export function recordLoginSuccess(email: string): void {
	clearLoginAttempts(accountKey(email));
}
