import { error, redirect } from '@sveltejs/kit';
import { invalid } from '$lib/server/result';
import type { Actions, PageServerLoad } from './$types';
import { parseForm } from '$lib/schemas/form';
import { setupSchema } from '$lib/schemas/auth';
import { createUser } from '$lib/server/db/queries/users';
import { hashPassword } from '$lib/server/auth/password';
import { consumeSetupToken } from '$lib/server/auth/setup-token';
import { assertSetupFormOpen, assertSetupOpen } from '$lib/server/auth/guards';
import { startSession } from '$lib/server/auth/session';
import { AUTH_ACCESS } from '$lib/server/auth/messages';

// Public, but only with the one-time token printed at start, and only while no user exists.
export const load: PageServerLoad = async ({ url }) => {
	const token = assertSetupOpen(url.searchParams.get('token'));
	return { token };
};

export const actions: Actions = {
	default: async (event) => {
		const formData = await assertSetupFormOpen(event);
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
		if (!result.ok) error(409, AUTH_ACCESS.setupFailed);

		startSession(event, result.value, event.locals.now);
		redirect(303, '/admin');
	}
};
