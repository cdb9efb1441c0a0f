/**
 * A large benefit map's drawing comes on its own, not in its page (INLINE_MAP_LIMIT): the page
 * carries its address and size, and the endpoint beside each map page answers the drawing, the
 * layout or an SVG document, each with a strong ETag per map version, so a repeat load is a 304.
 * The endpoint checks the reader as its page does. Real SQLite file, migrations applied.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeLayout, type FetchedDrawing, type LayoutJson } from '$lib/charts/benefit-map-layout';
import { FETCHED_ARROW_ID, benefitMapMarkup } from '$lib/charts/benefit-map-svg';
import { INLINE_MAP_LIMIT } from '$lib/server/benefits/map-layout';
import { withLocale } from '$lib/server/i18n';
import { load as projectLoad } from '../../src/routes/(app)/gevinster/prosjekt/[id=id]/+page.server';
import { load as kartLoad } from '../../src/routes/(app)/gevinster/kart/+page.server';
import { GET as projectDrawing } from '../../src/routes/(app)/gevinster/prosjekt/[id=id]/tegning/+server';
import { GET as kartDrawing } from '../../src/routes/(app)/gevinster/kart/tegning/+server';
import { makeEvent, makeUser, outcome, signIn, type Signed } from '../factories';
import { makeBenefit, makeMission, makeProject } from '../factories/benefits';

type MapData = { layout: LayoutJson | null; drawing: FetchedDrawing | null };

let viewer: Signed;
let owner: Signed;
let large = 0;
let small = 0;

/** A GET of `path` by `signed`, with the browser's `If-None-Match` when given. */
function get(signed: Signed | null, path: string, params: Record<string, string>, etag?: string) {
	const event = makeEvent({ signed, path, params });
	const headers = etag ? { 'if-none-match': etag } : undefined;
	return { ...event, request: new Request(event.url, { headers }) } as never;
}
const projectGet = (id: number, query = '', etag?: string, signed: Signed | null = viewer) =>
	projectDrawing(
		get(signed, `/gevinster/prosjekt/${id}/tegning${query}`, { id: String(id) }, etag)
	);
const kartGet = (query: string, etag?: string) =>
	kartDrawing(get(viewer, `/gevinster/kart/tegning${query}`, {}, etag));
const projectPage = async (id: number, query = '') =>
	(await projectLoad(
		makeEvent({
			signed: viewer,
			path: `/gevinster/prosjekt/${id}${query}`,
			params: { id: String(id) }
		}) as never
	)) as MapData;

beforeAll(async () => {
	owner = signIn(await makeUser([{ role: 'programme_leader' }]));
	viewer = signIn(await makeUser([{ role: 'viewer' }]));
	const { tracks } = makeMission(owner.user.id);
	large = makeProject(owner.user.id, [tracks[0]!], INLINE_MAP_LIMIT + 10).projectId;
	makeBenefit(large, { title: 'Kortere ventetid <for> «alle» & noen' }, owner.user.id);
	small = makeProject(owner.user.id, [tracks[1]!], 2).projectId;
}, 120_000);

describe('a large map page', () => {
	it('carries the drawing’s address and size, not the drawing or its layout', async () => {
		const page = await projectPage(large);
		expect(page.layout).toBeNull();
		expect(page.drawing).toEqual({
			href: `/gevinster/prosjekt/${large}/tegning`,
			width: expect.any(Number),
			height: expect.any(Number)
		});
		const kart = (await kartLoad(
			makeEvent({ signed: viewer, path: `/gevinster/kart?prosjekt=${large}` }) as never
		)) as { scope: MapData };
		expect(kart.scope.layout).toBeNull();
		expect(kart.scope.drawing?.href).toBe(`/gevinster/kart/tegning?prosjekt=${large}`);
	});

	it('has the layout with `?liste`, for the outline the server renders without script', async () => {
		const page = await projectPage(large, '?liste=ja');
		expect(page.drawing).not.toBeNull();
		expect(decodeLayout(page.layout!).nodes.length).toBeGreaterThan(INLINE_MAP_LIMIT);
	});

	it('a small map still travels in its page', async () => {
		const page = await projectPage(small);
		expect(page.drawing).toBeNull();
		expect(decodeLayout(page.layout!).nodes.length).toBeLessThanOrEqual(INLINE_MAP_LIMIT);
	});
});

describe('the drawing endpoint', () => {
	it('answers the same map as the page would draw, escaped, kept private', async () => {
		const response = await projectGet(large, '?del=tegning');
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
		expect(response.headers.get('cache-control')).toBe('private, no-cache');
		expect(response.headers.get('etag')).toMatch(/^"[^"]+"$/);
		const markup = await response.text();
		const layout = decodeLayout((await projectPage(large, '?liste=ja')).layout!);
		expect(markup).toBe(benefitMapMarkup(layout, FETCHED_ARROW_ID));
		expect(markup).toContain('Kortere ventetid &lt;for&gt; «alle» &amp; noen');
		expect(markup.match(/<a href=/g)?.length).toBe(layout.nodes.filter((n) => n.href).length);

		const json = await projectGet(large, '?del=oppsett');
		expect(json.headers.get('content-type')).toBe('application/json; charset=utf-8');
		expect(decodeLayout((await json.text()) as LayoutJson)).toEqual(layout);
	});

	it('answers a repeat request of an unchanged map with 304, a changed one anew', async () => {
		const first = await projectGet(large, '?del=tegning');
		const etag = first.headers.get('etag')!;
		const again = await projectGet(large, '?del=tegning', etag);
		expect(again.status).toBe(304);
		expect(await again.text()).toBe('');
		expect(again.headers.get('etag')).toBe(etag);
		// Each part and each language has its own tag.
		expect((await projectGet(large, '?del=oppsett', etag)).status).toBe(200);
		const nynorsk = await withLocale('nn', () => projectGet(large, '?del=tegning', etag));
		expect(nynorsk.status).toBe(200);
		expect(await nynorsk.text()).toContain('Kvantitativ gevinst: Kortere ventetid');

		makeBenefit(large, { title: 'Ny gevinst' }, owner.user.id);
		const changed = await projectGet(large, '?del=tegning', etag);
		expect(changed.status).toBe(200);
		expect(changed.headers.get('etag')).not.toBe(etag);
		expect(await changed.text()).toContain('Ny gevinst');
	});

	it('the gevinstkart’s endpoint answers the same project map as the project’s own', async () => {
		const own = await (await projectGet(large, '?del=tegning')).text();
		const kart = await kartGet(`?prosjekt=${large}&del=tegning`);
		expect(kart.status).toBe(200);
		expect(await kart.text()).toBe(own);
	});

	it('opens as an SVG document of its own, with links, names and styles', async () => {
		const response = await projectGet(large);
		expect(response.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
		expect(response.headers.get('content-security-policy')).toBe(
			"default-src 'none'; style-src 'unsafe-inline'"
		);
		const svg = await response.text();
		expect(svg).toMatch(/^<\?xml[^>]*>\n<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
		expect(svg).toContain('<title>Gevinstkart for ');
		expect(svg).toContain(`<marker id="${FETCHED_ARROW_ID}"`);
		expect(svg).toContain('aria-label="Kvantitativ gevinst: Kortere ventetid');
		expect(svg).toContain('<style>');
	});

	it('checks the reader as its page does', async () => {
		expect(await outcome(() => projectGet(large, '?del=tegning', undefined, null))).toMatchObject({
			kind: 'redirect',
			status: 303,
			location: expect.stringMatching(/^\/login\?redirectTo=/)
		});
		expect(await outcome(() => projectGet(999_999, '?del=tegning'))).toMatchObject({
			kind: 'error',
			status: 404
		});
		expect(await outcome(() => kartGet('?prosjekt=999999&del=tegning'))).toMatchObject({
			kind: 'error',
			status: 404,
			message: 'Fant ikke et kart å tegne for dette utvalget.'
		});
		expect(
			await outcome(() =>
				kartDrawing(get(null, '/gevinster/kart/tegning?del=tegning', {}) as never)
			)
		).toMatchObject({ kind: 'redirect', status: 303 });
	});
});
