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
