// JavaScript, not TypeScript: bench/ is outside the tsconfig the linter's project service
// reads; `node --import tsx` runs the TypeScript modules it imports.
/**
 * CPU time, crossings and total edge length of the benefit map layout in Node, the figures of
 * bench/results/benefit-map-layout.md. Run under the heavy lock on the shared machine:
 *   flock /tmp/misjonskart-heavy.lock node --import tsx bench/benefit-map-layout-cpu.js \
 *     [sizes] [runs] [seed] [module …]
 * e.g. `… 150,301,500,1000 11 42 bench/results/old-layout.ts current`. Each `module` is a copy
 * of another version of the layout module (`git show main:src/lib/charts/benefit-map-layout.ts`
 * saved in bench/results/, its imports pointed back at src/lib), or `current` (the default) for
 * this checkout's. With several, their runs alternate in one process (A, B, B, A, …), so a
 * change in the machine's load falls on all of them alike. CPU ms is `process.cpuUsage`
 * (user + system) of this process per layout, median after two warm-up runs per size and
 * module; the load average is printed beside the figures.
 */
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateMap } from './generate-map';

/** @typedef {typeof import('../src/lib/charts/benefit-map-layout')} LayoutModule */
/** @typedef {import('../src/lib/charts/benefit-map-layout').BenefitMapLayout} BenefitMapLayout */

const sizes = (process.argv[2] ?? '150,301,500,1000').split(',').map(Number);
const runs = Number(process.argv[3] ?? 9);
const seed = Number(process.argv[4] ?? 42);
const names = process.argv.length > 5 ? process.argv.slice(5) : ['current'];
/** @type {LayoutModule[]} */
const modules = [];
for (const name of names) {
	modules.push(
		await import(
			name === 'current'
				? '../src/lib/charts/benefit-map-layout'
				: pathToFileURL(resolve(name)).href
		)
	);
}

/** @param {number[]} values */
function median(values) {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Sum of the drawn polylines' lengths, in px.
 * @param {BenefitMapLayout} layout
 */
function edgeLength(layout) {
	let total = 0;
	for (const edge of layout.edges) {
		for (let i = 1; i < edge.points.length; i++) {
			const a = edge.points[i - 1];
			const b = edge.points[i];
			total += Math.hypot(b.x - a.x, b.y - a.y);
		}
	}
	return total;
}

const rows = [];
for (const size of sizes) {
	const map = generateMap(size, seed);
	/** @type {number[][]} */
	const times = modules.map(() => []);
	const layouts = modules.map((m) => {
		m.layoutBenefitMap(map.nodes, map.edges);
		return m.layoutBenefitMap(map.nodes, map.edges);
	});
	for (let run = 0; run < runs; run++) {
		const order = modules.map((_, i) => i);
		if (run % 2) order.reverse();
		for (const i of order) {
			const start = process.cpuUsage();
			modules[i].layoutBenefitMap(map.nodes, map.edges);
			const used = process.cpuUsage(start);
			times[i].push((used.user + used.system) / 1000);
		}
	}
	for (const [i, layout] of layouts.entries()) {
		const bends = layout.edges.reduce((sum, e) => sum + Math.max(0, e.points.length - 2), 0);
		rows.push({
			module: names[i],
			nodes: size,
			links: layout.edges.length,
			'CPU ms (median)': Math.round(median(times[i])),
			'min ms': Math.round(Math.min(...times[i])),
			'max ms': Math.round(Math.max(...times[i])),
			crossings: modules[i].countEdgeCrossings(layout),
			'edge length px': Math.round(edgeLength(layout)),
			bends,
			'map px': `${Math.round(layout.width)} × ${Math.round(layout.height)}`
		});
	}
}
console.table(rows);
console.log(
	`seed ${seed}, ${runs} runs, load average ${loadavg()
		.map((l) => l.toFixed(2))
		.join(' ')}`
);
