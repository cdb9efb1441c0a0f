import type { Actions, PageServerLoad } from './$types';
import { requirePortfolioWriter } from '$lib/server/portfolio/access';
import { addProject } from '$lib/server/portfolio/actions';
import { newProjectPage } from '$lib/server/portfolio/views/detail';
import { readForm } from '$lib/server/read-form';

export const load: PageServerLoad = async (event) => {
	const user = requirePortfolioWriter(event);
	return newProjectPage(user, event.url);
};

export const actions: Actions = {
	default: async (event) => {
		const user = requirePortfolioWriter(event);
		return addProject(user, await readForm(event), event.locals.now);
	}
};
