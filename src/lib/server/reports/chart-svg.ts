/**
 * Charts for reports, drawn on the server from the same specs the pages draw
 * (src/lib/charts/*.ts: data → Plot options): Observable Plot renders into a DOM given as its
 * `document` option (https://observablehq.com/plot/features/plots#plot-options: «document —
 * the document used to create plot elements»), here linkedom's, and the result is a standalone
 * SVG string that the PDF builder draws as vector graphics. Nothing here touches a browser.
 */
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';

/** Text colour of axes and labels in print, the app's body text colour. */
const INK = '#1b1f24';
const SVG_NS = 'http://www.w3.org/2000/svg';
const LEGEND_HEIGHT = 22;
const ARROWS = /\s*[←↑→↓]\s*/g;

export interface ChartSvg {
	svg: string;
	width: number;
	height: number;
}

type Elementish = {
	tagName: string;
	children: ArrayLike<Elementish>;
	textContent: string | null;
	getAttribute(name: string): string | null;
	setAttribute(name: string, value: string): void;
	removeAttribute(name: string): void;
	querySelectorAll(selector: string): ArrayLike<Elementish>;
	remove(): void;
	outerHTML: string;
};

const escapeXml = (s: string) =>
	s.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c]!);

/**
 * The legend Plot draws as HTML swatches beside the chart (a colour legend), read back as
 * label and colour so it can be drawn inside the SVG: a PDF has no HTML.
 */
function swatches(figure: Elementish): { label: string; fill: string }[] {
	const out: { label: string; fill: string }[] = [];
	for (const span of Array.from(figure.querySelectorAll('span'))) {
		const cls = span.getAttribute('class') ?? '';
		if (!/-swatch(\s|$)/.test(cls)) continue;
		const swatch = span.querySelectorAll('svg')[0];
		const fill = swatch?.getAttribute('fill') ?? swatch?.getAttribute('stroke') ?? INK;
		out.push({ label: (span.textContent ?? '').trim(), fill });
	}
	return out;
}

function legendMarkup(items: { label: string; fill: string }[]): string {
	let x = 0;
	return items
		.map(({ label, fill }) => {
			const g = `<g transform="translate(${x},4)"><rect width="12" height="12" fill="${escapeXml(fill)}"/><text x="16" y="10" font-size="11" fill="${INK}">${escapeXml(label)}</text></g>`;
			// Roboto at 11 px averages a little over 6 px per character.
			x += 16 + label.length * 6.5 + 16;
			return g;
		})
		.join('');
}

/** Fills, strokes and fonts set in attributes, so the SVG needs no stylesheet. */
function forPrint(svg: Elementish): void {
	for (const style of Array.from(svg.querySelectorAll('style'))) style.remove();
	const all = [svg, ...Array.from(svg.querySelectorAll('*'))];
	for (const el of all) {
		for (const attr of ['fill', 'stroke', 'color']) {
			if (el.getAttribute(attr) === 'currentColor') el.setAttribute(attr, INK);
		}
		// Plot's own class names carry its scoped stylesheet, which is gone.
		el.removeAttribute('class');
		// Plot's axis-label arrows (↑ Kumulativ gevinst, Måned →) are not in the embedded font.
		if (el.tagName.toLowerCase() === 'text' && /[←↑→↓]/.test(el.textContent ?? '')) {
			el.textContent = (el.textContent ?? '').replace(ARROWS, '').trim();
		}
	}
	svg.setAttribute('font-family', 'Roboto, sans-serif');
}

/**
 * Renders Plot options (e.g. `realisationPlotOptions(rows, …)`) to a standalone SVG with its
 * colour legend drawn in, sized as the options say.
 */
export function plotToSvg(options: Plot.PlotOptions): ChartSvg {
	const { document } = parseHTML('<!doctype html><html><head></head><body></body></html>');
	const node = Plot.plot({
		...options,
		document: document as unknown as Document
	}) as unknown as Elementish;
	const chart =
		node.tagName.toLowerCase() === 'svg'
			? node
			: Array.from(node.children).find((c) => c.tagName.toLowerCase() === 'svg');
	if (!chart) throw new Error('Plot ga ingen SVG');
	const legend = node === chart ? [] : swatches(node);
	forPrint(chart);
	const width = Number(chart.getAttribute('width') ?? options.width ?? 640);
	const height = Number(chart.getAttribute('height') ?? options.height ?? 400);
	chart.removeAttribute('style');
	const inner = chart.outerHTML;
	if (!legend.length) {
		chart.setAttribute('xmlns', SVG_NS);
		return { svg: chart.outerHTML, width, height };
	}
	const total = height + LEGEND_HEIGHT;
	const svg =
		`<svg xmlns="${SVG_NS}" width="${width}" height="${total}" viewBox="0 0 ${width} ${total}" font-family="Roboto, sans-serif">` +
		`<g>${legendMarkup(legend)}</g>` +
		`<g transform="translate(0,${LEGEND_HEIGHT})">${inner}</g></svg>`;
	return { svg, width, height: total };
}
