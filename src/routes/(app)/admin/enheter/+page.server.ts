import type { Actions, PageServerLoad } from './$types';
import { requireAdmin } from '$lib/server/auth/guards';
import * as org from '$lib/server/org/actions';
import { unitsPage } from '$lib/server/org/views';
import { readForm } from '$lib/server/read-form';

export const load: PageServerLoad = async (event) => {
	requireAdmin(event);
	return unitsPage();
};

export const actions: Actions = {
	create: async (event) => {
		const admin = requireAdmin(event);
		return org.addUnit(admin, await readForm(event), event.locals.now);
	},
	rename: async (event) => {
		const admin = requireAdmin(event);
		return org.changeUnitName(admin, await readForm(event), event.locals.now);
	},
	move: async (event) => {
		const admin = requireAdmin(event);
		return org.changeUnitParent(admin, await readForm(event), event.locals.now);
	},
	archive: async (event) => {
		const admin = requireAdmin(event);
		return org.setUnitArchivedFromForm(admin, true, await readForm(event), event.locals.now);
	},
	restore: async (event) => {
		const admin = requireAdmin(event);
		return org.setUnitArchivedFromForm(admin, false, await readForm(event), event.locals.now);
	}
};
