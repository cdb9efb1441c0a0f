/**
 * Paging and expand state kept in the URL, so a page works without script, can be bookmarked,
 * and a filter survives paging: links change one parameter and keep all the others. Pure.
 */

const POSITIVE = /^[1-9][0-9]{0,9}$/;

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
		label: `Side ${info.page} av ${info.pages}`,
		previous: info.page > 1 ? to(info.page - 1) : null,
		next: info.page < info.pages ? to(info.page + 1) : null
	};
}
