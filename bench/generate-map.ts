/**
 * A deterministic pseudo-random benefit map of N nodes, for the layout benchmark and the
 * layout's scale tests. Shaped like seed 001's maps: few measures and goals, most nodes
 * changes and benefits; each node mostly linked to neighbours of "its" measure (locality), with
 * a share of links across the map, as when one change feeds benefits of several measures.
 */
import type { MapEdgeInput, MapNodeInput } from '../src/lib/charts/benefit-map-layout';

export interface GeneratedMap {
	nodes: MapNodeInput[];
	edges: MapEdgeInput[];
}

/** mulberry32: tiny, fast, and the same sequence on every platform for the same seed. */
export function mulberry32(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const WORDS = [
	'økt',
	'bevissthet',
	'om',
	'brukerbehov',
	'felles',
	'forståelse',
	'for',
	'utfordringer',
	'koordinerte',
	'tjenester',
	'færre',
	'statlige',
	'veiledere',
	'bedre',
	'samhandling',
	'mellom',
	'kommune',
	'og',
	'spesialisthelsetjeneste',
	'mindre',
	'tidsbruk',
	'familien',
	'skolestart',
	'individuell',
	'plan',
	'tillit',
	'til',
	'offentlig',
	'sektor'
];

function label(random: () => number, prefix: string, index: number): string {
	const length = 2 + Math.floor(random() * 9);
	const words = Array.from({ length }, () => WORDS[Math.floor(random() * WORDS.length)]!);
	return `${prefix} ${index + 1}: ${words.join(' ')}`;
}

/** Picks from `pool` near relative position `at` (0–1) most of the time, anywhere otherwise. */
function pickNear<T>(random: () => number, pool: readonly T[], at: number): T {
	if (random() < 0.8) {
		const window = Math.max(2, Math.round(pool.length * 0.08));
		const centre = Math.round(at * (pool.length - 1));
		const offset = Math.floor(random() * (2 * window + 1)) - window;
		const index = Math.min(pool.length - 1, Math.max(0, centre + offset));
		return pool[index]!;
	}
	return pool[Math.floor(random() * pool.length)]!;
}

export function generateMap(nodeCount: number, seed = 42): GeneratedMap {
	const random = mulberry32(seed);
	const measureCount = Math.max(1, Math.round(nodeCount * 0.1));
	const goalCount = Math.max(1, Math.round(nodeCount * 0.04));
	const changeCount = Math.max(1, Math.round((nodeCount - measureCount - goalCount) * 0.45));
	const benefitCount = Math.max(1, nodeCount - measureCount - goalCount - changeCount);

	const make = (kind: MapNodeInput['kind'], prefix: string, count: number): MapNodeInput[] =>
		Array.from({ length: count }, (_, i) => ({
			id: `${kind}:${i + 1}`,
			kind,
			label: label(random, prefix, i),
			quantitative: kind === 'benefit' ? random() < 0.5 : undefined,
			href: `/kart/${kind}/${i + 1}`
		}));

	const measures = make('measure', 'Tiltak', measureCount);
	const changes = make('change', 'Endring', changeCount);
	const benefits = make('benefit', 'Gevinst', benefitCount);
	const goals = make('goal', 'Effektmål', goalCount);

	const edges = new Map<string, MapEdgeInput>();
	const link = (from: MapNodeInput, to: MapNodeInput) => {
		edges.set(`${from.id}>${to.id}`, { from: from.id, to: to.id });
	};

	changes.forEach((change, i) => {
		const at = i / Math.max(1, changes.length - 1);
		// Earlier changes only, so change → change links never close a cycle.
		if (i > 0 && random() < 0.2) link(pickNear(random, changes.slice(0, i), at), change);
		else link(pickNear(random, measures, at), change);
		if (random() < 0.25) link(pickNear(random, measures, at), change);
	});
	benefits.forEach((benefit, i) => {
		const at = i / Math.max(1, benefits.length - 1);
		link(pickNear(random, changes, at), benefit);
		if (random() < 0.3) link(pickNear(random, changes, at), benefit);
		if (i > 0 && random() < 0.15) link(pickNear(random, benefits.slice(0, i), at), benefit);
	});
	benefits.forEach((benefit, i) => {
		const at = i / Math.max(1, benefits.length - 1);
		if (random() < 0.6) link(benefit, pickNear(random, goals, at));
	});

	return { nodes: [...measures, ...changes, ...benefits, ...goals], edges: [...edges.values()] };
}
