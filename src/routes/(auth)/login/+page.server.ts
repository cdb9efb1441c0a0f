import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { parseForm } from '$lib/schemas/form';
import { loginSchema } from '$lib/schemas/auth';
import { getUserByEmail } from '$lib/server/db/queries/users';
import { verifyAgainstDummy, verifyPassword } from '$lib/server/auth/password';
import { invalidateSession, startSession } from '$lib/server/auth/session';
import { recordLoginSuccess, reserveLoginAttempt } from '$lib/server/auth/throttle';
import { safeRedirectTarget } from '$lib/server/auth/redirect';
import { invalid } from '$lib/server/result';
import { readForm } from '$lib/server/read-form';
import { allowPublic } from '$lib/server/auth/guards';
import { LOGIN_MESSAGES, ssoMessage } from '$lib/server/auth/messages';
import { passwordLoginEnabled, readOidcSettings } from '$lib/server/auth/oidc';

/** The single sign-on button's provider name, or null when it is not configured (or broken). */
function ssoProvider(): string | null {
	try {
		return readOidcSettings()?.providerName ?? null;
	} catch {
		return null;
	}
}

// Public: the sign-in page itself.
export const load: PageServerLoad = async ({ locals, url }) => {
	allowPublic();
	if (locals.user)
		redirect(303, safeRedirectTarget(url.searchParams.get('redirectTo'), url.origin));
	const redirectTo = safeRedirectTarget(url.searchParams.get('redirectTo'), url.origin);
	return {
		locale: locals.locale,
		// The language form comes back here, with the same redirectTo.
		here: `${url.pathname}${url.search}`,
		passwordSet: url.searchParams.has('passordSatt'),
		passwordLogin: passwordLoginEnabled(),
		sso: ssoProvider(),
		ssoHref:
			redirectTo === '/'
				? '/login/oidc'
				: `/login/oidc?redirectTo=${encodeURIComponent(redirectTo)}`,
		ssoError: ssoMessage(url.searchParams.get('sso'))
	};
};

export const actions: Actions = {
	default: async (event) => {
		allowPublic();
		const form = parseForm(loginSchema, await readForm(event));
		if (!form.ok) return invalid(form.values, form.errors);
		const { email, password } = form.data;
		const values = { email };
		if (!passwordLoginEnabled()) {
			return invalid(values, { _form: LOGIN_MESSAGES.passwordOff }, undefined, 403);
		}
		// Decided before anything is written, so a bad target can never leave a session behind.
		const target = safeRedirectTarget(event.url.searchParams.get('redirectTo'), event.url.origin);

		const attempt = reserveLoginAttempt(email, event.getClientAddress(), event.locals.now);
		if (!attempt.ok) {
			const seconds = Math.ceil(attempt.waitMs / 1000);
			return invalid(values, { _form: LOGIN_MESSAGES.throttled(seconds) }, undefined, 429);
		}

		// Unknown, inactive and password-less accounts get the same answer, in the same time.
		const user = getUserByEmail(email);
		const valid =
			user && user.active && user.passwordHash
				? await verifyPassword(user.passwordHash, password)
				: await verifyAgainstDummy(password);
		// A wrong password needs no bookkeeping: the attempt was counted as a failure above.
		if (!user || !valid) return invalid(values, { _form: LOGIN_MESSAGES.wrong });

		recordLoginSuccess(attempt.ticket);
		// A fresh token at every sign-in; any session the browser carried is ended (fixation).
		if (event.locals.session) invalidateSession(event.locals.session.id);
		startSession(event, user.id, event.locals.now);
		redirect(303, target);
	}
};
