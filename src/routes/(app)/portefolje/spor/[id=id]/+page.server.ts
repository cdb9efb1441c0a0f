import type { Actions, PageServerLoad } from './$types';
import {
	requireTrackEditor,
	requireTrackScorer,
	requireTrackViewer
} from '$lib/server/portfolio/access';
import * as portfolio from '$lib/server/portfolio/actions';
import { trackPage } from '$lib/server/portfolio/views/detail';
import { readForm } from '$lib/server/read-form';

export const load: PageServerLoad = async (event) => {
	const ctx = requireTrackViewer(event);
	return trackPage(ctx);
};

export const actions: Actions = {
	update: async (event) => {
		const ctx = requireTrackEditor(event);
		return portfolio.saveTrack(ctx, await readForm(event), event.locals.now);
	},
	status: async (event) => {
		const ctx = requireTrackEditor(event);
		return portfolio.changeItemStatus(ctx, await readForm(event), event.locals.now);
	},
	prioritise: async (event) => {
		const ctx = requireTrackScorer(event);
		return portfolio.prioritiseTrack(ctx, await readForm(event), event.locals.now);
	},
	archive: async (event) => {
		const ctx = requireTrackEditor(event);
		return portfolio.archiveItem(ctx, 'archive', event.locals.now);
	},
	restore: async (event) => {
		const ctx = requireTrackEditor(event);
		return portfolio.archiveItem(ctx, 'restore', event.locals.now);
	},
	delete: async (event) => {
		const ctx = requireTrackEditor(event);
		return portfolio.archiveItem(ctx, 'delete', event.locals.now);
	}
};
