import type { Actions, PageServerLoad } from './$types';
import { requirePortfolioWriter } from '$lib/server/portfolio/access';
import { addMeasure } from '$lib/server/portfolio/actions';
import { newMeasurePage } from '$lib/server/portfolio/views/detail';
import { readForm } from '$lib/server/read-form';

export const load: PageServerLoad = async (event) => {
	const user = requirePortfolioWriter(event);
	return newMeasurePage(user, event.url);
};

export const actions: Actions = {
	default: async (event) => {
		const user = requirePortfolioWriter(event);
		return addMeasure(user, await readForm(event), event.locals.now);
	}
};
