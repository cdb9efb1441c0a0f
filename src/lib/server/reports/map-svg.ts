/**
 * The gevinstkart as a standalone SVG for a PDF: the same layout the page draws
 * (charts/benefit-map-layout.ts, BenefitMap.svelte) — bands Tiltak → Endring → Gevinst →
 * Effektmål, nodes with their wrapped labels, curved links — with colours in attributes (a PDF
 * has no stylesheet) and each arrowhead drawn as a triangle, since PDFKit's SVG support does not
 * draw markers. A quantitative benefit has a solid frame and «#», a qualitative one a dashed
 * frame, round corners and «≈»: the kind never rests on colour alone (WCAG 1.4.1).
 */
import { curveBasis, line } from 'd3-shape';
import type { BenefitMapLayout, Point } from '$lib/charts/benefit-map-layout';
import type { ChartSvg } from './chart-svg';

const INK = '#111827';
const EDGE = '#4b5563';
const FILL = {
	measure: '#dbeafe',
	change: '#fef3c7',
	benefit: '#dcfce7',
	goal: '#fce7f3'
} as const;
const HEADER_Y = 24;
const LINE_HEIGHT = 16;
const PADDING_Y = 10;

const escapeXml = (s: string) =>
	s.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c]!);

const path = line<Point>()
	.x((p) => p.x)
	.y((p) => p.y)
	.curve(curveBasis);

/** A filled triangle at the end of the link, pointing along its last segment. */
function arrowhead(points: readonly Point[]): string {
	const end = points[points.length - 1]!;
	const before = points[points.length - 2] ?? { x: end.x - 1, y: end.y };
	const angle = Math.atan2(end.y - before.y, end.x - before.x);
	const corner = (turn: number) =>
		`${(end.x - 8 * Math.cos(angle + turn)).toFixed(1)},${(end.y - 8 * Math.sin(angle + turn)).toFixed(1)}`;
	return `<path d="M${end.x.toFixed(1)},${end.y.toFixed(1)} L${corner(0.45)} L${corner(-0.45)} Z" fill="${EDGE}"/>`;
}

export function benefitMapSvg(layout: BenefitMapLayout): ChartSvg {
	const bands = layout.bands
		.map(
			(b, i) =>
				`<rect x="${b.x0}" y="0" width="${b.x1 - b.x0}" height="${layout.height}" fill="${i % 2 ? '#f3f4f6' : '#ffffff'}"/>` +
				`<text x="${b.x0 + 12}" y="${HEADER_Y}" font-size="13" font-weight="bold" fill="${INK}">${escapeXml(b.label)}</text>`
		)
		.join('');
	const edges = layout.edges
		.map(
			(e) =>
				`<path d="${path(e.points) ?? ''}" fill="none" stroke="${EDGE}" stroke-width="1.25"/>${arrowhead(e.points)}`
		)
		.join('');
	const nodes = layout.nodes
		.map((n) => {
			const frame = n.disbenefit
				? 'stroke-width="3.5" stroke-dasharray="2 3" rx="3"'
				: n.quantitative === false
					? 'stroke-width="1.5" stroke-dasharray="6 3" rx="14"'
					: `stroke-width="${n.quantitative ? 2.5 : 1.5}" rx="3"`;
			const badge =
				n.quantitative === null
					? ''
					: `<text x="${n.x + n.width - 8}" y="${n.y + 16}" text-anchor="end" font-size="13" font-weight="bold" fill="${INK}">${n.disbenefit ? '−' : n.quantitative ? '#' : '≈'}</text>`;
			const lines = n.lines
				.map(
					(text, i) =>
						`<text x="${n.x + 8}" y="${n.y + PADDING_Y + 12 + i * LINE_HEIGHT}" font-size="13" fill="${INK}">${escapeXml(text)}</text>`
				)
				.join('');
			return (
				`<rect x="${n.x}" y="${n.y}" width="${n.width}" height="${n.height}" fill="${FILL[n.kind]}" stroke="#1f2937" ${frame}/>` +
				badge +
				lines
			);
		})
		.join('');
	const svg =
		`<svg xmlns="http://www.w3.org/2000/svg" width="${layout.width}" height="${layout.height}" ` +
		`viewBox="0 0 ${layout.width} ${layout.height}" font-family="Roboto, sans-serif">${bands}${edges}${nodes}</svg>`;
	return { svg, width: layout.width, height: layout.height };
}
