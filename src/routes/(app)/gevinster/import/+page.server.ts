import type { Actions, PageServerLoad } from './$types';
import { requireBenefitImporter } from '$lib/server/benefits/access';
import * as imports from '$lib/server/imports/actions';
import { importPage } from '$lib/server/imports/views';

/** Importing benefits and estimate lines: whoever adds benefits to projects' maps. */
export const load: PageServerLoad = async (event) => {
	const user = requireBenefitImporter(event);
	return importPage(imports.benefitsTarget(user, event.url.pathname), event.url, event.locals.now);
};

export const actions: Actions = {
	upload: async (event) => {
		const user = requireBenefitImporter(event);
		return imports.importStep('upload', imports.benefitsTarget(user, event.url.pathname), event);
	},
	map: async (event) => {
		const user = requireBenefitImporter(event);
		return imports.importStep('map', imports.benefitsTarget(user, event.url.pathname), event);
	},
	commit: async (event) => {
		const user = requireBenefitImporter(event);
		return imports.importStep('commit', imports.benefitsTarget(user, event.url.pathname), event);
	}
};
