import { hashPassword } from './password';
import { generateToken, hashToken } from './tokens';

/** A set-password link lives three days: long enough to reach someone back from a weekend. */
export const PASSWORD_LINK_TTL_MS = 72 * 60 * 60 * 1000;

export type IssuedCredentials = {
	passwordHash: string | null;
	passwordLink?: { id: string; expiresAt: Date };
	/** Shown once to the administrator, never stored in clear. */
	shown: { oneTimePassword: string } | { linkPath: string };
};

/** 16 base32 characters (80 bits), grouped in fours so it can be read out over the phone. */
function oneTimePassword(): string {
	return generateToken().slice(0, 16).match(/.{4}/g)?.join('-') ?? '';
}

export async function issueCredentials(
	method: 'one_time_password' | 'link',
	now: Date
): Promise<IssuedCredentials> {
	if (method === 'one_time_password') {
		const password = oneTimePassword();
		return { passwordHash: await hashPassword(password), shown: { oneTimePassword: password } };
	}
	const token = generateToken();
	return {
		passwordHash: null,
		passwordLink: {
			id: hashToken(token),
			expiresAt: new Date(now.getTime() + PASSWORD_LINK_TTL_MS)
		},
		shown: { linkPath: `/passord?token=${token}` }
	};
}
