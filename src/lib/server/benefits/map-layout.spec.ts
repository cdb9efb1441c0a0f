import { describe, expect, it } from 'vitest';
import { createLayoutCache, mapVersion } from './map-layout';
import { FETCHED_ARROW_ID, benefitMapMarkup } from '$lib/charts/benefit-map-svg';
import { withLocale } from '$lib/server/i18n';
import {
	decodeLayout,
	layoutBenefitMap,
	type MapEdgeInput,
	type MapNodeInput
} from '$lib/charts/benefit-map-layout';

const nodes: MapNodeInput[] = [
	{ id: 'measure:1', kind: 'measure', label: 'Tiltak 1' },
	{ id: 'change:1', kind: 'change', label: 'Økt bevissthet' },
	{ id: 'benefit:1', kind: 'benefit', label: 'Færre veiledere', quantitative: true }
];
const edges: MapEdgeInput[] = [
	{ from: 'measure:1', to: 'change:1' },
	{ from: 'change:1', to: 'benefit:1' }
];

describe('mapVersion', () => {
	it('ignores input order and changes with anything the layout reads', () => {
		const version = mapVersion(nodes, edges);
		expect(mapVersion([...nodes].reverse(), [...edges].reverse())).toBe(version);
		const renamed = nodes.map((n) => (n.id === 'change:1' ? { ...n, label: 'Ny tittel' } : n));
		expect(mapVersion(renamed, edges)).not.toBe(version);
		const requalified = nodes.map((n) =>
			n.kind === 'benefit' ? { ...n, quantitative: false } : n
		);
		expect(mapVersion(requalified, edges)).not.toBe(version);
		expect(mapVersion(nodes, edges.slice(1))).not.toBe(version);
	});
});

describe('createLayoutCache', () => {
	it('lays out a map once per version and returns what laying out returns', () => {
		const cache = createLayoutCache(100);
		const first = cache.layout(nodes, edges);
		expect(first).toEqual(layoutBenefitMap(nodes, edges));
		expect(cache.layout([...nodes].reverse(), edges)).toBe(first);
		const renamed = nodes.map((n) => (n.id === 'measure:1' ? { ...n, label: 'Tiltak A' } : n));
		expect(cache.layout(renamed, edges)).not.toBe(first);
		expect(cache.size).toBe(2);
	});

	it("encodes a version's layout for the page once, and it decodes to the same layout", () => {
		const cache = createLayoutCache(100);
		const json = cache.json(nodes, edges);
		expect(decodeLayout(json)).toEqual(cache.layout(nodes, edges));
		expect(cache.json([...nodes].reverse(), edges)).toBe(json);
		expect(cache.size).toBe(1);
	});

	it('drops the least recently used map when the bound is passed', () => {
		// Each map weighs 5 (3 nodes, 2 links): room for two.
		const cache = createLayoutCache(10);
		const variant = (label: string) =>
			nodes.map((n) => (n.id === 'measure:1' ? { ...n, label } : n));
		const a = cache.layout(variant('A'), edges);
		const b = cache.layout(variant('B'), edges);
		expect(cache.layout(variant('A'), edges)).toBe(a);
		cache.layout(variant('C'), edges);
		expect(cache.size).toBe(2);
		expect(cache.layout(variant('A'), edges)).toBe(a);
		expect(cache.layout(variant('B'), edges)).not.toBe(b);
	});

	it("draws a version's markup once per language, and a language's copy weighs as the map", () => {
		const cache = createLayoutCache(10);
		const bokmaal = withLocale('nb', () => cache.markup(nodes, edges));
		expect(bokmaal).toBe(
			withLocale('nb', () => benefitMapMarkup(cache.layout(nodes, edges), FETCHED_ARROW_ID))
		);
		expect(withLocale('nb', () => cache.markup([...nodes].reverse(), edges))).toBe(bokmaal);
		const english = withLocale('en', () => cache.markup(nodes, edges));
		expect(english).toContain('Quantitative benefit: Færre veiledere');
		// Layout and two languages weigh 15 against a bound of 10: the map is dropped.
		expect(cache.size).toBe(0);
	});

	it('does not hold a map larger than the whole bound', () => {
		const cache = createLayoutCache(4);
		cache.layout(nodes, edges);
		expect(cache.size).toBe(0);
	});
});
