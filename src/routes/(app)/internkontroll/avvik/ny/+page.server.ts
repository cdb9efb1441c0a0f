import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireDeviationRecorder } from '$lib/server/control/access';
import { recordDeviation } from '$lib/server/control/actions';
import { newDeviationPage } from '$lib/server/control/views/deviations';
import { readForm } from '$lib/server/read-form';

export const load: PageServerLoad = async (event) => {
	const user = requireDeviationRecorder(event);
	return newDeviationPage(user, event.url);
};

export const actions: Actions = {
	create: async (event) => {
		const user = requireDeviationRecorder(event);
		const result = recordDeviation(user, await readForm(event), event.locals.now);
		if ('id' in result) redirect(303, `/internkontroll/avvik/${result.id}?registrert=1`);
		return result;
	}
};
