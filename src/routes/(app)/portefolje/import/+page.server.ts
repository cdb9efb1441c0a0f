import type { Actions, PageServerLoad } from './$types';
import { requirePortfolioWriter } from '$lib/server/portfolio/access';
import * as imports from '$lib/server/imports/actions';
import { importPage } from '$lib/server/imports/views';

/** Importing tracks, projects and measures: whoever may create them with the forms. */
export const load: PageServerLoad = async (event) => {
	const user = requirePortfolioWriter(event);
	return importPage(imports.portfolioTarget(user, event.url.pathname), event.url, event.locals.now);
};

export const actions: Actions = {
	upload: async (event) => {
		const user = requirePortfolioWriter(event);
		return imports.importStep('upload', imports.portfolioTarget(user, event.url.pathname), event);
	},
	map: async (event) => {
		const user = requirePortfolioWriter(event);
		return imports.importStep('map', imports.portfolioTarget(user, event.url.pathname), event);
	},
	commit: async (event) => {
		const user = requirePortfolioWriter(event);
		return imports.importStep('commit', imports.portfolioTarget(user, event.url.pathname), event);
	}
};
