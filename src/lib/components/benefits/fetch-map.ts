/**
 * A part of a large map from its endpoint (server/benefits/views/map-drawing.ts): the drawing's
 * markup or the layout as JSON. The browser keeps the answer and asks again with its ETag, so
 * an unchanged map comes back as a 304 from its own cache.
 */
/** The address of one part: the map's endpoint with `del`. */
export function partHref(href: string, part: 'tegning' | 'oppsett'): string {
	return `${href}${href.includes('?') ? '&' : '?'}del=${part}`;
}

export async function fetchMapPart(
	href: string,
	part: 'tegning' | 'oppsett',
	signal?: AbortSignal
): Promise<string> {
	const url = partHref(href, part);
	const response = await fetch(url, { signal });
	// A session that has ended is sent to the sign-in page: that is no map either.
	if (!response.ok || response.redirected) throw new Error(`${response.status} ${url}`);
	return response.text();
}
