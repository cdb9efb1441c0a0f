/**
 * A map page's drawing when it does not travel in the page (above INLINE_MAP_LIMIT nodes): the
 * page carries its size and address, and the map's endpoint (`…/tegning`) answers the drawing,
 * its layout or an SVG document of its own, each with a strong ETag per map version
 * (RFC 9110 §8.8.3), so a repeat load of an unchanged map is a 304 without a byte of it.
 */
import { version as buildVersion } from '$app/environment';
import { getLocale } from '$lib/paraglide/runtime';
import type { FetchedDrawing, LayoutJson } from '$lib/charts/benefit-map-layout';
import { benefitMapDocument } from '$lib/charts/benefit-map-svg';
import type { MapInput } from '$lib/domain/benefits/map-input';
import { INLINE_MAP_LIMIT, benefitMapLayouts, mapVersion } from '../map-layout';

/**
 * `?del=tegning`: the markup inside the map's `<svg>`, which MapView inserts; `?del=oppsett`:
 * the layout as JSON, for the outline; none: the SVG document, the link offered without script.
 */
export type DrawingPart = 'tegning' | 'oppsett' | 'dokument';

export function drawingPart(url: URL): DrawingPart {
	const part = url.searchParams.get('del');
	return part === 'tegning' || part === 'oppsett' ? part : 'dokument';
}

/**
 * What a map page carries: a small map's layout, which it draws and outlines itself; for a
 * large one only the drawing's address and size. With `?liste` (the outline opened without
 * script) the page also gets the layout, since the server renders the outline from it.
 */
export function pageMap(
	map: MapInput,
	href: string,
	url: URL
): { layout: LayoutJson | null; drawing: FetchedDrawing | null } {
	if (map.nodes.length <= INLINE_MAP_LIMIT)
		return { layout: benefitMapLayouts.json(map.nodes, map.edges), drawing: null };
	const { width, height } = benefitMapLayouts.layout(map.nodes, map.edges);
	return {
		layout: url.searchParams.has('liste') ? benefitMapLayouts.json(map.nodes, map.edges) : null,
		drawing: { href, width, height }
	};
}

export interface DrawingAnswer {
	etag: string;
	contentType: string;
	/** Made only when the reader's copy is out of date. */
	body: () => string;
}

const CONTENT_TYPE: Record<DrawingPart, string> = {
	// Plain text: a fragment, never rendered as a page of this origin if opened on its own.
	tegning: 'text/plain; charset=utf-8',
	oppsett: 'application/json; charset=utf-8',
	dokument: 'image/svg+xml; charset=utf-8'
};

/**
 * One part of the map. The ETag names what the bytes depend on: the map's version (everything
 * the layout reads), the part, the language of the nodes' names, and the build (the drawing code).
 */
export function mapDrawing(map: MapInput, part: DrawingPart, caption: string): DrawingAnswer {
	const { nodes, edges } = map;
	const version = mapVersion(nodes, edges);
	const language = part === 'oppsett' ? '' : `.${getLocale()}`;
	return {
		etag: `"${version}.${part}${language}.${buildVersion}"`,
		contentType: CONTENT_TYPE[part],
		body: () =>
			part === 'oppsett'
				? benefitMapLayouts.json(nodes, edges)
				: part === 'tegning'
					? benefitMapLayouts.markup(nodes, edges)
					: benefitMapDocument(
							benefitMapLayouts.layout(nodes, edges),
							benefitMapLayouts.markup(nodes, edges),
							caption
						)
	};
}

/** Whether the reader's `If-None-Match` already names this version (RFC 9110 §13.1.2). */
export function isCurrent(ifNoneMatch: string | null, etag: string): boolean {
	if (!ifNoneMatch) return false;
	return ifNoneMatch
		.split(',')
		.map((tag) => tag.trim().replace(/^W\//, ''))
		.some((tag) => tag === etag || tag === '*');
}

/** The endpoint's answer: 304 when the reader has this version, else the part itself. */
export function drawingResponse(answer: DrawingAnswer, ifNoneMatch: string | null): Response {
	const headers = new Headers({
		etag: answer.etag,
		// Kept by the reader's browser only, and checked with the server on every use.
		'cache-control': 'private, no-cache'
	});
	if (isCurrent(ifNoneMatch, answer.etag)) return new Response(null, { status: 304, headers });
	headers.set('content-type', answer.contentType);
	// The document is the reader's own map with its styles inline: nothing else may load or run.
	if (answer.contentType.startsWith('image/svg'))
		headers.set('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'");
	return new Response(answer.body(), { headers });
}
