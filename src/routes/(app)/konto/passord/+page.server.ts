import { redirect } from '@sveltejs/kit';
import { invalid } from '$lib/server/result';
import type { Actions, PageServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/guards';
import { parseForm } from '$lib/schemas/form';
import { changePasswordSchema } from '$lib/schemas/auth';
import { getUserById, setPassword } from '$lib/server/db/queries/users';
import { hashPassword, verifyPassword } from '$lib/server/auth/password';
import { startSession } from '$lib/server/auth/session';
import { readForm } from '$lib/server/read-form';
import { m } from '$lib/paraglide/messages';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event, { allowPasswordChange: true });
	return { mustChange: user.mustChangePassword };
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireUser(event, { allowPasswordChange: true });
		const form = parseForm(changePasswordSchema, await readForm(event));
		if (!form.ok) return invalid(form.values, form.errors);
		const row = getUserById(user.id);
		if (!row?.passwordHash || !(await verifyPassword(row.passwordHash, form.data.current))) {
			return invalid({}, { current: m.password_current_wrong() });
		}
		if (form.data.current === form.data.password) {
			return invalid({}, { password: m.password_same_as_old() });
		}
		// Every session of the user ends, this one too; a fresh one replaces it here.
		setPassword(
			user.id,
			await hashPassword(form.data.password),
			{
				actorId: user.id,
				mustChangePassword: false,
				action: 'password_changed'
			},
			event.locals.now
		);
		startSession(event, user.id, event.locals.now);
		redirect(303, '/konto?endret=1');
	}
};
