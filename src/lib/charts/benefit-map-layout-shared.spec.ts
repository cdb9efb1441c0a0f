import { describe, expect, it } from 'vitest';
import { generateMap } from '../../../bench/generate-map';
import type { MapNodeInput } from './benefit-map-layout';
import { assignRanks, compactRanks, type IndexEdge } from './benefit-map-layout-shared';

const node = (id: string, kind: MapNodeInput['kind']): MapNodeInput => ({ id, kind, label: id });

/** Columns a link passes through without a node: the bend points drawn on it. */
const bends = (edges: readonly IndexEdge[], rank: Int32Array) =>
	edges.reduce((sum, e) => sum + rank[e.to]! - rank[e.from]! - 1, 0);

describe('compactRanks', () => {
	// Two change columns (c1 → c2). c3 feeds two benefits from one measure, c4 one benefit
	// from two measures.
	const nodes = [
		node('m1', 'measure'),
		node('m2', 'measure'),
		node('c1', 'change'),
		node('c2', 'change'),
		node('c3', 'change'),
		node('c4', 'change'),
		node('b1', 'benefit'),
		node('b2', 'benefit')
	];
	const at = (id: string) => nodes.findIndex((n) => n.id === id);
	const edges: IndexEdge[] = [
		['m1', 'c1'],
		['c1', 'c2'],
		['m2', 'c3'],
		['c3', 'b1'],
		['c3', 'b2'],
		['m1', 'c4'],
		['m2', 'c4'],
		['c4', 'b1']
	].map(([from, to]) => ({ from: at(from!), to: at(to!) }));
	const entry = assignRanks(nodes, edges);
	const compact = compactRanks(nodes, edges, entry);

	it('moves a node towards the side with more links, inside its band', () => {
		expect([...entry]).toEqual([0, 0, 1, 2, 1, 1, 3, 3]);
		// c3 (one link in, two out) moves to the band's last column; c4 (two in, one out) stays.
		expect(compact[at('c3')]).toBe(2);
		expect(compact[at('c4')]).toBe(1);
		expect(bends(edges, compact)).toBeLessThan(bends(edges, entry));
	});

	it('keeps chains, bands and every link pointing right on a large map', () => {
		const map = generateMap(400, 7);
		const index = new Map(map.nodes.map((n, i) => [n.id, i]));
		const links = map.edges.map((e) => ({ from: index.get(e.from)!, to: index.get(e.to)! }));
		const before = assignRanks(map.nodes, links);
		const after = compactRanks(map.nodes, links, before);
		for (const e of links) expect(after[e.to]).toBeGreaterThan(after[e.from]!);
		const columns = (rank: Int32Array, kind: string) =>
			new Set([...rank].filter((_, i) => map.nodes[i]!.kind === kind));
		for (const kind of ['measure', 'change', 'benefit', 'goal']) {
			expect(columns(after, kind)).toEqual(columns(before, kind));
		}
		expect(bends(links, after)).toBeLessThan(bends(links, before) * 0.85);
	});
});
