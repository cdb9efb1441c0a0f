/**
 * Stored map rows → the nodes and edges the layout draws, one level at a time or all, for a
 * track, a project or the mission (README, «/gevinster/kart»). Pure, so the filtering rules are
 * tested without a database.
 */
import { goalLabel, nodeKey } from './graph';
import { DISBENEFIT_LABEL, type NodeKind, LEVEL_OF_BENEFIT, type BenefitLevel } from './vocabulary';
import type { Level } from '../portfolio/vocabulary';
import { BUILDER_LIST, builderPageOf } from './builder-lists';

export interface MapRows {
	measures: readonly { id: number; projectId: number; title: string }[];
	changes: readonly { id: number; projectId: number; title: string }[];
	benefits: readonly {
		id: number;
		title: string;
		kind: 'kvantitativ' | 'kvalitativ';
		level: BenefitLevel;
		disbenefit?: boolean;
	}[];
	goals: readonly { id: number; number: number; title: string; level: Level }[];
	links: readonly { fromKind: NodeKind; fromId: number; toKind: NodeKind; toId: number }[];
}

export interface MapInput {
	nodes: {
		id: string;
		kind: NodeKind;
		label: string;
		quantitative?: boolean;
		disbenefit?: boolean;
		href?: string;
	}[];
	edges: { from: string; to: string }[];
}

/**
 * A measure's or change's place in its project's map editor: the page of the list that shows
 * it, and its row. The editor lists each project's rows in creation order, a page at a time;
 * `rows` come in that order (id), so a row's place is the count of its project's rows before it.
 */
function editorHref(list: 'measures' | 'changes', anchor: string) {
	const seen = new Map<number, number>();
	return (row: { id: number; projectId: number }) => {
		const index = seen.get(row.projectId) ?? 0;
		seen.set(row.projectId, index + 1);
		const page = builderPageOf(index);
		const query = page > 1 ? `?${BUILDER_LIST[list].param}=${page}` : '';
		return `/gevinster/prosjekt/${row.projectId}${query}#${anchor}-${row.id}`;
	};
}

/**
 * All measures, changes and benefits of the scope; effect goals only where a benefit leads to
 * them. With a level, only that level's benefits and goals stay, and measures and changes
 * that no longer connect to anything drop out.
 */
export function buildMapInput(
	rows: MapRows,
	level: BenefitLevel | null = null,
	/** The word before a dis-benefit's title, in the page's language. */
	disbenefitWord: string = DISBENEFIT_LABEL,
	/** The word before an effect goal's number («Effektmål 1: …»), in the page's language. */
	goalWord?: string
): MapInput {
	const nodes = new Map<string, MapInput['nodes'][number]>();
	const measureHref = editorHref('measures', 'tiltak');
	for (const m of rows.measures) {
		nodes.set(nodeKey('measure', m.id), {
			id: nodeKey('measure', m.id),
			kind: 'measure',
			label: m.title,
			href: measureHref(m)
		});
	}
	const changeHref = editorHref('changes', 'endring');
	for (const c of rows.changes) {
		nodes.set(nodeKey('change', c.id), {
			id: nodeKey('change', c.id),
			kind: 'change',
			label: c.title,
			href: changeHref(c)
		});
	}
	for (const b of rows.benefits) {
		if (level && b.level !== level) continue;
		nodes.set(nodeKey('benefit', b.id), {
			id: nodeKey('benefit', b.id),
			kind: 'benefit',
			// A dis-benefit says so in its own text, not only by its frame (WCAG 1.4.1).
			label: b.disbenefit ? `${disbenefitWord}: ${b.title}` : b.title,
			quantitative: b.kind === 'kvantitativ',
			...(b.disbenefit ? { disbenefit: true } : {}),
			href: `/gevinster/${b.id}`
		});
	}
	const goals = new Map(
		rows.goals
			.filter((g) => !level || g.level === LEVEL_OF_BENEFIT[level])
			.map((g) => [
				nodeKey('goal', g.id),
				{
					id: nodeKey('goal', g.id),
					kind: 'goal' as const,
					label: goalLabel(g, goalWord),
					// The goal's row on /styring, which everyone signed in may open.
					href: `/styring#effektmal-${g.id}`
				}
			])
	);
	const edges: MapInput['edges'] = [];
	for (const l of rows.links) {
		const from = nodeKey(l.fromKind, l.fromId);
		const to = nodeKey(l.toKind, l.toId);
		if (!nodes.has(from)) continue;
		const goal = goals.get(to);
		if (goal) nodes.set(to, goal);
		if (nodes.has(to)) edges.push({ from, to });
	}
	if (level) {
		// Keep measures and changes only on a path to something of this level.
		const keep = new Set<string>();
		for (const n of nodes.values()) if (n.kind === 'benefit' || n.kind === 'goal') keep.add(n.id);
		let grew = true;
		while (grew) {
			grew = false;
			for (const e of edges) {
				if (keep.has(e.to) && !keep.has(e.from)) {
					keep.add(e.from);
					grew = true;
				}
			}
		}
		for (const id of [...nodes.keys()]) if (!keep.has(id)) nodes.delete(id);
	}
	return {
		nodes: [...nodes.values()],
		edges: edges.filter((e) => nodes.has(e.from) && nodes.has(e.to))
	};
}
