import type { Actions, PageServerLoad } from './$types';
import { requireWheelEditor } from '$lib/server/wheel/access';
import * as imports from '$lib/server/imports/actions';
import { importPage } from '$lib/server/imports/views';
import { readForm } from '$lib/server/read-form';

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
		const target = imports.wheelTasksTarget(ctx, event.url.pathname);
		return imports.uploadImport(target, event.request, event.locals.now);
	},
	map: async (event) => {
		const ctx = requireWheelEditor(event);
		const target = imports.wheelTasksTarget(ctx, event.url.pathname);
		return imports.saveImportMapping(target, await readForm(event), event.locals.now);
	},
	commit: async (event) => {
		const ctx = requireWheelEditor(event);
		const target = imports.wheelTasksTarget(ctx, event.url.pathname);
		return imports.commitImport(target, await readForm(event), event.locals.now);
	}
};
