/**
 * The benefit map's drawing (bands, links and nodes) as SVG markup, from its layout. Pure, so
 * the server and the browser build the same text from the same layout.
 *
 * Why markup and not a Svelte template: a 1 000-node map is some 7 000 SVG elements, and
 * hydrating a template walks and wires every one of them, while markup in `{@html}` is
 * adopted as the server sent it (bench/results/benefit-map-layout.md). Every text and
 * attribute value that comes from a row (labels, links) goes through `escapeXml`.
 */
import { line, curveBasis } from 'd3-shape';
import type { BenefitMapLayout, LaidOutNode, Point } from './benefit-map-layout';
import { nodeKindLabel } from '../labels-benefits';
import { m } from '../paraglide/messages';

const HEADER_Y = 24;
const LINE_HEIGHT = 16;
const PADDING_Y = 10;

const ENTITIES: Record<string, string> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&#39;'
};

/** Text safe inside an element or a double-quoted attribute (XML 1.0 §2.4, §3.3.3). */
export function escapeXml(text: string): string {
	return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

const path = line<Point>()
	.x((p) => p.x)
	.y((p) => p.y)
	.curve(curveBasis)
	// A tenth of a pixel is finer than a screen shows; the full doubles tripled the edges' bytes.
	.digits(1);

/** A node's name for screen readers: its kind (a benefit's type too) and label. */
export function accessibleName(node: LaidOutNode): string {
	// A dis-benefit's label begins «Ulempe:» already (domain/benefits/map-input.ts).
	if (node.disbenefit)
		return node.quantitative
			? m.benefits_map_disbenefit_quantitative({ label: node.label })
			: m.benefits_map_disbenefit_qualitative({ label: node.label });
	const kind =
		node.quantitative === true
			? m.benefits_map_quantitative()
			: node.quantitative === false
				? m.benefits_map_qualitative()
				: nodeKindLabel(node.kind);
	return `${kind}: ${node.label}`;
}

/**
 * One node, in as few elements as reads the same: the focus ring is the node's own border
 * (styled by BenefitMap), the first line is the text's own content, and a tooltip (`title`)
 * is there only for a label cut short.
 */
function nodeMarkup(node: LaidOutNode, leadsTo: string): string {
	const name = escapeXml(accessibleName(node));
	// Every node is a link, so every node is reached with Tab (WCAG 2.1.1); a node without a
	// page of its own is still drawn, but as an image.
	const open = node.href
		? `<a href="${escapeXml(node.href)}" aria-label="${name}">`
		: `<g role="img" aria-label="${name}">`;
	const close = node.href ? '</a>' : '</g>';
	// The node's accessible description (SVG-AAM: <desc>): what its arrows lead to.
	const desc = leadsTo ? `<desc>${escapeXml(leadsTo)}</desc>` : '';
	const kindClass =
		node.quantitative === true
			? ' quantitative'
			: node.quantitative === false
				? ' qualitative'
				: '';
	const disClass = node.disbenefit ? ' disbenefit' : '';
	const title = node.lines.at(-1)?.endsWith('…') ? `<title>${escapeXml(node.label)}</title>` : '';
	const rect = `<rect class="node node-${node.kind}${kindClass}${disClass}" x="${node.x}" y="${node.y}" width="${node.width}" height="${node.height}" rx="${node.quantitative === false ? 14 : 3}"/>`;
	// Icon as well as border style, so the kind never depends on colour alone.
	const badge =
		node.quantitative === null
			? ''
			: `<text class="badge" x="${node.x + node.width - 8}" y="${node.y + 16}" text-anchor="end" aria-hidden="true">${node.disbenefit ? '−' : node.quantitative ? '#' : '≈'}</text>`;
	const x = node.x + 8;
	const [first = '', ...rest] = node.lines;
	const more = rest
		.map((text) => `<tspan x="${x}" dy="${LINE_HEIGHT}">${escapeXml(text)}</tspan>`)
		.join('');
	const label = `<text class="label" x="${x}" y="${node.y + PADDING_Y + 12}" aria-hidden="true">${escapeXml(first)}${more}</text>`;
	return `${open}${desc}${title}${rect}${badge}${label}${close}`;
}

/** The drawing inside the map's `<svg>`; `arrowId` is the id of its arrowhead marker. */
export function benefitMapMarkup(layout: BenefitMapLayout, arrowId: string): string {
	const bands = layout.bands
		.map(
			(band, i) =>
				`<rect class="band${i % 2 === 1 ? ' odd' : ''}" x="${band.x0}" y="0" width="${band.x1 - band.x0}" height="${layout.height}"/>` +
				`<text class="band-label" x="${band.x0 + 12}" y="${HEADER_Y}">${escapeXml(nodeKindLabel(band.kind))}</text>`
		)
		.join('');
	const marker = `url(#${escapeXml(arrowId)})`;
	const edges = layout.edges
		.map((edge) => `<path class="edge" d="${path(edge.points) ?? ''}" marker-end="${marker}"/>`)
		.join('');
	const byId = new Map(layout.nodes.map((n) => [n.id, n]));
	const targets = new Map<string, string[]>();
	for (const edge of layout.edges) {
		const to = byId.get(edge.to);
		if (to) targets.set(edge.from, [...(targets.get(edge.from) ?? []), accessibleName(to)]);
	}
	// Document order is Tab order (WCAG 2.4.3): column by column along the arrows, and top to
	// bottom within a column.
	const nodes = [...layout.nodes]
		.sort((a, b) => a.x - b.x || a.y - b.y)
		.map((node) => {
			const to = targets.get(node.id) ?? [];
			return nodeMarkup(node, to.length ? m.benefits_map_leads_to({ to: to.join('; ') }) : '');
		})
		.join('');
	return `${bands}<g aria-hidden="true">${edges}</g>${nodes}`;
}

/**
 * The arrowhead's id in a drawing fetched on its own (MapView above INLINE_MAP_LIMIT, the
 * standalone document): one map a page, so one fixed id the server can write in advance.
 */
export const FETCHED_ARROW_ID = 'gevinstkart-pil';

/** The arrowhead marker BenefitMap.svelte puts in the map's `<defs>`. */
const arrowMarker = (id: string) =>
	`<marker id="${escapeXml(id)}" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" class="arrow"/></marker>`;

/**
 * BenefitMap.svelte's look for the drawing as a document of its own, where the page's
 * stylesheet does not reach: the same fills, borders and focus ring (WCAG 1.4.1, 2.4.7).
 */
const DOCUMENT_STYLE = [
	'svg{font-family:system-ui,sans-serif;font-size:13px}',
	'.band{fill:#fff}.band.odd{fill:#f3f4f6}.band-label{font-weight:700;fill:#111827}',
	'.edge{fill:none;stroke:#4b5563;stroke-width:1.25}.arrow{fill:#4b5563}',
	'.node{stroke:#1f2937;stroke-width:1.5}.node-measure{fill:#dbeafe}.node-change{fill:#fef3c7}',
	'.node-benefit{fill:#dcfce7}.node-goal{fill:#fce7f3}.node.quantitative{stroke-width:2.5}',
	'.node.qualitative{stroke-dasharray:6 3}',
	'.node.disbenefit{fill:#fee2e2;stroke-width:3.5;stroke-dasharray:2 3}',
	'.label,.badge{fill:#111827}.badge{font-weight:700}a:focus{outline:none}',
	'a:focus-visible .node{stroke:#1d4ed8;stroke-width:5;stroke-dasharray:none}',
	'a:hover .node{stroke-width:3}'
].join('');

/**
 * The map as a standalone SVG document (image/svg+xml): what a reader without script opens
 * from the map's page, with the same nodes, links and names as the drawing on the page.
 */
export function benefitMapDocument(layout: BenefitMapLayout, markup: string, caption: string) {
	const { width, height } = layout;
	return (
		`<?xml version="1.0" encoding="UTF-8"?>\n` +
		`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="group" aria-label="${escapeXml(caption)}">` +
		`<title>${escapeXml(caption)}</title><style>${DOCUMENT_STYLE}</style>` +
		`<defs>${arrowMarker(FETCHED_ARROW_ID)}</defs>${markup}</svg>`
	);
}
