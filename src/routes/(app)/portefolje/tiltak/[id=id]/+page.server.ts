import type { Actions, PageServerLoad } from './$types';
import { requireMeasureEditor, requireMeasureViewer } from '$lib/server/portfolio/access';
import * as portfolio from '$lib/server/portfolio/actions';
import { measurePage } from '$lib/server/portfolio/views/detail';
import { readForm } from '$lib/server/read-form';
import { withControls } from '$lib/server/control/views/matrix';

export const load: PageServerLoad = async (event) => {
	const ctx = requireMeasureViewer(event);
	const page = measurePage(ctx, event.locals.now);
	return { ...page, risks: withControls(page.risks) };
};

export const actions: Actions = {
	update: async (event) => {
		const ctx = requireMeasureEditor(event);
		return portfolio.saveMeasure(ctx, await readForm(event), event.locals.now);
	},
	status: async (event) => {
		const ctx = requireMeasureEditor(event);
		return portfolio.changeItemStatus(ctx, await readForm(event), event.locals.now);
	},
	report: async (event) => {
		const ctx = requireMeasureEditor(event);
		return portfolio.saveReport(ctx, await readForm(event), event.locals.now);
	},
	addRisk: async (event) => {
		const ctx = requireMeasureEditor(event);
		return portfolio.addRisk(ctx, await readForm(event), event.locals.now);
	},
	updateRisk: async (event) => {
		const ctx = requireMeasureEditor(event);
		return portfolio.saveRisk(ctx, await readForm(event), event.locals.now);
	},
	archive: async (event) => {
		const ctx = requireMeasureEditor(event);
		return portfolio.archiveItem(ctx, 'archive', event.locals.now);
	},
	restore: async (event) => {
		const ctx = requireMeasureEditor(event);
		return portfolio.archiveItem(ctx, 'restore', event.locals.now);
	},
	delete: async (event) => {
		const ctx = requireMeasureEditor(event);
		return portfolio.archiveItem(ctx, 'delete', event.locals.now);
	}
};
