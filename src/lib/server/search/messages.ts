/** The search page's words, read when the page is made: in the request's language. */
import { m } from '$lib/paraglide/messages';
import { lazyWith } from '../message-book';
import { MAX_QUERY_LENGTH, MAX_QUERY_WORDS, type SearchRefusal } from '$lib/domain/search/query';
import type { SearchKind } from '$lib/server/db/queries/search';

const KIND_LABEL: Record<SearchKind, () => string> = {
	track: m.portfolio_search_kind_track,
	project: m.portfolio_search_kind_project,
	measure: m.portfolio_search_kind_measure,
	benefit: m.portfolio_search_kind_benefit,
	wheeltask: m.portfolio_search_kind_wheeltask
};

/** A kind of hit as a group heading: «Prosjekter», «Projects». */
export const searchKindLabel = (kind: SearchKind) => KIND_LABEL[kind]();

const REFUSAL: Record<SearchRefusal, () => string> = {
	too_long: () => m.portfolio_search_too_long({ max: MAX_QUERY_LENGTH }),
	no_words: () => m.portfolio_search_no_words(),
	too_many_words: () => m.portfolio_search_too_many_words({ max: MAX_QUERY_WORDS })
};

/** Why the search cannot be run (a 400 answer). */
export const SEARCH_REFUSED = lazyWith(
	{
		unknownKind: m.portfolio_search_unknown_kind,
		badPage: m.portfolio_search_bad_page,
		notUnderstood: m.portfolio_search_not_understood
	},
	{
		reason: (reason: SearchRefusal) => REFUSAL[reason]()
	}
);
