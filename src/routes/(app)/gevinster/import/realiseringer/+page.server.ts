import type { Actions, PageServerLoad } from './$types';
import { requireRealisationImporter } from '$lib/server/benefits/access';
import * as imports from '$lib/server/imports/actions';
import { importPage } from '$lib/server/imports/views';
import { readForm } from '$lib/server/read-form';

/** Importing realised values: benefit owners and programme leaders; each row per its benefit. */
export const load: PageServerLoad = async (event) => {
	const user = requireRealisationImporter(event);
	const { now } = event.locals;
	return importPage(imports.realisationsTarget(user, event.url.pathname, now), event.url, now);
};

export const actions: Actions = {
	upload: async (event) => {
		const user = requireRealisationImporter(event);
		const { now } = event.locals;
		const target = imports.realisationsTarget(user, event.url.pathname, now);
		return imports.uploadImport(target, event.request, now);
	},
	map: async (event) => {
		const user = requireRealisationImporter(event);
		const { now } = event.locals;
		const target = imports.realisationsTarget(user, event.url.pathname, now);
		return imports.saveImportMapping(target, await readForm(event), now);
	},
	commit: async (event) => {
		const user = requireRealisationImporter(event);
		const { now } = event.locals;
		const target = imports.realisationsTarget(user, event.url.pathname, now);
		return imports.commitImport(target, await readForm(event), now);
	}
};
