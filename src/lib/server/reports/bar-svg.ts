/**
 * The steering bar charts (src/lib/charts/steering.ts) as a standalone SVG for a PDF: the same
 * spec the page draws with SteeringBars.svelte, with fills and fonts in attributes, since a PDF
 * has no stylesheet. Every bar keeps its number as text beside it (WCAG 1.4.1 in print too).
 */
import type { BarChartSpec } from '$lib/charts/steering';
import type { ChartSvg } from './chart-svg';

const INK = '#1b1f24';
const FILL = { planned: '#ffffff', realised: '#1f4e79', share: '#1f4e79' } as const;
const STROKE = { planned: '#4a5360', realised: '#1f4e79', share: '#1f4e79' } as const;

const escapeXml = (s: string) =>
	s.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c]!);

/** Labels longer than the label column are cut with an ellipsis (Roboto 11 px ≈ 6 px a letter). */
function fit(label: string, width: number): string {
	const room = Math.floor(width / 6) - 1;
	return label.length <= room ? label : `${label.slice(0, room - 1)}…`;
}

export function barChartSvg(spec: BarChartSpec): ChartSvg {
	const panels = spec.panels
		.map((panel, i) => {
			const bars = panel.bars
				.map((bar, j) => {
					const y = j * (spec.barHeight + 2);
					return (
						`<rect x="${spec.labelWidth}" y="${y + 2}" width="${Math.max(bar.width, 1)}" height="${spec.barHeight - 2}" fill="${FILL[bar.kind]}" stroke="${STROKE[bar.kind]}"/>` +
						`<text x="${spec.labelWidth + bar.width + 6}" y="${y + spec.barHeight - 1}" font-size="10" fill="${INK}">${escapeXml(bar.text)}</text>`
					);
				})
				.join('');
			return (
				`<g transform="translate(0,${i * spec.panelHeight})">` +
				`<text x="0" y="${spec.barHeight}" font-size="11" fill="${INK}">${escapeXml(fit(panel.label, spec.labelWidth - 8))}</text>` +
				`${bars}</g>`
			);
		})
		.join('');
	const svg =
		`<svg xmlns="http://www.w3.org/2000/svg" width="${spec.width}" height="${spec.height}" ` +
		`viewBox="0 0 ${spec.width} ${spec.height}" font-family="Roboto, sans-serif">${panels}</svg>`;
	return { svg, width: spec.width, height: spec.height };
}
