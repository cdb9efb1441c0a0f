import { m } from '$lib/paraglide/messages';
import { lazy, lazyWith } from '../message-book';

// Read when an answer is made, so each is in the request's language (messages/*.json).

/** What signing in answers (the login page). */
export const LOGIN_MESSAGES = lazyWith(
	{
		/** One answer for an unknown, inactive or password-less account and a wrong password. */
		wrong: m.login_wrong,
		passwordOff: m.login_password_off,
		/** A set-password link opened where passwords cannot sign in: the link is left unused. */
		passwordLinkOff: m.login_password_link_off
	},
	{
		throttled: (seconds: number) => m.login_throttled({ seconds })
	}
);

/**
 * Why a sign-in through the identity provider failed, by the code the callback puts in the
 * address (`/login?sso=<code>`); the login page shows only these texts, never what came in.
 */
export const SSO_MESSAGES = lazy({
	not_configured: m.sso_not_configured,
	unavailable: m.sso_unavailable,
	expired: m.sso_expired,
	denied: m.sso_denied,
	invalid: m.sso_invalid,
	no_email: m.sso_no_email,
	email_unverified: m.sso_email_unverified,
	unknown_user: m.sso_unknown_user,
	inactive: m.sso_inactive,
	identity_mismatch: m.sso_identity_mismatch,
	throttled: m.sso_throttled
});

export type SsoFailure = keyof typeof SSO_MESSAGES;

/** The message for a code from the address, or null for anything we did not put there. */
export function ssoMessage(code: string | null): string | null {
	return code !== null && Object.hasOwn(SSO_MESSAGES, code)
		? SSO_MESSAGES[code as SsoFailure]
		: null;
}

/** Why the shared guards refuse (guards.ts): 401, 403 and 404 answers. */
export const AUTH_ACCESS = lazy({
	signIn: m.auth_access_sign_in,
	forbidden: m.auth_access_forbidden,
	adminsOnly: m.auth_access_admins_only,
	notUnitLeader: m.auth_access_not_unit_leader,
	linkUsed: m.auth_access_link_used,
	linkInvalid: m.auth_access_link_invalid,
	/** First-run setup: the administrator could not be saved (another came first). */
	setupFailed: m.setup_failed
});
