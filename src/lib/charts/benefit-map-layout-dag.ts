/**
 * The benefit map laid out by d3-dag's Sugiyama, for maps above SWEEP_LIMIT nodes: our ranks
 * (compacted, see `compactRanks`) as its layering, its mean two-layer ordering in down-and-up
 * sweeps, and its greedy coordinates. d3-dag lays out top to bottom, so it gets transposed sizes
 * (height × width) and the result is turned back.
 */
import { aggMean, coordGreedy, graph, sugiyama, twolayerAgg } from 'd3-dag';
import type { Decross, GraphNode, Layering, SugiNode } from 'd3-dag';
import type { BenefitMapLayout, LaidOutEdge, Point } from './benefit-map-layout';
import {
	bandsFor,
	borderPoint,
	compactRanks,
	laidOutNode,
	round,
	type PreparedMap,
	type Settings
} from './benefit-map-layout-shared';

/** Mean-barycentre sweeps, down then up, each a d3-dag two-layer ordering of one layer pair. */
export const MEAN_SWEEPS = 8;

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

export interface DagOptions {
	/** Sweeps of the ordering; 0 keeps d3-dag's starting order. */
	sweeps: number;
	/** Off: ranks from each band's entry only, as before compactRanks (for measuring). */
	compact: boolean;
}

export function layoutWithDag(
	map: PreparedMap,
	o: Settings,
	{ sweeps, compact }: DagOptions
): BenefitMapLayout {
	const { nodes, edges, lines, heights } = map;
	const rank = compact ? compactRanks(nodes, edges, map.rank) : map.rank;
	// The graph is built in sorted node order, each node's links in sorted source order, so its
	// layers' starting order does not depend on the order rows came out of the database. Node
	// data is the node's index, link data the link's.
	const dag = graph<number, number>();
	const handles = nodes.map((_, i) => dag.node(i));
	const into: number[][] = nodes.map(() => []);
	for (const [k, e] of edges.entries()) into[e.to]!.push(k);
	for (const [i, links] of into.entries()) {
		for (const k of links) dag.link(handles[edges[k]!.from]!, handles[i]!, k);
	}
	const layering: Layering<number, number> = (g) => {
		let last = 0;
		for (const node of g.nodes()) {
			node.y = rank[node.data]!;
			last = Math.max(last, node.y);
		}
		return last;
	};
	const { width: across, height: along } = sugiyama()
		.layering(layering)
		.decross(meanSweeps(sweeps))
		.coord(coordGreedy())
		.nodeSize((node: GraphNode<number, number>) => [heights[node.data]!, o.nodeWidth])
		.gap([o.nodeSep, o.rankSep])(dag);

	const dy = o.headerHeight;
	const cx = handles.map((h) => h.y + o.margin);
	const cy = handles.map((h) => h.x + o.margin + dy);
	const laidOutNodes = nodes.map((n, i) =>
		laidOutNode(
			n,
			lines[i]!,
			cx[i]! - o.nodeWidth / 2,
			cy[i]! - heights[i]! / 2,
			o.nodeWidth,
			heights[i]!
		)
	);
	const routes: Point[][] = [];
	for (const link of dag.links()) {
		const { from, to } = edges[link.data]!;
		const raw = link.points;
		const last = raw.length - 1;
		const points: Point[] = new Array<Point>(raw.length);
		for (let p = 1; p < last; p++) {
			points[p] = { x: raw[p]![1] + o.margin, y: raw[p]![0] + o.margin + dy };
		}
		// Ends on the borders, aimed at the next bend (or, for a straight link, the other end).
		points[0] = borderPoint(
			cx[from]!,
			cy[from]!,
			o.nodeWidth,
			heights[from]!,
			points[1] ?? { x: cx[to]!, y: cy[to]! }
		);
		points[last] = borderPoint(cx[to]!, cy[to]!, o.nodeWidth, heights[to]!, points[last - 1]!);
		routes[link.data] = points.map((p) => ({ x: round(p.x), y: round(p.y) }));
	}
	const laidOutEdges: LaidOutEdge[] = edges.map((e, k) => ({
		from: nodes[e.from]!.id,
		to: nodes[e.to]!.id,
		points: routes[k] ?? []
	}));
	const width = round(along + o.margin * 2);
	return {
		nodes: laidOutNodes,
		edges: laidOutEdges,
		bands: bandsFor(laidOutNodes, width),
		width,
		height: round(across + o.margin * 2 + dy),
		skippedEdges: map.skippedEdges
	};
}
