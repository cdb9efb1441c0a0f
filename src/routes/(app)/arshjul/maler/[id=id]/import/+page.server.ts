import type { Actions, PageServerLoad } from './$types';
import { requireWheelEditor } from '$lib/server/wheel/access';
import * as imports from '$lib/server/imports/actions';
import { importPage } from '$lib/server/imports/views';

/** Importing tasks into a wheel template: whoever may add tasks to it by hand. */
export const load: PageServerLoad = async (event) => {
	const ctx = requireWheelEditor(event);
	const target = imports.wheelTasksTarget(ctx, event.url.pathname);
	return {
		wheel: { id: ctx.wheel.id, name: ctx.wheel.name },
		...importPage(target, event.url, event.locals.now)
	};
};

export const actions: Actions = {
	upload: async (event) => {
		const ctx = requireWheelEditor(event);
		return imports.importStep('upload', imports.wheelTasksTarget(ctx, event.url.pathname), event);
	},
	map: async (event) => {
		const ctx = requireWheelEditor(event);
		return imports.importStep('map', imports.wheelTasksTarget(ctx, event.url.pathname), event);
	},
	commit: async (event) => {
		const ctx = requireWheelEditor(event);
		return imports.importStep('commit', imports.wheelTasksTarget(ctx, event.url.pathname), event);
	}
};
