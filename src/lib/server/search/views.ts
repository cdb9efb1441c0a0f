/**
 * The search page (/sok): titles of tracks, projects, measures, benefits and wheel tasks,
 * grouped by kind, each linking to its own page. Who may see what: every page a hit links to
 * lets any signed-in user read it (their loads begin with requireUser or requireBenefitReader:
 * src/routes/(app)/portefolje/{spor,prosjekter,tiltak}/[id=id], gevinster/[id=id],
 * arshjul/maler/[id=id]), so a signed-in user may see every hit; the route checks that.
 * tests/integration/search.spec.ts opens every hit's page as the searching user.
 */
import { error } from '@sveltejs/kit';
import {
	countSearchMatches,
	listSearchRows,
	searchKindIds,
	SEARCH_KINDS,
	SearchQueryError,
	type SearchKind,
	type SearchRow
} from '$lib/server/db/queries/search';
import { parseSearchQuery } from '$lib/domain/search/query';
import { SEARCH_REFUSED, searchKindLabel } from './messages';

/** Hits per kind when all kinds are shown; the kind's own page shows more. */
export const GROUP_PREVIEW = 5;
export const PAGE_SIZE = 20;
/** Best match first up to this many matches in a kind; newest first beyond (queries/search.ts). */
export const RANKED_UP_TO = 500;
const MAX_PAGE = 10_000;

/** The kinds as the address names them (`?type=tiltak`), and as the page names them. */
export const KIND_SLUG: Record<SearchKind, string> = {
	track: 'spor',
	project: 'prosjekt',
	measure: 'tiltak',
	benefit: 'gevinst',
	wheeltask: 'oppgave'
};
const KIND_BY_SLUG = new Map(SEARCH_KINDS.map((k) => [KIND_SLUG[k], k]));

function hrefOf(kind: SearchKind, row: SearchRow): string {
	switch (kind) {
		case 'track':
			return `/portefolje/spor/${row.id}`;
		case 'project':
			return `/portefolje/prosjekter/${row.id}`;
		case 'measure':
			return `/portefolje/tiltak/${row.id}`;
		case 'benefit':
			return `/gevinster/${row.id}`;
		case 'wheeltask':
			return `/arshjul/maler/${row.wheelId}`;
	}
}

export type SearchHit = {
	key: string;
	title: string;
	href: string;
	context: string | null;
	archived: boolean;
};

export type SearchGroup = {
	kind: SearchKind;
	slug: string;
	label: string;
	total: number;
	ranked: boolean;
	hits: SearchHit[];
	/** The kind's own pages, when all kinds are shown and it has more than shown. */
	moreHref: string | null;
};

export type SearchPage = {
	q: string;
	/** The kind asked for with `?type=`, or null for all kinds. */
	kind: SearchKind | null;
	groups: SearchGroup[];
	total: number;
	page: number;
	pageCount: number;
	prevHref: string | null;
	nextHref: string | null;
	/** All kinds again, from one kind's pages. */
	allHref: string | null;
};

export function searchHref(q: string, slug?: string, page?: number): string {
	const params = new URLSearchParams({ q });
	if (slug) params.set('type', slug);
	if (page && page > 1) params.set('side', String(page));
	return `/sok?${params}`;
}

/**
 * Reads `?q=`, `?type=` and `?side=`. No `q` (or a blank one) is the empty search form; a
 * `q` with nothing to search for, or an unknown kind or page, is a 400 with the reason.
 */
export function searchPage(url: URL): SearchPage {
	const q = (url.searchParams.get('q') ?? '').trim();
	const slug = url.searchParams.get('type');
	const kind = slug ? KIND_BY_SLUG.get(slug) : null;
	if (kind === undefined) error(400, SEARCH_REFUSED.unknownKind);
	const side = url.searchParams.get('side');
	if (side !== null && !/^[1-9]\d{0,4}$/.test(side)) error(400, SEARCH_REFUSED.badPage);
	const page = side === null ? 1 : Number(side);
	const empty: SearchPage = {
		q,
		kind,
		groups: [],
		total: 0,
		page: 1,
		pageCount: 1,
		prevHref: null,
		nextHref: null,
		allHref: null
	};
	if (q === '') return empty;

	const parsed = parseSearchQuery(q);
	if (!parsed.ok) error(400, SEARCH_REFUSED.reason(parsed.reason));
	try {
		const counts = countSearchMatches(parsed.match);
		const kinds = (kind ? [kind] : SEARCH_KINDS).filter((k) => (counts[k] ?? 0) > 0);
		const size = kind ? PAGE_SIZE : GROUP_PREVIEW;
		const groups = kinds.map((k): SearchGroup => {
			const total = counts[k]!;
			const ranked = total <= RANKED_UP_TO;
			const ids = searchKindIds(k, parsed.match, {
				limit: size,
				offset: kind ? (Math.min(page, MAX_PAGE) - 1) * size : 0,
				ranked
			});
			const hits = listSearchRows(k, ids).map((row) => ({
				key: `${k}-${row.id}`,
				title: row.title,
				href: hrefOf(k, row),
				context: row.context,
				archived: row.archived
			}));
			const more = !kind && total > hits.length;
			return {
				kind: k,
				slug: KIND_SLUG[k],
				label: searchKindLabel(k),
				total,
				ranked,
				hits,
				moreHref: more ? searchHref(q, KIND_SLUG[k]) : null
			};
		});
		const total = kind ? (counts[kind] ?? 0) : Object.values(counts).reduce((a, n) => a + n, 0);
		const pageCount = kind ? Math.max(1, Math.ceil(total / PAGE_SIZE)) : 1;
		const slugOf = kind ? KIND_SLUG[kind] : undefined;
		return {
			q,
			kind,
			groups,
			total,
			page: kind ? page : 1,
			pageCount,
			prevHref: kind && page > 1 ? searchHref(q, slugOf, Math.min(page - 1, pageCount)) : null,
			nextHref: kind && page < pageCount ? searchHref(q, slugOf, page + 1) : null,
			allHref: kind ? searchHref(q) : null
		};
	} catch (e) {
		// Never expected (parseSearchQuery only lets quoted words through), but a search box
		// must not answer 500 to what someone typed.
		if (e instanceof SearchQueryError) error(400, SEARCH_REFUSED.notUnderstood);
		throw e;
	}
}
