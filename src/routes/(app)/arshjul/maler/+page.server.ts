import type { Actions, PageServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/guards';
import { createWheelFromForm } from '$lib/server/wheel/actions';
import { templatesPage } from '$lib/server/wheel/views/templates';
import { readForm } from '$lib/server/read-form';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	return templatesPage(user);
};

export const actions: Actions = {
	create: async (event) => {
		const user = requireUser(event);
		return createWheelFromForm(user, await readForm(event), event.locals.now);
	}
};
