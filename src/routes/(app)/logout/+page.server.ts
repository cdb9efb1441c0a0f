import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/guards';
import { deleteSessionCookie, invalidateSession } from '$lib/server/auth/session';

// Logging out is a POST (a link could be triggered by a prefetch or a third party).
export const load: PageServerLoad = async (event) => {
	requireUser(event, { allowPasswordChange: true });
	redirect(303, '/');
};

export const actions: Actions = {
	default: async (event) => {
		requireUser(event, { allowPasswordChange: true });
		if (event.locals.session) invalidateSession(event.locals.session.id);
		deleteSessionCookie(event.cookies, event.url.protocol === 'https:');
		redirect(303, '/login');
	}
};
