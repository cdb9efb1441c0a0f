import type { Actions, PageServerLoad } from './$types';
import { requirePortfolioWriter } from '$lib/server/portfolio/access';
import * as imports from '$lib/server/imports/actions';
import { importPage } from '$lib/server/imports/views';
import { readForm } from '$lib/server/read-form';

/** Importing tracks, projects and measures: whoever may create them with the forms. */
export const load: PageServerLoad = async (event) => {
	const user = requirePortfolioWriter(event);
	return importPage(imports.portfolioTarget(user, event.url.pathname), event.url, event.locals.now);
};

export const actions: Actions = {
	upload: async (event) => {
		const user = requirePortfolioWriter(event);
		const target = imports.portfolioTarget(user, event.url.pathname);
		return imports.uploadImport(target, event.request, event.locals.now);
	},
	map: async (event) => {
		const user = requirePortfolioWriter(event);
		const target = imports.portfolioTarget(user, event.url.pathname);
		return imports.saveImportMapping(target, await readForm(event), event.locals.now);
	},
	commit: async (event) => {
		const user = requirePortfolioWriter(event);
		const target = imports.portfolioTarget(user, event.url.pathname);
		return imports.commitImport(target, await readForm(event), event.locals.now);
	}
};
