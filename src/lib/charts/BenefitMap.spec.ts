import { describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import BenefitMap from './BenefitMap.svelte';
import RealisationChart from './RealisationChart.svelte';
import { layoutBenefitMap } from './benefit-map-layout';

/** Markup without Svelte's scoping classes and with whitespace collapsed. */
function html(body: string): string {
	return body
		.replace(/ ?svelte-[a-z0-9]+/g, '')
		.replace(/ class=""/g, '')
		.replace(/\s+/g, ' ');
}

const layout = layoutBenefitMap(
	[
		{ id: 'measure:1', kind: 'measure', label: 'Tiltak 1', href: '/tiltak/1' },
		{ id: 'change:1', kind: 'change', label: 'Økt bevissthet', href: '/endring/1' },
		{
			id: 'benefit:1',
			kind: 'benefit',
			label: 'Færre veiledere',
			quantitative: true,
			href: '/g/1'
		},
		{ id: 'benefit:2', kind: 'benefit', label: 'Bedre omdømme', quantitative: false },
		{ id: 'goal:3', kind: 'goal', label: 'Effektmål 3', href: '/mal/3' }
	],
	[
		{ from: 'measure:1', to: 'change:1' },
		{ from: 'change:1', to: 'benefit:1' },
		{ from: 'change:1', to: 'benefit:2' },
		{ from: 'benefit:1', to: 'goal:3' }
	]
);

describe('BenefitMap (server render)', () => {
	const body = html(
		render(BenefitMap, { props: { layout, caption: 'Gevinstkart, systemnivå' } }).body
	);

	it('is a captioned figure with band headers and one link per node with an href', () => {
		expect(body).toMatch(
			/<figure[^>]*>\s*<figcaption id="[^"]+">Gevinstkart, systemnivå<\/figcaption>/
		);
		for (const band of ['Tiltak', 'Endring', 'Gevinst', 'Effektmål']) {
			expect(body).toContain(`>${band}</text>`);
		}
		expect(body.match(/<a href=/g)).toHaveLength(4);
		expect(body).toContain('href="/g/1" aria-label="Kvantitativ gevinst: Færre veiledere"');
		expect(body).toContain('aria-label="Kvalitativ gevinst: Bedre omdømme"');
	});

	it('tells the two benefit kinds apart by icon and border, not colour alone', () => {
		expect(body).toMatch(/class="node node-benefit[^"]*quantitative/);
		expect(body).toMatch(/class="node node-benefit[^"]*qualitative/);
		expect(body).toContain('>#</text>');
		expect(body).toContain('>≈</text>');
		expect(body).toContain('Kvalitativ gevinst (stiplet ramme, runde hjørner)');
	});
});

describe('RealisationChart (server render)', () => {
	it('renders the table alternative behind «Vis som tabell»', () => {
		const { body: raw } = render(RealisationChart, {
			props: {
				caption: 'Realisert mot plan',
				subject: 'Prosjekt A',
				unit: 'kr',
				rows: [
					{ period: '2026-01', planned: 0, realised: 0 },
					{ period: '2026-02', planned: 1000, realised: null }
				]
			}
		});
		const body = html(raw);
		expect(body).toContain('<summary>Vis som tabell</summary>');
		expect(body).toContain('<th scope="row">februar 2026</th>');
		expect(body).toContain('<td>1 000 kr</td><td>–</td>');
	});
});
