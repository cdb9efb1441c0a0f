import type { PageServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/guards';
import { wheelsPage } from '$lib/server/wheel/views/unit-wheel';
import { unitDeviations } from '$lib/server/control/views/deviations';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const page = wheelsPage(user, event.url, event.locals.now);
	return { ...page, deviations: unitDeviations(user, page.unitId, event.locals.now) };
};
