/**
 * The benefit map laid out by dagre (Sugiyama: our fixed ranks, its barycentric ordering and
 * Brandes–Köpf coordinates), for maps of at most SWEEP_LIMIT nodes.
 */
import dagre from '@dagrejs/dagre';
import type { Graph, GraphLabel, NodeLabel, EdgeLabel } from '@dagrejs/dagre';
import type { BenefitMapLayout, LaidOutEdge, LaidOutNode } from './benefit-map-layout';
import {
	bandsFor,
	laidOutNode,
	round,
	type PreparedMap,
	type Settings
} from './benefit-map-layout-shared';

/** dagre's GraphLabel types `ranker` as a name only; its code also accepts a function. */
interface LayoutGraphLabel extends Pick<
	GraphLabel,
	'rankdir' | 'nodesep' | 'ranksep' | 'edgesep' | 'marginx' | 'marginy' | 'width' | 'height'
> {
	ranker: (g: Graph<GraphLabel, NodeLabel, EdgeLabel>) => void;
}

export function layoutWithDagre(
	map: PreparedMap,
	o: Settings,
	reduceCrossings: boolean
): BenefitMapLayout {
	const { nodes, edges, rank, lines, heights } = map;
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
	for (const [i, n] of nodes.entries()) {
		g.setNode(n.id, {
			width: o.nodeWidth,
			height: heights[i]!,
			// Doubled like dagre's own ranker output: its pipeline (makeSpaceForEdgeLabels) halves
			// ranksep and expects every edge to span two ranks, with a label slot between.
			rank: rank[i]! * 2
		});
	}
	for (const e of edges) g.setEdge(nodes[e.from]!.id, nodes[e.to]!.id, {});
	dagre.layout(g, { disableOptimalOrderHeuristic: !reduceCrossings });

	const dy = o.headerHeight;
	const laidOutNodes: LaidOutNode[] = nodes.map((n, i) => {
		const label = g.node(n.id);
		return laidOutNode(
			n,
			lines[i]!,
			label.x! - label.width / 2,
			label.y! - label.height / 2 + dy,
			label.width,
			label.height
		);
	});
	const laidOutEdges: LaidOutEdge[] = edges.map((e) => {
		const from = nodes[e.from]!.id;
		const to = nodes[e.to]!.id;
		const points = g.edge(from, to).points ?? [];
		return { from, to, points: points.map((p) => ({ x: round(p.x), y: round(p.y + dy) })) };
	});

	const graphLabel = g.graph();
	const width = round(graphLabel.width ?? 0);
	return {
		nodes: laidOutNodes,
		edges: laidOutEdges,
		bands: bandsFor(laidOutNodes, width),
		width,
		height: round((graphLabel.height ?? 0) + dy),
		skippedEdges: map.skippedEdges
	};
}
