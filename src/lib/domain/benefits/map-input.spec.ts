import { describe, expect, it } from 'vitest';
import { buildMapInput, type MapRows } from './map-input';

const rows: MapRows = {
	measures: [{ id: 1, projectId: 7, title: 'Tiltak 1' }],
	changes: [
		{ id: 1, projectId: 7, title: 'Økt bevissthet' },
		{ id: 2, projectId: 7, title: 'Løs endring' }
	],
	benefits: [
		{ id: 1, title: 'Koordinerte tilskudd', kind: 'kvantitativ', level: 'system' },
		{ id: 2, title: 'Tryggere familie', kind: 'kvalitativ', level: 'bruker' }
	],
	goals: [
		{ id: 1, number: 1, title: 'Brukermål', level: 'user' },
		{ id: 3, number: 3, title: 'Systemmål', level: 'system' }
	],
	links: [
		{ fromKind: 'measure', fromId: 1, toKind: 'change', toId: 1 },
		{ fromKind: 'change', fromId: 1, toKind: 'benefit', toId: 1 },
		{ fromKind: 'change', fromId: 1, toKind: 'benefit', toId: 2 },
		{ fromKind: 'benefit', fromId: 1, toKind: 'goal', toId: 3 },
		{ fromKind: 'benefit', fromId: 2, toKind: 'goal', toId: 1 }
	]
};

describe('buildMapInput', () => {
	it('shows every element of the scope and only the goals benefits lead to', () => {
		const map = buildMapInput({ ...rows, links: rows.links.slice(0, 4) });
		expect(map.nodes.map((n) => n.id).sort()).toEqual([
			'benefit:1',
			'benefit:2',
			'change:1',
			'change:2',
			'goal:3',
			'measure:1'
		]);
		expect(map.edges).toHaveLength(4);
		expect(map.nodes.find((n) => n.id === 'benefit:2')).toMatchObject({
			quantitative: false,
			href: '/gevinster/2'
		});
	});

	it("names an effect goal with the page's word for it", () => {
		const goal = (map: ReturnType<typeof buildMapInput>) =>
			map.nodes.find((n) => n.id === 'goal:3')?.label;
		expect(goal(buildMapInput(rows))).toBe('Effektmål 3: Systemmål');
		expect(goal(buildMapInput(rows, null, 'Disbenefit', 'Effect goal'))).toBe(
			'Effect goal 3: Systemmål'
		);
	});

	it('keeps one level and what leads to it', () => {
		const map = buildMapInput(rows, 'system');
		expect(map.nodes.map((n) => n.id).sort()).toEqual([
			'benefit:1',
			'change:1',
			'goal:3',
			'measure:1'
		]);
		expect(map.edges).toEqual([
			{ from: 'measure:1', to: 'change:1' },
			{ from: 'change:1', to: 'benefit:1' },
			{ from: 'benefit:1', to: 'goal:3' }
		]);
	});

	it("links a measure or change to its row on the editor's page that lists it", () => {
		const measures = Array.from({ length: 30 }, (_, i) => ({
			id: 100 + i,
			projectId: 100 + i < 103 ? 8 : 7,
			title: `Tiltak ${i}`
		}));
		const map = buildMapInput({ ...rows, measures, links: [] });
		const href = (id: string) => map.nodes.find((n) => n.id === id)?.href;
		expect(href('measure:100')).toBe('/gevinster/prosjekt/8#tiltak-100');
		expect(href('measure:103')).toBe('/gevinster/prosjekt/7#tiltak-103');
		// Project 7's 26th measure (project 8's three came first) opens the second page.
		expect(href('measure:127')).toBe('/gevinster/prosjekt/7#tiltak-127');
		expect(href('measure:128')).toBe('/gevinster/prosjekt/7?tiltak-side=2#tiltak-128');
		expect(href('change:2')).toBe('/gevinster/prosjekt/7#endring-2');
	});
});

describe('a dis-benefit on the map', () => {
	it('is marked in its own text and flagged for its frame, not by colour alone', () => {
		const map = buildMapInput({
			...rows,
			benefits: [
				{
					id: 1,
					title: 'Ekstra opplæringstid',
					kind: 'kvantitativ',
					level: 'system',
					disbenefit: true
				}
			]
		});
		expect(map.nodes.find((n) => n.id === 'benefit:1')).toMatchObject({
			label: 'Ulempe: Ekstra opplæringstid',
			disbenefit: true,
			quantitative: true
		});
	});
});
