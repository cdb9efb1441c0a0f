import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { parseForm } from '$lib/schemas/form';
import { loginSchema } from '$lib/schemas/auth';
import { getUserByEmail } from '$lib/server/db/queries/users';
import { verifyAgainstDummy, verifyPassword } from '$lib/server/auth/password';
import {
	createSession,
	generateSessionToken,
	invalidateSession,
	setSessionCookie
} from '$lib/server/auth/session';
import { loginWaitMs, recordLoginFailure, recordLoginSuccess } from '$lib/server/auth/throttle';
import { safeRedirectTarget } from '$lib/server/auth/redirect';
import { invalid } from '$lib/server/write-errors';

// Public: the sign-in page itself.
export const load: PageServerLoad = async ({ locals, url }) => {
	if (locals.user) redirect(303, safeRedirectTarget(url.searchParams.get('redirectTo')));
	return { passwordSet: url.searchParams.has('passordSatt') };
};

const WRONG = 'Feil e-post eller passord.';

export const actions: Actions = {
	default: async (event) => {
		const form = parseForm(loginSchema, await event.request.formData());
		if (!form.ok) return invalid(form.values, form.errors);
		const { email, password } = form.data;
		const values = { email };
		const ip = event.getClientAddress();

		const wait = loginWaitMs(email, ip, event.locals.now);
		if (wait > 0) {
			const seconds = Math.ceil(wait / 1000);
			return invalid(
				values,
				{ _form: `For mange mislykkede forsøk. Vent ${seconds} sekunder og prøv igjen.` },
				undefined,
				429
			);
		}

		// Unknown, inactive and password-less accounts get the same answer, in the same time.
		const user = getUserByEmail(email);
		const valid =
			user && user.active && user.passwordHash
				? await verifyPassword(user.passwordHash, password)
				: await verifyAgainstDummy(password);
		if (!user || !valid) {
			recordLoginFailure(email, ip, event.locals.now);
			return invalid(values, { _form: WRONG });
		}

		recordLoginSuccess(email);
		// A fresh token at every sign-in; any session the browser carried is ended (fixation).
		if (event.locals.session) invalidateSession(event.locals.session.id);
		const token = generateSessionToken();
		const session = createSession(token, user.id, event.locals.now);
		setSessionCookie(event.cookies, token, session.expiresAt, event.url.protocol === 'https:');
		redirect(303, safeRedirectTarget(event.url.searchParams.get('redirectTo')));
	}
};
