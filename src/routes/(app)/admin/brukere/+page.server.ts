import type { Actions, PageServerLoad } from './$types';
import { requireAdmin } from '$lib/server/auth/guards';
import { createUserAccount } from '$lib/server/org/actions';
import { usersPage } from '$lib/server/org/views';
import { readForm } from '$lib/server/read-form';

export const load: PageServerLoad = async (event) => {
	requireAdmin(event);
	return usersPage();
};

export const actions: Actions = {
	create: async (event) => {
		const admin = requireAdmin(event);
		const ctx = { admin, origin: event.url.origin };
		return createUserAccount(ctx, await readForm(event), event.locals.now);
	}
};
