import type { Actions, PageServerLoad } from './$types';
import {
	requireProjectEditor,
	requireProjectScorer,
	requireProjectViewer
} from '$lib/server/portfolio/access';
import * as portfolio from '$lib/server/portfolio/actions';
import { projectPage } from '$lib/server/portfolio/views/detail';
import { readForm } from '$lib/server/read-form';
import { withControls } from '$lib/server/control/views/matrix';

export const load: PageServerLoad = async (event) => {
	const ctx = requireProjectViewer(event);
	const page = projectPage(ctx, event.locals.now);
	return { ...page, risks: withControls(page.risks) };
};

export const actions: Actions = {
	update: async (event) => {
		const ctx = requireProjectEditor(event);
		return portfolio.saveProject(ctx, await readForm(event), event.locals.now);
	},
	status: async (event) => {
		const ctx = requireProjectEditor(event);
		return portfolio.changeItemStatus(ctx, await readForm(event), event.locals.now);
	},
	report: async (event) => {
		const ctx = requireProjectEditor(event);
		return portfolio.saveReport(ctx, await readForm(event), event.locals.now);
	},
	score: async (event) => {
		const ctx = requireProjectScorer(event);
		return portfolio.scoreProject(ctx, await readForm(event), event.locals.now);
	},
	addRisk: async (event) => {
		const ctx = requireProjectEditor(event);
		return portfolio.addRisk(ctx, await readForm(event), event.locals.now);
	},
	updateRisk: async (event) => {
		const ctx = requireProjectEditor(event);
		return portfolio.saveRisk(ctx, await readForm(event), event.locals.now);
	},
	archive: async (event) => {
		const ctx = requireProjectEditor(event);
		return portfolio.archiveItem(ctx, 'archive', event.locals.now);
	},
	restore: async (event) => {
		const ctx = requireProjectEditor(event);
		return portfolio.archiveItem(ctx, 'restore', event.locals.now);
	},
	delete: async (event) => {
		const ctx = requireProjectEditor(event);
		return portfolio.archiveItem(ctx, 'delete', event.locals.now);
	}
};
