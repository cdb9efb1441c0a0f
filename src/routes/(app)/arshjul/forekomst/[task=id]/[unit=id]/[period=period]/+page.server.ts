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

const HISTORY_PAGE = 20;

/** The history a page at a time, newest first; `eldre=<ms>~<id>` names the last one shown. */
function historyPage(key: OccurrenceKey, url: URL) {
	const m = /^(\d{1,15})~(\d{1,10})$/.exec(url.searchParams.get('eldre') ?? '');
	const after = m ? { signedAt: new Date(Number(m[1])), id: Number(m[2]) } : null;
	const rows = occurrenceHistory(key, { after, limit: HISTORY_PAGE });
	const history = rows.slice(0, HISTORY_PAGE);
	const last = history[history.length - 1];
	return {
		history,
		historyFirst: after === null,
		historyNext: rows.length > HISTORY_PAGE && last ? `${last.signedAt.getTime()}~${last.id}` : null
	};
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
		...historyPage(key, event.url),
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
