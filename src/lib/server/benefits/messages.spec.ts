import { describe, expect, it } from 'vitest';
import { checkNewLink } from './messages';
import type { GraphEdge, GraphNode } from '$lib/domain/benefits/graph';
import type { NodeKind } from '$lib/domain/benefits/vocabulary';

const node = (id: string, kind: NodeKind, label = id): GraphNode => ({ id, kind, label });

describe('checkNewLink', () => {
	const nodes = [
		node('m1', 'measure', 'Tiltak 1'),
		node('c1', 'change', 'Økt bevissthet'),
		node('c2', 'change', 'Felles forståelse'),
		node('b1', 'benefit', 'Koordinerte tilskudd'),
		node('g1', 'goal', 'Effektmål 3')
	];
	const edges: GraphEdge[] = [
		{ from: 'm1', to: 'c1' },
		{ from: 'c1', to: 'c2' }
	];

	it('accepts a valid link', () => {
		expect(checkNewLink(nodes, edges, 'c2', 'b1')).toEqual({ ok: true });
	});

	it('refuses unknown nodes, self-links, wrong kinds, duplicates and cycles', () => {
		expect(checkNewLink(nodes, edges, 'x', 'b1')).toMatchObject({ ok: false });
		expect(checkNewLink(nodes, edges, 'c1', 'c1')).toEqual({
			ok: false,
			message: 'Et element kan ikke kobles til seg selv.'
		});
		expect(checkNewLink(nodes, edges, 'm1', 'g1')).toMatchObject({
			ok: false,
			message: expect.stringMatching(/^Tiltak kan ikke kobles til effektmål/)
		});
		expect(checkNewLink(nodes, edges, 'm1', 'c1')).toEqual({
			ok: false,
			message: 'Koblingen finnes allerede.'
		});
		expect(checkNewLink(nodes, edges, 'c2', 'c1')).toEqual({
			ok: false,
			message:
				'Koblingen ville gitt en sirkel: «Økt bevissthet» fører allerede tilbake til «Felles forståelse».'
		});
	});
});
