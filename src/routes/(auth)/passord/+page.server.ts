import { redirect } from '@sveltejs/kit';
import { invalid, invalidForm } from '$lib/server/result';
import { LOGIN_MESSAGES } from '$lib/server/auth/messages';
import { passwordLoginEnabled } from '$lib/server/auth/oidc';
import type { Actions, PageServerLoad } from './$types';
import { parseForm } from '$lib/schemas/form';
import { setPasswordSchema } from '$lib/schemas/auth';
import { setPassword } from '$lib/server/db/queries/users';
import { hashPassword } from '$lib/server/auth/password';
import { readForm } from '$lib/server/read-form';
import { requirePasswordLink } from '$lib/server/auth/guards';

// Public, guarded by the one-use link an administrator handed out.
export const load: PageServerLoad = async ({ url, locals }) => {
	const user = requirePasswordLink(url.searchParams.get('token'), locals.now);
	// With password sign-in off a password would open nothing; the link is left as it is.
	return { name: user.name, email: user.email, passwordLogin: passwordLoginEnabled() };
};

export const actions: Actions = {
	default: async ({ request, url, locals }) => {
		const user = requirePasswordLink(url.searchParams.get('token'), locals.now);
		if (!passwordLoginEnabled()) {
			return invalidForm({}, LOGIN_MESSAGES.passwordLinkOff, undefined, 403);
		}
		const form = parseForm(setPasswordSchema, await readForm({ request }));
		if (!form.ok) return invalid(form.values, form.errors);
		// setPassword also deletes the link, so it works once.
		setPassword(
			user.id,
			await hashPassword(form.data.password),
			{
				actorId: user.id,
				mustChangePassword: false,
				action: 'password_set_by_link'
			},
			locals.now
		);
		redirect(303, '/login?passordSatt=1');
	}
};
