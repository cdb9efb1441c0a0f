/**
 * A benefit's realisation log, newest first, a page at a time (`logg-etter`/`logg-for`): each
 * entry marked as counting or replaced, from SQL (db/queries/realisation-log.ts).
 */
import { keysetList } from '$lib/paging';
import { countRealisations, listRealisationLogPage } from '$lib/server/db/queries/realisation-log';

export const LOG_PAGE = 25;

export function realisationLogView(benefitId: number, params: URLSearchParams) {
	const page = keysetList(
		params,
		(position, limit) => listRealisationLogPage(benefitId, position, limit),
		{
			prefix: 'logg-',
			hash: 'logg-h',
			size: LOG_PAGE,
			keyLength: 2,
			keyOf: (e) => [e.createdAt, e.id]
		}
	);
	return {
		count: countRealisations(benefitId),
		entries: page.rows.map((e) => ({
			...e,
			author: e.author ?? '',
			effective: e.supersededById === null
		})),
		pager: { previous: page.previous, next: page.next, first: page.first }
	};
}
