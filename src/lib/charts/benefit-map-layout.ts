/**
 * Layout of the benefit map (gevinstkart): left to right, one band per column
 * Tiltak → Endring → Gevinst → Effektmål (seed 001, chapter 6, page Systemnivå).
 *
 * Ranks are fixed by us, positions and crossing reduction are dagre's (Sugiyama: layer
 * assignment, barycentric ordering, Brandes–Köpf coordinates). Each node's rank is its band's
 * first rank plus its depth inside the band (change → change and benefit → benefit chains need
 * sub-columns), so a kind never leaks into a neighbour's band, and every allowed link points
 * right. Pure: no DOM, runs in Node for tests and the benchmark.
 *
 * Above SWEEP_LIMIT nodes the layout is d3-dag's Sugiyama instead (same fixed ranks, its
 * mean two-layer ordering and greedy coordinates): dagre takes about 1.9 s for 1 000 nodes,
 * d3-dag about 0.2 s (bench/results/benefit-map-layout.md).
 */
import dagre from '@dagrejs/dagre';
import type { Graph, GraphLabel, NodeLabel, EdgeLabel } from '@dagrejs/dagre';
import { aggMean, coordGreedy, graphStratify, sugiyama, twolayerAgg } from 'd3-dag';
import type { Decross, GraphNode, Layering, SugiNode } from 'd3-dag';
import { NODE_KINDS, NODE_KIND_LABEL, type NodeKind } from '../domain/benefits/vocabulary';

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

/**
 * Rank per node: band base + longest path from the band's entry inside its own kind.
 * Same-kind cycles cannot exist in stored data (links are checked); if one slipped in, the
 * nodes on it keep depth 0 and the backward link is skipped by the caller.
 */
function assignRanks(nodes: readonly MapNodeInput[], edges: readonly MapEdgeInput[]) {
	const depth = new Map<string, number>(nodes.map((n) => [n.id, 0]));
	const kindOf = new Map(nodes.map((n) => [n.id, n.kind]));
	const inner = edges.filter((e) => kindOf.get(e.from) === kindOf.get(e.to));
	const indegree = new Map<string, number>(nodes.map((n) => [n.id, 0]));
	const out = new Map<string, string[]>();
	for (const e of inner) {
		indegree.set(e.to, (indegree.get(e.to) ?? 0) + 1);
		const list = out.get(e.from);
		if (list) list.push(e.to);
		else out.set(e.from, [e.to]);
	}
	const queue = nodes.filter((n) => indegree.get(n.id) === 0).map((n) => n.id);
	for (let i = 0; i < queue.length; i++) {
		const id = queue[i]!;
		for (const next of out.get(id) ?? []) {
			depth.set(next, Math.max(depth.get(next)!, depth.get(id)! + 1));
			const remaining = indegree.get(next)! - 1;
			indegree.set(next, remaining);
			if (remaining === 0) queue.push(next);
		}
	}
	const base = new Map<NodeKind, number>();
	let next = 0;
	for (const kind of NODE_KINDS) {
		const ofKind = nodes.filter((n) => n.kind === kind);
		if (!ofKind.length) continue;
		base.set(kind, next);
		next += Math.max(...ofKind.map((n) => depth.get(n.id)!)) + 1;
	}
	return new Map(nodes.map((n) => [n.id, base.get(n.kind)! + depth.get(n.id)!]));
}

const round = (value: number) => Math.round(value * 100) / 100;

/** dagre's GraphLabel types `ranker` as a name only; its code also accepts a function. */
interface LayoutGraphLabel extends Pick<
	GraphLabel,
	'rankdir' | 'nodesep' | 'ranksep' | 'edgesep' | 'marginx' | 'marginy' | 'width' | 'height'
> {
	ranker: (g: Graph<GraphLabel, NodeLabel, EdgeLabel>) => void;
}

/** Largest map laid out with dagre's crossing-reduction sweeps; larger ones keep its initial order. */
export const SWEEP_LIMIT = 300;

export function layoutBenefitMap(
	inputNodes: readonly MapNodeInput[],
	inputEdges: readonly MapEdgeInput[],
	options: LayoutOptions = {}
): BenefitMapLayout {
	const o = { ...DEFAULTS, ...options };
	// Sorted input: dagre's ordering starts from insertion order, so this makes the result
	// independent of the order rows came out of the database.
	const nodes = [...new Map(inputNodes.map((n) => [n.id, n])).values()].sort(byId);
	const known = new Set(nodes.map((n) => n.id));
	const edgeMap = new Map<string, MapEdgeInput>();
	for (const e of inputEdges) {
		if (known.has(e.from) && known.has(e.to)) edgeMap.set(`${e.from}\u0000${e.to}`, e);
	}
	const candidateEdges = [...edgeMap.values()].sort(
		(a, b) => byId({ id: a.from }, { id: b.from }) || byId({ id: a.to }, { id: b.to })
	);
	const rank = assignRanks(nodes, candidateEdges);
	const edges = candidateEdges.filter((e) => rank.get(e.to)! > rank.get(e.from)!);
	const skippedEdges = inputEdges.length - edges.length;
	// Benefits carry a kind badge (#, ≈, −) in the top right corner: their first line is kept
	// two characters shorter so it never runs under the badge, with WCAG 1.4.12 spacing too.
	const lines = new Map(
		nodes.map((n) => [
			n.id,
			wrapLabel(
				n.label,
				o.charsPerLine,
				o.maxLines,
				n.quantitative === undefined ? o.charsPerLine : o.charsPerLine - 2
			)
		])
	);

	const run = (reduceCrossings: boolean) =>
		runDagre(nodes, edges, rank, lines, o, reduceCrossings, skippedEdges);
	// Above SWEEP_LIMIT nodes dagre costs seconds (its sweeps 2.7 of 4.3 s at 1 000 nodes,
	// without them still 1.9 s, mostly Brandes–Köpf positioning on ~3 800 nodes with dummies);
	// d3-dag lays out the same ranks in about a tenth of that (bench/results/benefit-map-layout.md).
	if (nodes.length > SWEEP_LIMIT) {
		return runD3Dag(nodes, edges, rank, lines, o, o.reduceCrossings, skippedEdges);
	}
	if (!o.reduceCrossings) return run(false);
	// dagre's barycentric sweeps keep the best order they visit but never compare it with
	// the initial (depth-first) order, which on sparse maps with ids in creation order is
	// often better. Laying out both and keeping the one with fewer crossings fixes that
	// for twice the time; ties go to the swept order.
	const swept = run(true);
	const initial = run(false);
	return countEdgeCrossings(initial) < countEdgeCrossings(swept) ? initial : swept;
}

function runDagre(
	nodes: readonly MapNodeInput[],
	edges: readonly MapEdgeInput[],
	rank: ReadonlyMap<string, number>,
	lines: ReadonlyMap<string, string[]>,
	o: Required<LayoutOptions>,
	reduceCrossings: boolean,
	skippedEdges: number
): BenefitMapLayout {
	const g = new dagre.graphlib.Graph<LayoutGraphLabel, NodeLabel, EdgeLabel>();
	g.setGraph({
		rankdir: 'LR',
		nodesep: o.nodeSep,
		ranksep: o.rankSep,
		edgesep: o.edgeSep,
		marginx: o.margin,
		marginy: o.margin,
		// Ranks are already on the nodes; only the helper root dagre adds needs one.
		ranker: (graph) => {
			let min = Infinity;
			for (const v of graph.nodes()) {
				const r = graph.node(v).rank;
				if (r !== undefined) min = Math.min(min, r);
			}
			for (const v of graph.nodes()) graph.node(v).rank ??= min - 1;
		}
	});
	for (const n of nodes) {
		g.setNode(n.id, {
			width: o.nodeWidth,
			height: o.paddingY * 2 + lines.get(n.id)!.length * o.lineHeight,
			// Doubled like dagre's own ranker output: its pipeline (makeSpaceForEdgeLabels) halves
			// ranksep and expects every edge to span two ranks, with a label slot between.
			rank: rank.get(n.id)! * 2
		});
	}
	for (const e of edges) g.setEdge(e.from, e.to, {});
	dagre.layout(g, { disableOptimalOrderHeuristic: !reduceCrossings });

	const dy = o.headerHeight;
	const laidOutNodes: LaidOutNode[] = nodes.map((n) => {
		const label = g.node(n.id);
		return {
			id: n.id,
			kind: n.kind,
			label: n.label,
			lines: lines.get(n.id)!,
			x: round(label.x! - label.width / 2),
			y: round(label.y! - label.height / 2 + dy),
			width: label.width,
			height: label.height,
			quantitative: n.kind === 'benefit' ? (n.quantitative ?? false) : null,
			disbenefit: n.disbenefit ?? false,
			href: n.href ?? null
		};
	});
	const laidOutEdges: LaidOutEdge[] = edges.map((e) => ({
		from: e.from,
		to: e.to,
		points: (g.edge(e.from, e.to).points ?? []).map((p) => ({ x: round(p.x), y: round(p.y + dy) }))
	}));

	const graphLabel = g.graph();
	const width = round(graphLabel.width ?? 0);
	return {
		nodes: laidOutNodes,
		edges: laidOutEdges,
		bands: bandsFor(laidOutNodes, width),
		width,
		height: round((graphLabel.height ?? 0) + dy),
		skippedEdges
	};
}

/** Mean-barycentre sweeps, down then up, each a d3-dag two-layer ordering of one layer pair. */
const MEAN_SWEEPS = 8;

/**
 * d3-dag's two-layer sweeps without its per-pass crossing count: decrossTwoLayer counts all
 * crossings after every half-sweep to keep the best order, and that count (quadratic in a
 * layer's width) is most of its time at 1 000 nodes (1.1 s for one pass). The ordering of
 * each layer pair is d3-dag's own (twolayerAgg with the mean aggregator).
 */
function meanSweeps(passes: number): Decross<unknown, unknown> {
	const order = twolayerAgg().aggregator(aggMean);
	return (layers: SugiNode[][]) => {
		for (let pass = 0; pass < passes; pass++) {
			for (let i = 0; i + 1 < layers.length; i++) order(layers[i]!, layers[i + 1]!, true);
			for (let i = layers.length - 1; i > 0; i--) order(layers[i - 1]!, layers[i]!, false);
		}
	};
}

/** Where the line from a rectangle's centre towards `toward` leaves the rectangle. */
function borderPoint(cx: number, cy: number, w: number, h: number, toward: Point): Point {
	const dx = toward.x - cx;
	const dy = toward.y - cy;
	if (dx === 0 && dy === 0) return { x: cx, y: cy };
	const scale = Math.abs(dy) * w > Math.abs(dx) * h ? h / 2 / Math.abs(dy) : w / 2 / Math.abs(dx);
	return { x: cx + dx * scale, y: cy + dy * scale };
}

/**
 * The same map laid out by d3-dag's Sugiyama with our ranks as its layering. d3-dag lays out
 * top to bottom, so it gets transposed sizes (height × width) and the result is turned back.
 */
function runD3Dag(
	nodes: readonly MapNodeInput[],
	edges: readonly MapEdgeInput[],
	rank: ReadonlyMap<string, number>,
	lines: ReadonlyMap<string, string[]>,
	o: Required<LayoutOptions>,
	reduceCrossings: boolean,
	skippedEdges: number
): BenefitMapLayout {
	const heightOf = (id: string) => o.paddingY * 2 + lines.get(id)!.length * o.lineHeight;
	const parents = new Map<string, string[]>(nodes.map((n) => [n.id, []]));
	for (const e of edges) parents.get(e.to)!.push(e.from);
	// Nodes and parents in natural id order, so d3-dag's graph (and its layers' starting
	// order) does not depend on the order rows came out of the database.
	const dag = graphStratify()(nodes.map((n) => ({ id: n.id, parentIds: parents.get(n.id)! })));
	type Datum = { id: string };
	const layering: Layering<Datum, undefined> = (graph) => {
		let last = 0;
		for (const node of graph.nodes()) {
			node.y = rank.get(node.data.id)!;
			last = Math.max(last, node.y);
		}
		return last;
	};
	const { width: across, height: along } = sugiyama()
		.layering(layering)
		.decross(meanSweeps(reduceCrossings ? MEAN_SWEEPS : 0))
		.coord(coordGreedy())
		.nodeSize((node: GraphNode<Datum, undefined>) => [heightOf(node.data.id), o.nodeWidth])
		.gap([o.nodeSep, o.rankSep])(dag);

	const dy = o.headerHeight;
	const centre = new Map<string, Point>();
	for (const node of dag.nodes()) {
		centre.set(node.data.id, { x: node.y + o.margin, y: node.x + o.margin + dy });
	}
	const laidOutNodes: LaidOutNode[] = nodes.map((n) => {
		const c = centre.get(n.id)!;
		const height = heightOf(n.id);
		return {
			id: n.id,
			kind: n.kind,
			label: n.label,
			lines: lines.get(n.id)!,
			x: round(c.x - o.nodeWidth / 2),
			y: round(c.y - height / 2),
			width: o.nodeWidth,
			height,
			quantitative: n.kind === 'benefit' ? (n.quantitative ?? false) : null,
			disbenefit: n.disbenefit ?? false,
			href: n.href ?? null
		};
	});
	const pointsOf = new Map<string, Point[]>();
	for (const link of dag.links()) {
		const points = link.points.map(([x, y]) => ({ x: y + o.margin, y: x + o.margin + dy }));
		const from = link.source.data.id;
		const to = link.target.data.id;
		const a = centre.get(from)!;
		const b = centre.get(to)!;
		points[0] = borderPoint(a.x, a.y, o.nodeWidth, heightOf(from), points[1] ?? b);
		points[points.length - 1] = borderPoint(
			b.x,
			b.y,
			o.nodeWidth,
			heightOf(to),
			points.at(-2) ?? a
		);
		pointsOf.set(
			`${from}\u0000${to}`,
			points.map((p) => ({ x: round(p.x), y: round(p.y) }))
		);
	}
	const laidOutEdges: LaidOutEdge[] = edges.map((e) => ({
		from: e.from,
		to: e.to,
		points: pointsOf.get(`${e.from}\u0000${e.to}`) ?? []
	}));
	const width = round(along + o.margin * 2);
	return {
		nodes: laidOutNodes,
		edges: laidOutEdges,
		bands: bandsFor(laidOutNodes, width),
		width,
		height: round(across + o.margin * 2 + dy),
		skippedEdges
	};
}

/** Bands tile the width: each boundary sits midway between two columns of nodes. */
function bandsFor(nodes: readonly LaidOutNode[], width: number): Band[] {
	const extents = NODE_KINDS.flatMap((kind) => {
		const ofKind = nodes.filter((n) => n.kind === kind);
		if (!ofKind.length) return [];
		const left = Math.min(...ofKind.map((n) => n.x));
		const right = Math.max(...ofKind.map((n) => n.x + n.width));
		return [{ kind, left, right }];
	});
	return extents.map((extent, i) => {
		const previous = extents[i - 1];
		const following = extents[i + 1];
		return {
			kind: extent.kind,
			label: NODE_KIND_LABEL[extent.kind],
			x0: previous ? round((previous.right + extent.left) / 2) : 0,
			x1: following ? round((extent.right + following.left) / 2) : width
		};
	});
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
