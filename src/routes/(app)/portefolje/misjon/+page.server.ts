import type { Actions, PageServerLoad } from './$types';
import { requireAdmin } from '$lib/server/auth/guards';
import * as portfolio from '$lib/server/portfolio/actions';
import { missionPage } from '$lib/server/portfolio/views/detail';
import { readForm } from '$lib/server/read-form';

export const load: PageServerLoad = async (event) => {
	requireAdmin(event);
	return missionPage();
};

export const actions: Actions = {
	mission: async (event) => {
		const admin = requireAdmin(event);
		return portfolio.saveMissionFromForm(admin, await readForm(event), event.locals.now);
	},
	addGoal: async (event) => {
		const admin = requireAdmin(event);
		return portfolio.addGoal(admin, await readForm(event), event.locals.now);
	},
	updateGoal: async (event) => {
		const admin = requireAdmin(event);
		return portfolio.saveGoal(admin, await readForm(event), event.locals.now);
	},
	archiveGoal: async (event) => {
		const admin = requireAdmin(event);
		return portfolio.archiveGoal(admin, await readForm(event), event.locals.now);
	}
};
