import type { RequestHandler } from './$types';
import { allowPublic } from '$lib/server/auth/guards';
import { startSsoSignIn } from '$lib/server/auth/sso';

// Public: starts single sign-on for whoever is not signed in yet.
export const GET: RequestHandler = async (event) => {
	allowPublic();
	return startSsoSignIn(event);
};
