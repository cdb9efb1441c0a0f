import { error, redirect } from '@sveltejs/kit';
import { invalid } from '$lib/server/write-errors';
import type { Actions, PageServerLoad } from './$types';
import { parseForm } from '$lib/schemas/form';
import { setupSchema } from '$lib/schemas/auth';
import { countUsers, createUser } from '$lib/server/db/queries/users';
import { hashPassword } from '$lib/server/auth/password';
import { consumeSetupToken, isValidSetupToken } from '$lib/server/auth/setup-token';
import { createSession, generateSessionToken, setSessionCookie } from '$lib/server/auth/session';
import { readForm } from '$lib/server/read-form';

// Public, but only with the one-time token printed at start, and only while no user exists.
function assertSetupOpen(token: string | null) {
	if (countUsers() > 0 || !isValidSetupToken(token)) {
		error(404, 'Denne lenken er brukt eller utløpt.');
	}
}

export const load: PageServerLoad = async ({ url }) => {
	const token = url.searchParams.get('token');
	assertSetupOpen(token);
	return { token };
};

export const actions: Actions = {
	default: async (event) => {
		const formData = await readForm(event);
		const token = event.url.searchParams.get('token') ?? String(formData.get('token') ?? '');
		assertSetupOpen(token);
		const form = parseForm(setupSchema, formData);
		if (!form.ok) return invalid(form.values, form.errors);

		// Spend the token before the slow hash, so two racing submissions cannot both pass.
		consumeSetupToken();
		const result = createUser(
			{
				name: form.data.name,
				email: form.data.email,
				passwordHash: await hashPassword(form.data.password),
				mustChangePassword: false,
				roles: [{ role: 'admin', unitId: null }]
			},
			null,
			event.locals.now
		);
		if (!result.ok) error(409, 'Administratoren kunne ikke opprettes.');

		const sessionToken = generateSessionToken();
		const session = createSession(sessionToken, result.value, event.locals.now);
		setSessionCookie(
			event.cookies,
			sessionToken,
			session.expiresAt,
			event.url.protocol === 'https:'
		);
		redirect(303, '/admin');
	}
};
