import type { Actions, PageServerLoad } from './$types';
import { requireBenefitImporter } from '$lib/server/benefits/access';
import * as imports from '$lib/server/imports/actions';
import { importPage } from '$lib/server/imports/views';
import { readForm } from '$lib/server/read-form';

/** Importing benefits and estimate lines: whoever adds benefits to projects' maps. */
export const load: PageServerLoad = async (event) => {
	const user = requireBenefitImporter(event);
	return importPage(imports.benefitsTarget(user, event.url.pathname), event.url, event.locals.now);
};

export const actions: Actions = {
	upload: async (event) => {
		const user = requireBenefitImporter(event);
		const target = imports.benefitsTarget(user, event.url.pathname);
		return imports.uploadImport(target, event.request, event.locals.now);
	},
	map: async (event) => {
		const user = requireBenefitImporter(event);
		const target = imports.benefitsTarget(user, event.url.pathname);
		return imports.saveImportMapping(target, await readForm(event), event.locals.now);
	},
	commit: async (event) => {
		const user = requireBenefitImporter(event);
		const target = imports.benefitsTarget(user, event.url.pathname);
		return imports.commitImport(target, await readForm(event), event.locals.now);
	}
};
