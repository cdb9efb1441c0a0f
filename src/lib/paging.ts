/**
 * Paging and expand state kept in the URL, so a page works without script, can be bookmarked,
 * and a filter survives paging: links change one parameter and keep all the others. Pure.
 */
import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { ID_PATTERN } from '$lib/schemas/id';

/** What a page link the app never writes (a hand-edited or cut-off cursor) is answered with. */
export const badPageLink = () => m.paging_bad_link();

const POSITIVE = ID_PATTERN;

/** A positive whole number from the query string, or undefined when absent or malformed. */
export function positiveParam(params: URLSearchParams, key: string): number | undefined {
	const value = params.get(key);
	return value && POSITIVE.test(value) ? Number(value) : undefined;
}

/** A page number (1 when absent or malformed). */
export function pageParam(params: URLSearchParams, key = 'side'): number {
	return positiveParam(params, key) ?? 1;
}

/**
 * A query-only link (`?a=1&b=2#hash`) from the current parameters with some changed: a value of
 * null or undefined removes the parameter. Parameter order is kept, so links stay stable.
 */
export function hrefWith(
	params: URLSearchParams,
	changes: Record<string, string | number | null | undefined>,
	hash?: string
): string {
	const next = new URLSearchParams(params);
	for (const [key, value] of Object.entries(changes)) {
		if (value === null || value === undefined || value === '') next.delete(key);
		else next.set(key, String(value));
	}
	const query = next.toString();
	return `?${query}${hash ? `#${hash}` : ''}`;
}

export interface PageInfo {
	page: number;
	pages: number;
	size: number;
	total: number;
	/** Row offset of the page, for LIMIT/OFFSET. */
	offset: number;
}

/** The page clamped to what exists (a stale link past the end shows the last page). */
export function pageInfo(total: number, size: number, requested: number): PageInfo {
	const pages = Math.max(1, Math.ceil(total / size));
	const page = Math.min(Math.max(1, requested), pages);
	return { page, pages, size, total, offset: (page - 1) * size };
}

export interface PagerLinks {
	label: string;
	previous: string | null;
	next: string | null;
}

/** «Side 2 av 5» with links to the pages either side, changing only `key`. */
export function pagerLinks(
	params: URLSearchParams,
	info: PageInfo,
	key = 'side',
	hash?: string
): PagerLinks {
	const to = (page: number) => hrefWith(params, { [key]: page === 1 ? null : page }, hash);
	return {
		label: m.pager_page_of({ page: info.page, pages: info.pages }),
		previous: info.page > 1 ? to(info.page - 1) : null,
		next: info.page < info.pages ? to(info.page + 1) : null
	};
}

/**
 * Keyset paging for long lists: the link to the next page carries the last row's sort key
 * (`etter`), the link back the first row's (`for`), so a page costs the same however deep it
 * is and rows added meanwhile do not shift the pages. The key is opaque in the URL: JSON in
 * base64url.
 */
export type SortKey = (string | number)[];

export function encodeKey(key: SortKey): string {
	const bytes = new TextEncoder().encode(JSON.stringify(key));
	let binary = '';
	for (const b of bytes) binary += String.fromCharCode(b);
	return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

/** The key, or undefined when the parameter is missing or not a key of `length` values. */
export function decodeKey(value: string | null, length: number): SortKey | undefined {
	if (!value || value.length > 400) return undefined;
	try {
		const binary = atob(value.replaceAll('-', '+').replaceAll('_', '/'));
		const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
		const key: unknown = JSON.parse(new TextDecoder().decode(bytes));
		if (
			Array.isArray(key) &&
			key.length === length &&
			key.every((v) => typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v)))
		) {
			return key as SortKey;
		}
	} catch {
		// A hand-edited or truncated link: start from the first page.
	}
	return undefined;
}

export interface KeysetPosition {
	after?: SortKey;
	before?: SortKey;
}

/** A page with several keyset lists names each list's parameters with a prefix (`bak-etter`). */
const names = (prefix: string) => ({ after: `${prefix}etter`, before: `${prefix}for` });

/**
 * The position a list's link asks for. A cursor the app did not write (hand-edited, cut off,
 * the wrong shape) is answered with 400 rather than quietly showing the first page, so a
 * reader is not misled into thinking they are further down the list.
 */
export function readKeyset(params: URLSearchParams, length: number, prefix = ''): KeysetPosition {
	const read = (name: string) => {
		const raw = params.get(name);
		if (raw === null || raw === '') return undefined;
		const key = decodeKey(raw, length);
		if (!key) error(400, badPageLink());
		return key;
	};
	const after = read(names(prefix).after);
	const before = read(names(prefix).before);
	if (after && before) error(400, badPageLink());
	if (after) return { after };
	return before ? { before } : {};
}

/**
 * Links for a keyset page. `rows` is the page as fetched with one row more than `size` in the
 * direction of travel (so whether there is more is known without counting).
 */
export function keysetLinks<T>(
	params: URLSearchParams,
	position: KeysetPosition,
	rows: T[],
	size: number,
	keyOf: (row: T) => SortKey,
	hash?: string,
	prefix = ''
): { rows: T[]; previous: string | null; next: string | null; first: string | null } {
	const { after, before } = names(prefix);
	const more = rows.length > size;
	const page = position.before ? (more ? rows.slice(1) : rows) : rows.slice(0, size);
	const atStart = !position.after && (!position.before || !more);
	const atEnd = position.before ? false : !more;
	const first = page[0];
	const last = page[page.length - 1];
	return {
		rows: page,
		previous:
			atStart || !first
				? null
				: hrefWith(params, { [after]: null, [before]: encodeKey(keyOf(first)) }, hash),
		next:
			atEnd || !last
				? null
				: hrefWith(params, { [before]: null, [after]: encodeKey(keyOf(last)) }, hash),
		first: atStart ? null : hrefWith(params, { [after]: null, [before]: null }, hash)
	};
}

/**
 * A form's action on the current page (`?tiltak-side=2&/addLink`): the page's parameters stay in
 * the address the form posts to, so the answer (a refusal, or every answer without script)
 * shows the same pages. `query` is the parameters without a form action's.
 */
export function actionHref(query: string, action: string): string {
	return query ? `?${query}&/${action}` : `?/${action}`;
}

/**
 * One keyset-paged list where a page holds several: reads the list's position (its parameter
 * names begin with `prefix`), fetches one row more than `size` to know whether a next page
 * exists, and links both ways (`keysetLinks`).
 */
export function keysetList<T>(
	params: URLSearchParams,
	fetch: (position: KeysetPosition, limit: number) => T[],
	list: {
		prefix: string;
		hash: string;
		size: number;
		keyLength: number;
		keyOf: (row: T) => SortKey;
	}
) {
	const position = readKeyset(params, list.keyLength, list.prefix);
	const rows = fetch(position, list.size + 1);
	return keysetLinks(params, position, rows, list.size, list.keyOf, list.hash, list.prefix);
}
