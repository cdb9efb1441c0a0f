import type { Actions, PageServerLoad } from './$types';
import { ledUnitIds, requireRole, requireUser } from '$lib/server/auth/guards';
import { mineView } from '$lib/server/wheel/views/mine';
import { parseForm } from '$lib/schemas/form';
import { occurrenceKeySchema } from '$lib/schemas/wheel';
import { invalid } from '$lib/server/write-errors';
import { signFor } from '$lib/server/wheel-actions';
import { readForm } from '$lib/server/read-form';

export const load: PageServerLoad = async (event) => {
	const user = requireRole(event, 'unit_leader');
	return mineView(ledUnitIds(user), event.url, event.locals.now);
};

export const actions: Actions = {
	sign: async (event) => {
		const user = requireUser(event);
		const formData = await readForm(event);
		const key = parseForm(occurrenceKeySchema, formData);
		if (!key.ok) return invalid(key.values, key.errors, 'sign');
		return signFor(user, key.data, formData, event.locals.now);
	}
};
