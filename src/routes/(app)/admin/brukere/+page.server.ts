import type { Actions, PageServerLoad } from './$types';
import { requireAdmin } from '$lib/server/auth/guards';
import { parseForm } from '$lib/schemas/form';
import { createUserSchema } from '$lib/schemas/admin';
import { createUser, listUsers } from '$lib/server/db/queries/users';
import { issueCredentials } from '$lib/server/auth/credentials';
import { invalid, refuse } from '$lib/server/write-errors';
import { readForm } from '$lib/server/read-form';

export const load: PageServerLoad = async (event) => {
	requireAdmin(event);
	return { users: listUsers() };
};

export const actions: Actions = {
	create: async (event) => {
		const admin = requireAdmin(event);
		const form = parseForm(createUserSchema, await readForm(event));
		if (!form.ok) return invalid(form.values, form.errors);
		const credentials = await issueCredentials(form.data.credential, event.locals.now);
		const result = createUser(
			{
				name: form.data.name,
				email: form.data.email,
				passwordHash: credentials.passwordHash,
				mustChangePassword: credentials.passwordHash !== null,
				passwordLink: credentials.passwordLink
			},
			admin.id,
			event.locals.now
		);
		if (!result.ok) return refuse(result.reason, form.values, 'email');
		return {
			created: {
				id: result.value,
				name: form.data.name,
				email: form.data.email,
				...credentials.shown,
				origin: event.url.origin
			}
		};
	}
};
