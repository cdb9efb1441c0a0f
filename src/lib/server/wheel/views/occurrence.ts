/**
 * One task for one unit and month (/arshjul/forekomst/…): the occurrence, its signatures and
 * reopenings a page at a time, and what the user may do with it.
 */
import { error } from '@sveltejs/kit';
import { canLeadUnit } from '../../auth/guards';
import type { SessionUser } from '../../auth/session';
import {
	findOccurrence,
	occurrenceHistory,
	type OccurrenceKey
} from '../../db/queries/wheel-occurrences';
import { getWheelTask } from '../../db/queries/wheel';
import { canReopenSignature, canSeeEvidenceFiles } from '../access';
import { evidenceBySignature } from './evidence';
import { periodHasBegun } from '$lib/domain/wheel/schedule';
import { m as msg } from '$lib/paraglide/messages';

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

export function occurrencePage(user: SessionUser, key: OccurrenceKey, url: URL, now: Date) {
	const occurrence = findOccurrence(key, now);
	if (!occurrence) error(404, msg.wheel_err_occurrence_missing());
	const task = getWheelTask(key.taskId)!;
	const signature = occurrence.signature;
	const page = historyPage(key, url);
	const seeFiles = canSeeEvidenceFiles(user, key.unitId);
	const evidence = evidenceBySignature(
		page.history.map((h) => h.id),
		seeFiles
	);
	return {
		occurrence,
		task: {
			description: task.description,
			reference: task.reference,
			storedIn: task.storedIn,
			archived: task.archivedAt !== null
		},
		...page,
		history: page.history.map((h) => ({
			...h,
			evidence: evidence.get(h.id) ?? { items: [], hiddenFiles: 0 }
		})),
		seeEvidenceFiles: seeFiles,
		canSign: !signature && canLeadUnit(user, key.unitId) && periodHasBegun(key.period, now),
		canReopen: !!signature && canReopenSignature(user, signature)
	};
}
