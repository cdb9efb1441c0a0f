import type { RequestHandler } from './$types';
import { allowPublic } from '$lib/server/auth/guards';
import { completeSsoSignIn } from '$lib/server/auth/sso';

// Public: the identity provider's answer; the one-use state, nonce and PKCE verifier in this
// browser's cookie and the provider's signed id_token are the check.
export const GET: RequestHandler = async (event) => {
	allowPublic();
	return completeSsoSignIn(event);
};
