import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { canLeadUnit, canReopenSignature, requireUser } from '$lib/server/auth/guards';
import {
	findOccurrence,
	occurrenceHistory,
	type OccurrenceKey
} from '$lib/server/db/queries/wheel-occurrences';
import { getWheelTask } from '$lib/server/db/queries/wheel';
import { reopenFor, signFor } from '$lib/server/wheel-actions';
import { periodHasBegun } from '$lib/domain/schedule';
import { readForm } from '$lib/server/read-form';

function keyOf(params: { task: string; unit: string; period: string }): OccurrenceKey {
	return { taskId: Number(params.task), unitId: Number(params.unit), period: params.period };
}

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const key = keyOf(event.params);
	const occurrence = findOccurrence(key, event.locals.now);
	if (!occurrence) error(404, 'Fant ikke denne oppgaven for enheten og måneden.');
	const task = getWheelTask(key.taskId)!;
	const signature = occurrence.signature;
	return {
		occurrence,
		task: {
			description: task.description,
			reference: task.reference,
			storedIn: task.storedIn,
			archived: task.archivedAt !== null
		},
		history: occurrenceHistory(key),
		canSign:
			!signature && canLeadUnit(user, key.unitId) && periodHasBegun(key.period, event.locals.now),
		canReopen: !!signature && canReopenSignature(user, signature)
	};
};

export const actions: Actions = {
	sign: async (event) => {
		const user = requireUser(event);
		return signFor(user, keyOf(event.params), await readForm(event), event.locals.now);
	},
	reopen: async (event) => {
		const user = requireUser(event);
		return reopenFor(user, keyOf(event.params), await readForm(event), event.locals.now);
	}
};
