/**
 * What both layout engines of the benefit map share: the input as they get it (sorted, links as
 * node indices, ranks and wrapped labels computed once), the ranks, and the result's pieces.
 * Index arrays instead of maps keyed by id: the engines visit every node and link several times,
 * and a 1 000-node map spent a tenth of its own time in string-keyed lookups
 * (bench/results/benefit-map-layout.md, fifth pass).
 */
import { NODE_KINDS, NODE_KIND_LABEL } from '../domain/benefits/vocabulary';
import type { Band, LaidOutNode, LayoutOptions, MapNodeInput, Point } from './benefit-map-layout';

/** A link as node indices into `PreparedMap.nodes`. */
export interface IndexEdge {
	from: number;
	to: number;
}

export interface PreparedMap {
	/** Unique by id, in natural id order. */
	nodes: readonly MapNodeInput[];
	/** Unique, pointing to a higher rank, sorted by source then target. */
	edges: readonly IndexEdge[];
	/** Per node: its column, counted from the left. */
	rank: Int32Array;
	/** Per node: the wrapped label. */
	lines: readonly string[][];
	/** Per node: its height in px. */
	heights: readonly number[];
	skippedEdges: number;
}

export type Settings = Required<LayoutOptions>;

/** The position of each kind in the band order, per node. */
function kindIndexes(nodes: readonly MapNodeInput[]): Int32Array {
	const position = new Map(NODE_KINDS.map((kind, i) => [kind, i]));
	return Int32Array.from(nodes, (n) => position.get(n.kind)!);
}

/**
 * Rank per node: band base + longest path from the band's entry inside its own kind.
 * Same-kind cycles cannot exist in stored data (links are checked); if one slipped in, the
 * nodes on it keep depth 0 and the backward link is skipped by the caller.
 */
export function assignRanks(
	nodes: readonly MapNodeInput[],
	edges: readonly IndexEdge[]
): Int32Array {
	const count = nodes.length;
	const kind = kindIndexes(nodes);
	const depth = new Int32Array(count);
	const indegree = new Int32Array(count);
	const out: number[][] = Array.from({ length: count }, () => []);
	for (const e of edges) {
		if (kind[e.from] !== kind[e.to]) continue;
		indegree[e.to]!++;
		out[e.from]!.push(e.to);
	}
	const queue: number[] = [];
	for (let i = 0; i < count; i++) if (indegree[i] === 0) queue.push(i);
	for (let q = 0; q < queue.length; q++) {
		const id = queue[q]!;
		for (const next of out[id]!) {
			depth[next] = Math.max(depth[next]!, depth[id]! + 1);
			if (--indegree[next]! === 0) queue.push(next);
		}
	}
	const deepest = new Int32Array(NODE_KINDS.length).fill(-1);
	for (let i = 0; i < count; i++) deepest[kind[i]!] = Math.max(deepest[kind[i]!]!, depth[i]!);
	const base = new Int32Array(NODE_KINDS.length);
	let next = 0;
	for (let k = 0; k < NODE_KINDS.length; k++) {
		base[k] = next;
		next += deepest[k]! + 1;
	}
	return Int32Array.from(depth, (d, i) => base[kind[i]!]! + d);
}

/**
 * Moves nodes inside their band's columns so that links span fewer columns, without moving a
 * band's boundaries or reversing a link. A link across k columns is drawn through k − 1 bend
 * points, and every bend point is one more node for the layered layout to order and place
 * (d3-dag's sugiyama: «dummy nodes»); with ranks from the band's entry only, a 1 000-node map
 * had 2 826 of them, 2 291 on links from a change to a benefit.
 *
 * The objective is the total length of the links in columns, the one the classic layered
 * layout minimises when it ranks (Gansner et al., «A Technique for Drawing Directed Graphs»,
 * IEEE TSE 19(3), 1993, section 2). Here it is descended one node at a time: a node with more
 * links in than out moves to the leftmost column its same-kind parents allow, one with more
 * out than in to the rightmost its same-kind children allow (the span changes by in − out per
 * column), until no node moves. Every move shortens the total, so it ends; the order of visits
 * is the sorted node order, so it is deterministic.
 */
export function compactRanks(
	nodes: readonly MapNodeInput[],
	edges: readonly IndexEdge[],
	rank: Int32Array
): Int32Array {
	const count = nodes.length;
	const kind = kindIndexes(nodes);
	const ranks = Int32Array.from(rank);
	const lastColumn = new Int32Array(NODE_KINDS.length);
	for (let i = 0; i < count; i++) {
		lastColumn[kind[i]!] = Math.max(lastColumn[kind[i]!]!, ranks[i]!);
	}
	const slope = new Int32Array(count);
	const parents: number[][] = Array.from({ length: count }, () => []);
	const children: number[][] = Array.from({ length: count }, () => []);
	for (const e of edges) {
		slope[e.from]!--;
		slope[e.to]!++;
		if (kind[e.from] === kind[e.to]) {
			children[e.from]!.push(e.to);
			parents[e.to]!.push(e.from);
		}
	}
	// Rightmost column per node: its band's last, less the longest same-kind path below it.
	// Children sit in higher columns, so visiting columns right to left sees them first.
	const latest = new Int32Array(count);
	const byColumn = Array.from({ length: count }, (_, i) => i).sort(
		(a, b) => ranks[b]! - ranks[a]! || a - b
	);
	for (const i of byColumn) {
		let column = lastColumn[kind[i]!]!;
		for (const c of children[i]!) column = Math.min(column, latest[c]! - 1);
		latest[i] = column;
	}
	const earliest = rank;
	for (let moved = true; moved;) {
		moved = false;
		for (let i = 0; i < count; i++) {
			let column = ranks[i]!;
			if (slope[i]! > 0) {
				column = earliest[i]!;
				for (const p of parents[i]!) column = Math.max(column, ranks[p]! + 1);
			} else if (slope[i]! < 0) {
				column = latest[i]!;
				for (const c of children[i]!) column = Math.min(column, ranks[c]! - 1);
			}
			if (column !== ranks[i]) {
				ranks[i] = column;
				moved = true;
			}
		}
	}
	return ranks;
}

export const round = (value: number) => Math.round(value * 100) / 100;

/** A laid-out node; `x`, `y` are its top-left corner, rounded. */
export function laidOutNode(
	n: MapNodeInput,
	lines: string[],
	x: number,
	y: number,
	width: number,
	height: number
): LaidOutNode {
	return {
		id: n.id,
		kind: n.kind,
		label: n.label,
		lines,
		x: round(x),
		y: round(y),
		width,
		height,
		quantitative: n.kind === 'benefit' ? (n.quantitative ?? false) : null,
		disbenefit: n.disbenefit ?? false,
		href: n.href ?? null
	};
}

/** Where the line from a rectangle's centre towards `toward` leaves the rectangle. */
export function borderPoint(cx: number, cy: number, w: number, h: number, toward: Point): Point {
	const dx = toward.x - cx;
	const dy = toward.y - cy;
	if (dx === 0 && dy === 0) return { x: cx, y: cy };
	const scale = Math.abs(dy) * w > Math.abs(dx) * h ? h / 2 / Math.abs(dy) : w / 2 / Math.abs(dx);
	return { x: cx + dx * scale, y: cy + dy * scale };
}

/** Bands tile the width: each boundary sits midway between two columns of nodes. */
export function bandsFor(nodes: readonly LaidOutNode[], width: number): Band[] {
	const extents = NODE_KINDS.flatMap((kind) => {
		let left = Infinity;
		let right = -Infinity;
		for (const n of nodes) {
			if (n.kind !== kind) continue;
			left = Math.min(left, n.x);
			right = Math.max(right, n.x + n.width);
		}
		return left === Infinity ? [] : [{ kind, left, right }];
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
