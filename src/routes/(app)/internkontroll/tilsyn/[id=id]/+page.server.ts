import type { Actions, PageServerLoad } from './$types';
import { requireTilsynItemEditor, requireTilsynReader } from '$lib/server/control/access';
import * as control from '$lib/server/control/actions';
import { tilsynPage } from '$lib/server/control/views/tilsyn';
import { readForm } from '$lib/server/read-form';
import { requireUser } from '$lib/server/auth/guards';

export const load: PageServerLoad = async (event) => {
	const { user, canEdit } = requireTilsynReader(event);
	return tilsynPage(user, Number(event.params.id), canEdit);
};

export const actions: Actions = {
	update: async (event) => {
		const { user, tilsynId } = requireTilsynItemEditor(event);
		return control.saveTilsyn(user, tilsynId, await readForm(event), event.locals.now);
	},
	addFinding: async (event) => {
		const { user, tilsynId } = requireTilsynItemEditor(event);
		return control.addTilsynFinding(user, tilsynId, await readForm(event), event.locals.now);
	},
	findingStatus: async (event) => {
		// Admins, and leaders of the covered units: checked against the tilsyn in the action.
		const user = requireUser(event);
		const id = Number(event.params.id);
		return control.setTilsynFindingStatus(user, id, await readForm(event), event.locals.now);
	}
};
