import { describe, expect, it } from 'vitest';
import { layoutBenefitMap } from './benefit-map-layout';
import { benefitMapMarkup, escapeXml } from './benefit-map-svg';

describe('benefitMapMarkup', () => {
	const layout = layoutBenefitMap(
		[
			{ id: 'measure:1', kind: 'measure', label: 'Tiltak <b>"1"</b> & co', href: '/t?a=1&b="2"' },
			{
				id: 'benefit:1',
				kind: 'benefit',
				label:
					'En svært lang gevinst som ikke får plass på fire linjer i noden, selv om den får god plass',
				quantitative: false
			}
		],
		[{ from: 'measure:1', to: 'benefit:1' }]
	);
	const markup = benefitMapMarkup(layout, 'kart-arrow');

	it('escapes every label and link taken from a row', () => {
		expect(markup).not.toContain('<b>');
		expect(markup).toContain(
			'aria-label="Tiltak: Tiltak &lt;b&gt;&quot;1&quot;&lt;/b&gt; &amp; co"'
		);
		expect(markup).toContain('href="/t?a=1&amp;b=&quot;2&quot;"');
		expect(escapeXml(`<'&">`)).toBe('&lt;&#39;&amp;&quot;&gt;');
	});

	it('draws a node as a link or a named image, with a tooltip only for a cut label', () => {
		expect(markup.match(/<a /g)).toHaveLength(1);
		expect(markup).toContain('<g role="img" aria-label="Kvalitativ gevinst: En svært lang');
		expect(markup.match(/<title>/g)).toHaveLength(1);
		expect(markup).toContain('class="node node-benefit qualitative"');
		expect(markup).toContain('marker-end="url(#kart-arrow)"');
	});
});

describe('benefit map keyboard order and descriptions', () => {
	// Given in the reverse of the arrows, and the lower change first.
	const layout = layoutBenefitMap(
		[
			{ id: 'goal:1', kind: 'goal', label: 'Effektmål 1', href: '/styring#effektmal-1' },
			{ id: 'benefit:1', kind: 'benefit', label: 'Gevinst', href: '/g/1', quantitative: true },
			{ id: 'change:2', kind: 'change', label: 'Endring B', href: '/e/2' },
			{ id: 'change:1', kind: 'change', label: 'Endring A', href: '/e/1' },
			{ id: 'measure:1', kind: 'measure', label: 'Tiltak', href: '/t/1' }
		],
		[
			{ from: 'measure:1', to: 'change:1' },
			{ from: 'measure:1', to: 'change:2' },
			{ from: 'change:1', to: 'benefit:1' },
			{ from: 'change:2', to: 'benefit:1' },
			{ from: 'benefit:1', to: 'goal:1' }
		]
	);
	const markup = benefitMapMarkup(layout, 'a');
	const order = [...markup.matchAll(/<a href="([^"]+)"/g)].map((m) => m[1]);

	it('puts the nodes in Tab order along the arrows, top to bottom in a column', () => {
		const y = (id: string) => layout.nodes.find((n) => n.id === id)!.y;
		const changes = y('change:1') < y('change:2') ? ['/e/1', '/e/2'] : ['/e/2', '/e/1'];
		expect(order).toEqual(['/t/1', ...changes, '/g/1', '/styring#effektmal-1']);
	});

	it('describes what each node leads to; an effect goal is a link too', () => {
		expect(markup).toContain('<desc>Fører til Endring: Endring');
		expect(markup).toContain('<desc>Fører til Effektmål: Effektmål 1</desc>');
		expect(markup).not.toContain('role="img"');
	});
});
