import type { PageServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/guards';
import { wheelsPage } from '$lib/server/wheel/views/unit-wheel';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	return wheelsPage(user, event.url, event.locals.now);
};
