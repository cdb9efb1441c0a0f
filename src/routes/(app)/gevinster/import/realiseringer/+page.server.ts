import type { RequestEvent } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import type { SessionUser } from '$lib/server/auth/session';
import { requireRealisationImporter } from '$lib/server/benefits/access';
import * as imports from '$lib/server/imports/actions';
import { importPage } from '$lib/server/imports/views';

/** The benefits whose realised values the user may import, as of the request's time. */
const targetFor = (user: SessionUser, event: Pick<RequestEvent, 'url' | 'locals'>) =>
	imports.realisationsTarget(user, event.url.pathname, event.locals.now);

/** Importing realised values: benefit owners and programme leaders; each row per its benefit. */
export const load: PageServerLoad = async (event) => {
	const user = requireRealisationImporter(event);
	return importPage(targetFor(user, event), event.url, event.locals.now);
};

export const actions: Actions = {
	upload: async (event) => {
		const user = requireRealisationImporter(event);
		return imports.importStep('upload', targetFor(user, event), event);
	},
	map: async (event) => {
		const user = requireRealisationImporter(event);
		return imports.importStep('map', targetFor(user, event), event);
	},
	commit: async (event) => {
		const user = requireRealisationImporter(event);
		return imports.importStep('commit', targetFor(user, event), event);
	}
};
