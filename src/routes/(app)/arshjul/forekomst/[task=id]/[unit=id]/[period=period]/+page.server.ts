import type { Actions, PageServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/guards';
import type { OccurrenceKey } from '$lib/server/db/queries/wheel-occurrences';
import * as wheel from '$lib/server/wheel/actions';
import { recordOnOccurrence } from '$lib/server/control/actions';
import { occurrenceDeviations } from '$lib/server/control/views/deviations';
import { occurrencePage } from '$lib/server/wheel/views/occurrence';
import { readForm } from '$lib/server/read-form';

function keyOf(params: { task: string; unit: string; period: string }): OccurrenceKey {
	return { taskId: Number(params.task), unitId: Number(params.unit), period: params.period };
}

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const key = keyOf(event.params);
	return {
		...occurrencePage(user, key, event.url, event.locals.now),
		...occurrenceDeviations(user, key)
	};
};

export const actions: Actions = {
	sign: async (event) => {
		const user = requireUser(event);
		return wheel.sign(user, keyOf(event.params), await readForm(event), event.locals.now);
	},
	reopen: async (event) => {
		const user = requireUser(event);
		return wheel.reopen(user, keyOf(event.params), await readForm(event), event.locals.now);
	},
	/** A deviation found in this control, signed or not (kommuneloven § 25-1 c). */
	recordDeviation: async (event) => {
		const user = requireUser(event);
		const key = keyOf(event.params);
		return recordOnOccurrence(user, key, await readForm(event), event.locals.now);
	}
};
