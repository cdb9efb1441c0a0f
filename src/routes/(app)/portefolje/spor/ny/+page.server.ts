import type { Actions, PageServerLoad } from './$types';
import { requirePortfolioWriter } from '$lib/server/portfolio/access';
import { addTrack } from '$lib/server/portfolio/actions';
import { newTrackPage } from '$lib/server/portfolio/views/detail';
import { readForm } from '$lib/server/read-form';

export const load: PageServerLoad = async (event) => {
	const user = requirePortfolioWriter(event);
	return newTrackPage(user);
};

export const actions: Actions = {
	default: async (event) => {
		const user = requirePortfolioWriter(event);
		return addTrack(user, await readForm(event), event.locals.now);
	}
};
