import type { Actions, PageServerLoad } from './$types';
import { requireDeviation, requireDeviationWriter } from '$lib/server/control/access';
import * as control from '$lib/server/control/actions';
import { deviationPage } from '$lib/server/control/views/deviations';
import { readForm } from '$lib/server/read-form';

export const load: PageServerLoad = async (event) => {
	const access = requireDeviation(event);
	return deviationPage(access, event.locals.now);
};

export const actions: Actions = {
	update: async (event) => {
		const access = requireDeviationWriter(event);
		return control.saveDeviation(access, await readForm(event), event.locals.now);
	},
	close: async (event) => {
		const access = requireDeviationWriter(event);
		return control.closeDeviationFromForm(access, await readForm(event), event.locals.now);
	},
	reopen: async (event) => {
		const access = requireDeviationWriter(event);
		return control.reopenDeviationFromForm(access, await readForm(event), event.locals.now);
	}
};
