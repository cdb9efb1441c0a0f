import { describe, expect, it } from 'vitest';
import {
	isAllowedLink,
	linkKindError,
	nodeKey,
	toOutline,
	wouldCreateCycle,
	type GraphEdge,
	type GraphNode
} from './graph';
import { NODE_KINDS, type NodeKind } from './vocabulary';

describe('link kinds', () => {
	it('allows exactly the five link kinds of the benefit map', () => {
		const allowed = NODE_KINDS.flatMap((from) =>
			NODE_KINDS.filter((to) => isAllowedLink(from, to)).map((to) => `${from}→${to}`)
		);
		expect(allowed).toEqual([
			'measure→change',
			'change→change',
			'change→benefit',
			'benefit→benefit',
			'benefit→goal'
		]);
	});

	it('explains a refused link in Norwegian', () => {
		expect(linkKindError('measure', 'benefit')).toBe(
			'Tiltak kan ikke kobles til gevinst. Et tiltak kan bare kobles til endring.'
		);
		expect(linkKindError('benefit', 'change')).toBe(
			'Gevinst kan ikke kobles til endring. En gevinst kan bare kobles til gevinst eller effektmål.'
		);
		expect(linkKindError('goal', 'benefit')).toMatch(/siste ledd/);
		expect(linkKindError('change', 'benefit')).toBeNull();
	});

	it('keys nodes by kind so ids from different tables do not collide', () => {
		expect(nodeKey('benefit', 12)).toBe('benefit:12');
		expect(nodeKey('change', 12)).not.toBe(nodeKey('benefit', 12));
	});
});

describe('cycles', () => {
	const edges: GraphEdge[] = [
		{ from: 'c1', to: 'c2' },
		{ from: 'c2', to: 'c3' },
		{ from: 'b1', to: 'b2' }
	];

	it('finds a link that would close a cycle', () => {
		expect(wouldCreateCycle(edges, 'c3', 'c1')).toBe(true);
		expect(wouldCreateCycle(edges, 'c2', 'c1')).toBe(true);
		expect(wouldCreateCycle(edges, 'b2', 'b1')).toBe(true);
	});

	it('treats a self-loop as a cycle', () => {
		expect(wouldCreateCycle([], 'c1', 'c1')).toBe(true);
	});

	it('lets a DAG grow: shortcuts and new branches are fine', () => {
		expect(wouldCreateCycle(edges, 'c1', 'c3')).toBe(false);
		expect(wouldCreateCycle(edges, 'c3', 'b1')).toBe(false);
		expect(wouldCreateCycle(edges, 'b1', 'c1')).toBe(false);
	});

	it('handles a long chain without recursion', () => {
		const chain = Array.from({ length: 50_000 }, (_, i) => ({ from: `n${i}`, to: `n${i + 1}` }));
		expect(wouldCreateCycle(chain, 'n50000', 'n0')).toBe(true);
	});
});

const node = (id: string, kind: NodeKind, label = id): GraphNode => ({ id, kind, label });

describe('outline (text alternative)', () => {
	// Seed 001, page Systemnivå: Tiltak 1 → «Økt bevissthet …» → «Statlige tilskudd …» → Effektmål 3.
	const nodes = [
		node('g3', 'goal', 'Effektmål 3'),
		node('b2', 'benefit', 'Bedre samarbeid med og samordning av kommunene'),
		node('b1', 'benefit', 'Statlige tilskudd er koordinert og bedre tilpasset kommunens behov'),
		node('c1', 'change', 'Økt bevissthet om brukerbehov og familiens problemer'),
		node('m2', 'measure', 'Tiltak 2'),
		node('m1', 'measure', 'Tiltak 1'),
		node('c9', 'change', 'Endring uten tiltak')
	];
	const edges: GraphEdge[] = [
		{ from: 'm1', to: 'c1' },
		{ from: 'c1', to: 'b1' },
		{ from: 'c1', to: 'b2' },
		{ from: 'b1', to: 'b2' },
		{ from: 'b1', to: 'g3' },
		{ from: 'b2', to: 'g3' }
	];

	const flatten = (items: ReturnType<typeof toOutline>, depth = 0): string[] =>
		items.flatMap((item) => [
			`${'  '.repeat(depth)}${item.label}${item.repeated ? ' (se over)' : ''}`,
			...flatten(item.children, depth + 1)
		]);

	it('lists each measure with its changes, benefits and goals, then loose starting points', () => {
		expect(flatten(toOutline(nodes, edges))).toEqual([
			'Tiltak 1',
			'  Økt bevissthet om brukerbehov og familiens problemer',
			'    Bedre samarbeid med og samordning av kommunene',
			'      Effektmål 3',
			'    Statlige tilskudd er koordinert og bedre tilpasset kommunens behov',
			'      Bedre samarbeid med og samordning av kommunene (se over)',
			'      Effektmål 3 (se over)',
			'Tiltak 2',
			'Endring uten tiltak'
		]);
	});

	it('ignores links to nodes outside the list (a filtered map)', () => {
		const outline = toOutline([node('m1', 'measure')], edges);
		expect(outline).toEqual([
			{ id: 'm1', kind: 'measure', label: 'm1', repeated: false, children: [] }
		]);
	});
});
