/**
 * The benefit map as a graph (seed 001, chapter 6 «Gevinstarbeid», page Systemnivå):
 * Tiltak → foreløpig/mellomliggende endring → potensiell nyttevirkning (gevinst) → effektmål,
 * plus endring → endring and gevinst → gevinst. Links form a directed acyclic graph.
 */
import { NODE_KIND_LABEL, NODE_KINDS, type NodeKind } from './vocabulary';

export interface GraphNode {
	id: string;
	kind: NodeKind;
	label: string;
}

export interface GraphEdge {
	from: string;
	to: string;
}

// Tiltak and effektmål are neuter, endring and gevinst common gender.
const INDEFINITE_ARTICLE: Record<NodeKind, string> = {
	measure: 'Et',
	change: 'En',
	benefit: 'En',
	goal: 'Et'
};

const ALLOWED_TARGETS: Record<NodeKind, readonly NodeKind[]> = {
	measure: ['change'],
	change: ['change', 'benefit'],
	benefit: ['benefit', 'goal'],
	goal: []
};

/**
 * Graph ids are `kind:id` because measures, changes, benefits and goals live in separate
 * tables whose numeric ids overlap.
 */
export function nodeKey(kind: NodeKind, id: string | number): string {
	return `${kind}:${id}`;
}

/**
 * An effect goal as the map and its forms name it: «Effektmål 3: …»; `word` is «Effektmål» in
 * the page's language (the domain keeps its bokmål word for the downloads).
 */
export function goalLabel(goal: { number: number; title: string }, word = 'Effektmål'): string {
	return `${word} ${goal.number}: ${goal.title}`;
}

export function isAllowedLink(from: NodeKind, to: NodeKind): boolean {
	return ALLOWED_TARGETS[from].includes(to);
}

/** Null when the link kind is allowed, else a message for the user. */
export function linkKindError(from: NodeKind, to: NodeKind): string | null {
	if (isAllowedLink(from, to)) return null;
	const allowed = ALLOWED_TARGETS[from].map((k) => NODE_KIND_LABEL[k].toLowerCase());
	const tail = allowed.length
		? `${INDEFINITE_ARTICLE[from]} ${NODE_KIND_LABEL[from].toLowerCase()} kan bare kobles til ${allowed.join(' eller ')}.`
		: `Et effektmål er siste ledd i kartet og kan ikke kobles videre.`;
	return `${NODE_KIND_LABEL[from]} kan ikke kobles til ${NODE_KIND_LABEL[to].toLowerCase()}. ${tail}`;
}

/**
 * True when adding from → to would close a cycle, i.e. `from` is already reachable from
 * `to` (a self-loop included). Iterative search, so a long chain cannot overflow the stack.
 */
export function wouldCreateCycle(edges: readonly GraphEdge[], from: string, to: string): boolean {
	if (from === to) return true;
	const successors = new Map<string, string[]>();
	for (const edge of edges) {
		const list = successors.get(edge.from);
		if (list) list.push(edge.to);
		else successors.set(edge.from, [edge.to]);
	}
	const seen = new Set<string>([to]);
	const stack = [to];
	while (stack.length) {
		const current = stack.pop()!;
		for (const next of successors.get(current) ?? []) {
			if (next === from) return true;
			if (!seen.has(next)) {
				seen.add(next);
				stack.push(next);
			}
		}
	}
	return false;
}

/** Why a new link is refused, as a code; the benefits area's messages (`linkMessage`) say it in Norwegian. */
export type LinkRefusal =
	| { code: 'missing' }
	| { code: 'self' }
	| { code: 'kind'; from: NodeKind; to: NodeKind }
	| { code: 'duplicate' }
	| { code: 'cycle'; fromLabel: string; toLabel: string };

/** Every rule for a new link, in the order a user would want to hear about them. */
export function linkRefusal(
	nodes: readonly GraphNode[],
	edges: readonly GraphEdge[],
	from: string,
	to: string
): LinkRefusal | null {
	const byId = new Map(nodes.map((n) => [n.id, n]));
	const source = byId.get(from);
	const target = byId.get(to);
	if (!source || !target) return { code: 'missing' };
	if (from === to) return { code: 'self' };
	if (!isAllowedLink(source.kind, target.kind)) {
		return { code: 'kind', from: source.kind, to: target.kind };
	}
	if (edges.some((e) => e.from === from && e.to === to)) return { code: 'duplicate' };
	if (wouldCreateCycle(edges, from, to)) {
		return { code: 'cycle', fromLabel: source.label, toLabel: target.label };
	}
	return null;
}

export interface OutlineItem {
	id: string;
	kind: NodeKind;
	label: string;
	/** Already listed earlier under the same root; children are not repeated. */
	repeated: boolean;
	children: OutlineItem[];
}

function compareNodes(a: GraphNode, b: GraphNode): number {
	return (
		NODE_KINDS.indexOf(a.kind) - NODE_KINDS.indexOf(b.kind) ||
		a.label.localeCompare(b.label, 'nb') ||
		a.id.localeCompare(b.id)
	);
}

/**
 * The map as nested lists for the text alternative: each starting point (every measure, and
 * any change, benefit or goal nothing leads to) with what follows from it. A node reached
 * twice under the same root is listed again but marked `repeated` instead of expanded, so a
 * dense map cannot grow exponentially.
 */
export function toOutline(nodes: readonly GraphNode[], edges: readonly GraphEdge[]): OutlineItem[] {
	const byId = new Map(nodes.map((n) => [n.id, n]));
	const successors = new Map<string, GraphNode[]>();
	const hasIncoming = new Set<string>();
	for (const edge of edges) {
		const target = byId.get(edge.to);
		if (!byId.has(edge.from) || !target) continue;
		hasIncoming.add(edge.to);
		const list = successors.get(edge.from);
		if (list) list.push(target);
		else successors.set(edge.from, [target]);
	}
	for (const list of successors.values()) list.sort(compareNodes);

	const roots = nodes
		.filter((n) => n.kind === 'measure' || !hasIncoming.has(n.id))
		.sort(compareNodes);

	return roots.map((root) => {
		const listed = new Set<string>();
		const expand = (node: GraphNode, path: Set<string>): OutlineItem => {
			const repeated = listed.has(node.id) || path.has(node.id);
			listed.add(node.id);
			const item: OutlineItem = {
				id: node.id,
				kind: node.kind,
				label: node.label,
				repeated,
				children: []
			};
			if (repeated) return item;
			path.add(node.id);
			item.children = (successors.get(node.id) ?? []).map((next) => expand(next, path));
			path.delete(node.id);
			return item;
		};
		return expand(root, new Set());
	});
}
