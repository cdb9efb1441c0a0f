/**
 * Layout of the benefit map (gevinstkart): left to right, one band per column
 * Tiltak → Endring → Gevinst → Effektmål (seed 001, chapter 6, page Systemnivå).
 *
 * Ranks are fixed by us, positions and crossing reduction are a library's (Sugiyama: layer
 * assignment, barycentric ordering, coordinates). Each node's rank is its band's first rank
 * plus its depth inside the band (change → change and benefit → benefit chains need
 * sub-columns), so a kind never leaks into a neighbour's band, and every allowed link points
 * right. Pure: no DOM, runs in Node for tests and the benchmark.
 *
 * Two engines (bench/results/benefit-map-layout.md): up to SWEEP_LIMIT nodes dagre
 * (`benefit-map-layout-dagre.ts`); above it d3-dag's Sugiyama (`benefit-map-layout-dag.ts`,
 * with each node moved inside its band to shorten links): dagre takes about 1.9 s for 1 000
 * nodes, d3-dag about 0.2 s. What both read is prepared once here
 * (`benefit-map-layout-shared.ts`).
 */
import type { NodeKind } from '../domain/benefits/vocabulary';
import { layoutWithDag, MEAN_SWEEPS } from './benefit-map-layout-dag';
import { layoutWithDagre } from './benefit-map-layout-dagre';
import { assignRanks, type IndexEdge, type PreparedMap } from './benefit-map-layout-shared';

export interface MapNodeInput {
	id: string;
	kind: NodeKind;
	label: string;
	/** Benefits only: quantitative (true) or qualitative (false). */
	quantitative?: boolean;
	/** Benefits only: a negative effect (ulempe). */
	disbenefit?: boolean;
	href?: string;
}

export interface MapEdgeInput {
	from: string;
	to: string;
}

export interface Point {
	x: number;
	y: number;
}

export interface LaidOutNode {
	id: string;
	kind: NodeKind;
	label: string;
	/** The label wrapped to the node's width; the last line ends in «…» if cut. */
	lines: string[];
	/** Top-left corner. */
	x: number;
	y: number;
	width: number;
	height: number;
	quantitative: boolean | null;
	disbenefit: boolean;
	href: string | null;
}

export interface LaidOutEdge {
	from: string;
	to: string;
	points: Point[];
}

export interface Band {
	kind: NodeKind;
	label: string;
	x0: number;
	x1: number;
}

export interface BenefitMapLayout {
	nodes: LaidOutNode[];
	edges: LaidOutEdge[];
	bands: Band[];
	width: number;
	height: number;
	/** Links left out: duplicates, unknown endpoints (a filtered map), or pointing backwards. */
	skippedEdges: number;
}

/**
 * A layout as a page's data carries it: JSON text. SvelteKit writes page data into the HTML as
 * a JavaScript literal (devalue), which for a 1 000-node map's ten thousand objects took some
 * 200 ms of the server's answer; one string is written in a few, and the browser reads JSON
 * faster than the same literal (v8.dev/blog/cost-of-javascript-2019, «JSON»).
 */
export type LayoutJson = string & { readonly __layoutJson: true };

/**
 * A map too large to travel in its page (INLINE_MAP_LIMIT): where the browser fetches its
 * drawing after the page, and its size, which the page keeps free for it meanwhile.
 */
export interface FetchedDrawing {
	/** The map's endpoint; without `del` it answers the drawing as an SVG document of its own. */
	href: string;
	width: number;
	height: number;
}

export function encodeLayout(layout: BenefitMapLayout): LayoutJson {
	return JSON.stringify(layout) as LayoutJson;
}

export function decodeLayout(json: LayoutJson): BenefitMapLayout {
	return JSON.parse(json) as BenefitMapLayout;
}

export interface LayoutOptions {
	nodeWidth?: number;
	/**
	 * Characters per line. With WCAG 1.4.12's spacing (0.12 em between letters, 0.16 em between
	 * words) a line of 19 characters in 13 px system-ui measured at most 172 px in Chromium
	 * (DejaVu Sans, wider than most), which leaves the 8 px margins and the badge room in a
	 * 200 px node; 22 characters measured 186 px and spilled out of the old 176 px node.
	 */
	charsPerLine?: number;
	maxLines?: number;
	lineHeight?: number;
	paddingY?: number;
	/** Room above the nodes for the band headers. */
	headerHeight?: number;
	rankSep?: number;
	nodeSep?: number;
	edgeSep?: number;
	margin?: number;
	/** Off: dagre's initial order only, no sweeps; for measuring what the sweeps gain. */
	reduceCrossings?: boolean;
}

const DEFAULTS: Required<LayoutOptions> = {
	nodeWidth: 200,
	charsPerLine: 19,
	maxLines: 4,
	lineHeight: 16,
	paddingY: 10,
	headerHeight: 40,
	rankSep: 56,
	nodeSep: 14,
	edgeSep: 8,
	margin: 16,
	reduceCrossings: true
};

/**
 * Greedy word wrap; a word longer than a line is split, and overflow ends in «…». The first
 * line may be shorter (`firstLine`), to leave room for a badge in the node's corner.
 */
export function wrapLabel(
	text: string,
	charsPerLine: number,
	maxLines: number,
	firstLine = charsPerLine
): string[] {
	const words = text.trim().split(/\s+/).filter(Boolean);
	const lines: string[] = [];
	const room = () => (lines.length === 0 ? firstLine : charsPerLine);
	let current = '';
	for (let word of words) {
		while (word.length > (current ? charsPerLine : room())) {
			if (current) {
				lines.push(current);
				current = '';
			}
			const width = room();
			lines.push(word.slice(0, width - 1) + '-');
			word = word.slice(width - 1);
		}
		if (!current) current = word;
		else if (current.length + 1 + word.length <= room()) current += ` ${word}`;
		else {
			lines.push(current);
			current = word;
		}
	}
	if (current) lines.push(current);
	if (lines.length <= maxLines) return lines.length ? lines : [''];
	const kept = lines.slice(0, maxLines);
	const last = kept[maxLines - 1]!;
	kept[maxLines - 1] =
		(last.length >= charsPerLine ? last.slice(0, charsPerLine - 1) : last).replace(/-$/, '') + '…';
	return kept;
}

/**
 * Natural order («gevinst:2» before «gevinst:10»): dagre's initial ordering walks nodes in
 * insertion order, and ids usually follow creation order, which keeps related nodes close.
 */
const naturalOrder = new Intl.Collator('en', { numeric: true });

function byId(a: { id: string }, b: { id: string }): number {
	return naturalOrder.compare(a.id, b.id) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Largest map laid out with dagre's crossing-reduction sweeps; larger ones keep its initial order. */
export const SWEEP_LIMIT = 300;

/**
 * Sorted input, links as node indices, ranks and wrapped labels: what both engines read. The
 * order makes the result independent of the order rows came out of the database (dagre's
 * ordering starts from insertion order, d3-dag's from its graph's).
 */
function prepare(
	inputNodes: readonly MapNodeInput[],
	inputEdges: readonly MapEdgeInput[],
	o: Required<LayoutOptions>
): PreparedMap {
	const nodes = [...new Map(inputNodes.map((n) => [n.id, n])).values()].sort(byId);
	const index = new Map(nodes.map((n, i) => [n.id, i]));
	const seen = new Set<number>();
	const candidates: IndexEdge[] = [];
	for (const e of inputEdges) {
		const from = index.get(e.from);
		const to = index.get(e.to);
		if (from === undefined || to === undefined) continue;
		const key = from * nodes.length + to;
		if (seen.has(key)) continue;
		seen.add(key);
		candidates.push({ from, to });
	}
	// Node indices follow the sorted ids, so this is the links in natural order of their ends.
	candidates.sort((a, b) => a.from - b.from || a.to - b.to);
	const rank = assignRanks(nodes, candidates);
	const edges = candidates.filter((e) => rank[e.to]! > rank[e.from]!);
	// Benefits carry a kind badge (#, ≈, −) in the top right corner: their first line is kept
	// two characters shorter so it never runs under the badge, with WCAG 1.4.12 spacing too.
	const lines = nodes.map((n) =>
		wrapLabel(
			n.label,
			o.charsPerLine,
			o.maxLines,
			n.quantitative === undefined ? o.charsPerLine : o.charsPerLine - 2
		)
	);
	return {
		nodes,
		edges,
		rank,
		lines,
		heights: lines.map((l) => o.paddingY * 2 + l.length * o.lineHeight),
		skippedEdges: inputEdges.length - edges.length
	};
}

export function layoutBenefitMap(
	inputNodes: readonly MapNodeInput[],
	inputEdges: readonly MapEdgeInput[],
	options: LayoutOptions = {}
): BenefitMapLayout {
	const o = { ...DEFAULTS, ...options };
	const map = prepare(inputNodes, inputEdges, o);
	// Above SWEEP_LIMIT nodes dagre costs seconds (its sweeps 2.7 of 4.3 s at 1 000 nodes,
	// without them still 1.9 s, mostly Brandes–Köpf positioning on ~3 800 nodes with dummies);
	// d3-dag lays out the same ranks in about a tenth of that (bench/results/benefit-map-layout.md).
	if (map.nodes.length > SWEEP_LIMIT) {
		return layoutWithDag(map, o, {
			sweeps: o.reduceCrossings ? MEAN_SWEEPS : 0,
			compact: true
		});
	}
	if (!o.reduceCrossings) return layoutWithDagre(map, o, false);
	// dagre's barycentric sweeps keep the best order they visit but never compare it with
	// the initial (depth-first) order, which on sparse maps with ids in creation order is
	// often better. Laying out both and keeping the one with fewer crossings fixes that
	// for twice the time; ties go to the swept order.
	const swept = layoutWithDagre(map, o, true);
	const initial = layoutWithDagre(map, o, false);
	return countEdgeCrossings(initial) < countEdgeCrossings(swept) ? initial : swept;
}

function orientation(a: Point, b: Point, c: Point): number {
	return Math.sign((b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x));
}

function segmentsCross(a: Point, b: Point, c: Point, d: Point): boolean {
	// Proper crossings only: touching or collinear overlaps (shared ports) do not count.
	const o1 = orientation(a, b, c);
	const o2 = orientation(a, b, d);
	const o3 = orientation(c, d, a);
	const o4 = orientation(c, d, b);
	return o1 * o2 < 0 && o3 * o4 < 0;
}

/**
 * Edge crossings in the drawn polylines: pairs of edges (not sharing a node) whose segments
 * properly intersect, each crossing point counted once. The readability measure the layout
 * tests and the benchmark report.
 */
export function countEdgeCrossings(layout: Pick<BenefitMapLayout, 'edges'>): number {
	const segments = layout.edges.flatMap((edge, index) =>
		edge.points.slice(1).map((p, i) => {
			const q = edge.points[i]!;
			return {
				index,
				edge,
				a: q,
				b: p,
				minX: Math.min(q.x, p.x),
				maxX: Math.max(q.x, p.x)
			};
		})
	);
	segments.sort((s, t) => s.minX - t.minX);
	let crossings = 0;
	for (let i = 0; i < segments.length; i++) {
		const s = segments[i]!;
		for (let j = i + 1; j < segments.length; j++) {
			const t = segments[j]!;
			if (t.minX > s.maxX) break;
			if (s.index === t.index) continue;
			if (
				s.edge.from === t.edge.from ||
				s.edge.from === t.edge.to ||
				s.edge.to === t.edge.from ||
				s.edge.to === t.edge.to
			) {
				continue;
			}
			if (segmentsCross(s.a, s.b, t.a, t.b)) crossings++;
		}
	}
	return crossings;
}
