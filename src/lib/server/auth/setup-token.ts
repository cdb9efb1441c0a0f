import { generateToken, hashToken } from './tokens';

// Kept in memory on purpose: the first-run link must die when the server restarts, so a
// link printed to an old console cannot be replayed later.
let setupTokenHash: string | null = null;

export function issueSetupToken(): string {
	const token = generateToken();
	setupTokenHash = hashToken(token);
	return token;
}

export function isValidSetupToken(token: string | null): boolean {
	return token !== null && setupTokenHash !== null && hashToken(token) === setupTokenHash;
}

export function consumeSetupToken(): void {
	setupTokenHash = null;
}
