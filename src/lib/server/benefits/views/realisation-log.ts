/**
 * A benefit's realisation log, newest first, a page at a time (`logg-etter`/`logg-for`): each
 * entry marked as counting or replaced, from SQL (db/queries/realisation-log.ts).
 */
import { keysetLinks, readKeyset } from '$lib/paging';
import { countRealisations, listRealisationLogPage } from '$lib/server/db/queries/realisation-log';

export const LOG_PAGE = 25;

export function realisationLogView(benefitId: number, params: URLSearchParams) {
	const position = readKeyset(params, 2, 'logg-');
	const page = keysetLinks(
		params,
		position,
		listRealisationLogPage(benefitId, position, LOG_PAGE + 1),
		LOG_PAGE,
		(e) => [e.createdAt, e.id],
		'logg-h',
		'logg-'
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
