/**
 * Benefit-map layouts for the pages, laid out once per graph version.
 *
 * The version is a SHA-256 of everything the layout reads (ids, kinds, labels, benefit kind,
 * links, each set in id order), so a map that changes in any way that could move a node gets
 * a new key, and an unchanged map is not laid out again on the next load. Held in a small
 * least-recently-used cache in server memory. This is the one exception to «no module-level
 * mutable state on the server» (docs/architecture.md, «Habits») and it keeps that habit's point:
 * layoutBenefitMap is pure and deterministic, so a hit returns exactly what laying out would
 * have returned; nothing depends on which request came first, and a key can only be found
 * by a request that already holds the same map. Bounded by the total nodes and links held,
 * so memory stays small however many maps are viewed.
 */
import { createHash } from 'node:crypto';
import { FETCHED_ARROW_ID, benefitMapMarkup } from '$lib/charts/benefit-map-svg';
import { getLocale } from '$lib/paraglide/runtime';
import {
	encodeLayout,
	layoutBenefitMap,
	type BenefitMapLayout,
	type LayoutJson,
	type MapEdgeInput,
	type MapNodeInput
} from '$lib/charts/benefit-map-layout';

export interface LayoutCache {
	/** The layout of this map; shared between requests, so callers must not change it. */
	layout(nodes: readonly MapNodeInput[], edges: readonly MapEdgeInput[]): BenefitMapLayout;
	/** The same layout as a page sends it, encoded once per map version. */
	json(nodes: readonly MapNodeInput[], edges: readonly MapEdgeInput[]): LayoutJson;
	/**
	 * The drawing's markup (benefitMapMarkup, arrowheads at FETCHED_ARROW_ID) in the request's
	 * language, made once per map version and language: 50–200 ms at 1 000 nodes.
	 */
	markup(nodes: readonly MapNodeInput[], edges: readonly MapEdgeInput[]): string;
	readonly size: number;
}

/** The key of a map's content; input order does not matter, as it does not for the layout. */
export function mapVersion(nodes: readonly MapNodeInput[], edges: readonly MapEdgeInput[]): string {
	const hash = createHash('sha256');
	const sortedNodes = [...nodes].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
	for (const n of sortedNodes) {
		hash.update(
			JSON.stringify([
				n.id,
				n.kind,
				n.label,
				n.quantitative ?? null,
				n.disbenefit ?? false,
				n.href ?? null
			])
		);
	}
	hash.update('\u0000');
	const sortedEdges = edges.map((e) => JSON.stringify([e.from, e.to])).sort();
	for (const e of sortedEdges) hash.update(e);
	return hash.digest('base64url');
}

/** A cache holding at most `limit` nodes and links in all, dropping the least recently used. */
export function createLayoutCache(limit: number): LayoutCache {
	type Entry = {
		key: string;
		layout: BenefitMapLayout;
		json?: LayoutJson;
		markup: Map<string, string>;
		weight: number;
	};
	const entries = new Map<string, Entry>();
	let held = 0;
	function trim() {
		for (const [oldest, old] of entries) {
			if (held <= limit) break;
			entries.delete(oldest);
			held -= old.weight;
		}
	}
	function entry(nodes: readonly MapNodeInput[], edges: readonly MapEdgeInput[]): Entry {
		const key = mapVersion(nodes, edges);
		const hit = entries.get(key);
		if (hit) {
			// Re-inserted: a Map iterates in insertion order, so the first key is the oldest.
			entries.delete(key);
			entries.set(key, hit);
			return hit;
		}
		const made: Entry = {
			key,
			layout: layoutBenefitMap(nodes, edges),
			markup: new Map(),
			weight: nodes.length + edges.length
		};
		if (made.weight > limit) return made;
		entries.set(key, made);
		held += made.weight;
		trim();
		return made;
	}
	return {
		layout: (nodes, edges) => entry(nodes, edges).layout,
		json(nodes, edges) {
			const found = entry(nodes, edges);
			found.json ??= encodeLayout(found.layout);
			return found.json;
		},
		markup(nodes, edges) {
			const found = entry(nodes, edges);
			const locale = getLocale();
			const hit = found.markup.get(locale);
			if (hit !== undefined) return hit;
			const made = benefitMapMarkup(found.layout, FETCHED_ARROW_ID);
			// The markup is about as large as the layout in memory, so each language's copy
			// counts as the map's weight again.
			if (entries.get(found.key) === found) {
				found.markup.set(locale, made);
				const base = nodes.length + edges.length;
				found.weight += base;
				held += base;
				trim();
			}
			return made;
		},
		get size() {
			return entries.size;
		}
	};
}

/**
 * Maps of more nodes than this are not in their page: the page keeps its lists and a placeholder
 * of the map's size, and the browser fetches the drawing after the page (MapView). Above it the
 * drawing and the layout (together ≈ 1.3 MB of HTML at 1 000 nodes) would be most of the page;
 * at or below it (the demo's maps, a typical project) the page draws with the server's HTML
 * as before, with or without script (bench/results/benefit-map-layout.md, fifth pass).
 */
export const INLINE_MAP_LIMIT = 150;

/**
 * Room for about ten 1 000-node maps (2 400 nodes and links each) or some 250 maps of one
 * project; a 1 000-node layout takes about 1.25 MB of heap (measured with the generated map),
 * so the cache stays near 13 MB at most.
 */
export const benefitMapLayouts = createLayoutCache(25_000);

/**
 * Most nodes a drawn map may have. The layout and the browser were measured up to 1 000
 * (bench/results/benefit-map-layout.md), and a larger map is not readable as one drawing:
 * the page asks for a track, project or level instead.
 */
export const MAP_NODE_LIMIT = 1000;
