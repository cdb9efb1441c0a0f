import type { Actions, PageServerLoad } from './$types';
import { ledUnitIds, requireRole, requireUser } from '$lib/server/auth/guards';
import { listOccurrences } from '$lib/server/db/queries/wheel-occurrences';
import { parseForm } from '$lib/schemas/form';
import { occurrenceKeySchema } from '$lib/schemas/wheel';
import { invalid } from '$lib/server/write-errors';
import { signFor } from '$lib/server/wheel-actions';
import { osloDay } from '$lib/format';
import { readForm } from '$lib/server/read-form';

export const load: PageServerLoad = async (event) => {
	const user = requireRole(event, 'unit_leader');
	const now = event.locals.now;
	const year = Number(osloDay(now).slice(0, 4));
	const unitIds = ledUnitIds(user);
	// Last year's overdue items are still to be done in January.
	const open = [year - 1, year]
		.flatMap((y) => (unitIds.length ? listOccurrences({ year: y, now, unitIds }) : []))
		.filter((o) => o.status === 'due' || o.status === 'overdue');
	return {
		today: osloDay(now),
		leadsUnits: unitIds.length > 0,
		overdue: open.filter((o) => o.status === 'overdue'),
		due: open.filter((o) => o.status === 'due')
	};
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
