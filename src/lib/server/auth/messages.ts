import { m } from '$lib/paraglide/messages';

// Read when an answer is made, so each is in the request's language (messages/*.json).

/** What signing in answers (the login page). */
export const LOGIN_MESSAGES = {
	/** One answer for an unknown, inactive or password-less account and a wrong password. */
	get wrong() {
		return m.login_wrong();
	},
	throttled: (seconds: number) => m.login_throttled({ seconds }),
	get passwordOff() {
		return m.login_password_off();
	},
	/** A set-password link opened where passwords cannot sign in: the link is left unused. */
	get passwordLinkOff() {
		return m.login_password_link_off();
	}
};

/**
 * Why a sign-in through the identity provider failed, by the code the callback puts in the
 * address (`/login?sso=<code>`); the login page shows only these texts, never what came in.
 */
export const SSO_MESSAGES = {
	get not_configured() {
		return m.sso_not_configured();
	},
	get unavailable() {
		return m.sso_unavailable();
	},
	get expired() {
		return m.sso_expired();
	},
	get denied() {
		return m.sso_denied();
	},
	get invalid() {
		return m.sso_invalid();
	},
	get no_email() {
		return m.sso_no_email();
	},
	get email_unverified() {
		return m.sso_email_unverified();
	},
	get unknown_user() {
		return m.sso_unknown_user();
	},
	get inactive() {
		return m.sso_inactive();
	},
	get identity_mismatch() {
		return m.sso_identity_mismatch();
	},
	get throttled() {
		return m.sso_throttled();
	}
};

export type SsoFailure = keyof typeof SSO_MESSAGES;

/** The message for a code from the address, or null for anything we did not put there. */
export function ssoMessage(code: string | null): string | null {
	return code !== null && Object.hasOwn(SSO_MESSAGES, code)
		? SSO_MESSAGES[code as SsoFailure]
		: null;
}
