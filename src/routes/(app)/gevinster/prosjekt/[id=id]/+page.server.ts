import type { Actions, PageServerLoad } from './$types';
import { requireMapEditor, requireProjectReader } from '$lib/server/benefits/access';
import * as benefits from '$lib/server/benefits/actions';
import { projectMapPage } from '$lib/server/benefits/views/project-map';
import { readForm } from '$lib/server/read-form';

export const load: PageServerLoad = async (event) => {
	const ctx = requireProjectReader(event, Number(event.params.id));
	return projectMapPage(ctx, event.url);
};

export const actions: Actions = {
	addChange: async (event) => {
		const ctx = requireMapEditor(event, Number(event.params.id));
		return benefits.addChange(ctx, await readForm(event), event.locals.now);
	},
	addBenefit: async (event) => {
		const ctx = requireMapEditor(event, Number(event.params.id));
		return benefits.addBenefit(ctx, await readForm(event), event.locals.now);
	},
	addLink: async (event) => {
		const ctx = requireMapEditor(event, Number(event.params.id));
		return benefits.addLink(ctx, await readForm(event), event.locals.now);
	},
	deleteLink: async (event) => {
		const ctx = requireMapEditor(event, Number(event.params.id));
		return benefits.removeLink(ctx, await readForm(event), event.locals.now);
	},
	updateChange: async (event) => {
		const ctx = requireMapEditor(event, Number(event.params.id));
		return benefits.saveChange(ctx, await readForm(event), event.locals.now);
	},
	deleteChange: async (event) => {
		const ctx = requireMapEditor(event, Number(event.params.id));
		return benefits.removeChange(ctx, await readForm(event), event.locals.now);
	}
};
