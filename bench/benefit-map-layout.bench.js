// JavaScript, not TypeScript: bench/ is outside the tsconfig the linter's project service
// reads, and vitest runs the TypeScript modules it imports either way.
/**
 * Layout time of the benefit map in Node (a map of 1 000 nodes; README, «Ytelsesmåling»).
 * Run: npx vitest bench --run bench/
 * Each case also prints a table with the median of several runs and the edge crossings.
 */
import { afterAll, bench, describe } from 'vitest';
import { countEdgeCrossings, layoutBenefitMap } from '../src/lib/charts/benefit-map-layout';
import { generateMap } from './generate-map';

const SIZES = [150, 1000];
const RUNS = 5;

/** @param {number[]} values */
function median(values) {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** @type {Record<string, string | number>[]} */
const summary = [];

describe('layoutBenefitMap', () => {
	for (const size of SIZES) {
		const map = generateMap(size, 42);
		bench(`${size} nodes`, () => void layoutBenefitMap(map.nodes, map.edges), {
			iterations: size > 500 ? 3 : 10,
			time: 0
		});
	}
});

afterAll(() => {
	for (const size of SIZES) {
		const map = generateMap(size, 42);
		/** @type {number[]} */
		const times = [];
		let crossings = 0;
		for (let i = 0; i < RUNS; i++) {
			const start = performance.now();
			const layout = layoutBenefitMap(map.nodes, map.edges);
			times.push(performance.now() - start);
			crossings = countEdgeCrossings(layout);
		}
		summary.push({
			nodes: size,
			edges: map.edges.length,
			'median ms': Math.round(median(times)),
			'min ms': Math.round(Math.min(...times)),
			'max ms': Math.round(Math.max(...times)),
			crossings
		});
	}
	console.table(summary);
	// 1 000 nodes take seconds per run; the default 10 s hook timeout is too short.
}, 300_000);
