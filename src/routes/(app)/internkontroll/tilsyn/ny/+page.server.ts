import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireTilsynEditor } from '$lib/server/control/access';
import { recordTilsyn } from '$lib/server/control/actions';
import { newTilsynPage } from '$lib/server/control/views/tilsyn';
import { readForm } from '$lib/server/read-form';

export const load: PageServerLoad = async (event) => {
	requireTilsynEditor(event);
	return newTilsynPage();
};

export const actions: Actions = {
	create: async (event) => {
		const user = requireTilsynEditor(event);
		const result = recordTilsyn(user, await readForm(event), event.locals.now);
		if ('id' in result) redirect(303, `/internkontroll/tilsyn/${result.id}`);
		return result;
	}
};
