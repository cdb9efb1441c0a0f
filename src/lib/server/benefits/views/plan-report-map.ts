/**
 * The gevinstrealiseringsplan's gevinstkart (plan-report.ts): drawn from the page's own layout
 * (reports/map-svg.ts) when it fits a page legibly, and always as a table of its links.
 */
import { getMission, listEffectGoals } from '../../db/queries/mission';
import { listChangesByProjects, listLinksByProjects } from '../../db/queries/benefits';
import { listMapRows } from '../../db/queries/benefit-map';
import { type PdfReport, chartWidth } from '../../reports/pdf';
import { benefitMapSvg } from '../../reports/map-svg';
import type { TableSpec } from '../../reports/table';
import { buildMapInput } from '$lib/domain/benefits/map-input';
import { NODE_KINDS, type NodeKind } from '$lib/domain/benefits/vocabulary';
import { nodeKindLabel } from '$lib/labels-benefits';
import { m as msg } from '$lib/paraglide/messages';
import { benefitMapLayouts } from '../map-layout';

/**
 * Smallest scale a map is drawn at: node labels are 13 px, so below this they would print
 * under 5 pt. A larger map is left to the table and the page (Gevinster → Gevinstkart).
 */
const MAP_MIN_SCALE = 0.385;

export function drawMap(pdf: PdfReport, projectId: number, title: string) {
	const mission = getMission();
	if (!mission) return;
	const map = buildMapInput(
		{ ...listMapRows([projectId]), goals: listEffectGoals(mission.id) },
		null,
		msg.benefits_disbenefit(),
		msg.benefits_node_goal()
	);
	if (!map.nodes.length) return;
	const laidOut = benefitMapLayouts.layout(map.nodes, map.edges);
	// The cached layout names its bands in bokmål (charts/benefit-map-layout.ts); the reader's words.
	const layout = {
		...laidOut,
		bands: laidOut.bands.map((b) => ({ ...b, label: nodeKindLabel(b.kind) }))
	};
	const svg = benefitMapSvg(layout);
	if (chartWidth(svg) / svg.width < MAP_MIN_SCALE) {
		pdf.paragraph(msg.export_plan_map_too_large({ count: String(map.nodes.length) }));
		return;
	}
	pdf.chart(svg, msg.export_plan_map_chart({ title }));
}

export function gainMapTable(
	projectId: number,
	benefits: { id: number; title: string }[],
	measures: { id: number; title: string }[],
	missionId: number | null
): TableSpec {
	const titles: Record<NodeKind, Map<number, string>> = {
		measure: new Map(measures.map((m) => [m.id, m.title])),
		change: new Map(listChangesByProjects([projectId]).map((c) => [c.id, c.title])),
		benefit: new Map(benefits.map((b) => [b.id, b.title])),
		goal: new Map(missionId === null ? [] : listEffectGoals(missionId).map((g) => [g.id, g.title]))
	};
	const order = (k: NodeKind) => NODE_KINDS.indexOf(k);
	const links = listLinksByProjects([projectId]).sort(
		(a, b) =>
			order(a.fromKind) - order(b.fromKind) ||
			order(a.toKind) - order(b.toKind) ||
			a.fromId - b.fromId ||
			a.toId - b.toId
	);
	const name = (kind: NodeKind, id: number) => titles[kind].get(id) ?? `#${id}`;
	return {
		caption: msg.export_plan_links_caption(),
		columns: [
			{ header: msg.export_plan_col_from(), width: 60 },
			{ header: msg.export_plan_col_from(), width: '*' },
			{ header: msg.export_plan_col_to(), width: 60 },
			{ header: msg.export_plan_col_to(), width: '*' }
		],
		rows: links.map((l) => [
			nodeKindLabel(l.fromKind),
			name(l.fromKind, l.fromId),
			nodeKindLabel(l.toKind),
			name(l.toKind, l.toId)
		]),
		empty: msg.export_plan_no_links()
	};
}
