// JavaScript, not TypeScript: bench/ is outside the tsconfig the linter's project service
// reads, and vitest runs the TypeScript modules it imports either way.
/**
 * Build time of the overview tree (README, «/ Oversikt»), which runs on every load of `/`.
 * Run: npx vitest bench --run bench/portfolio-tree.bench.js
 * Sizes: the ASB demo (6 tracks, 5 projects, 12 measures) is tiny; the large case is a
 * municipality-wide portfolio of 12 tracks, 500 projects, 5 000 measures and a year of
 * monthly reports for every project (6 000 reports).
 */
import { bench, describe } from 'vitest';
import { buildPortfolioTree } from '../src/lib/domain/portfolio/tree';

const STATUSES = ['proposed', 'recommended', 'adopted', 'in_progress', 'completed', 'rejected'];
const RAG = ['green', 'amber', 'red'];

/** Deterministic pseudo-random numbers (mulberry32), so every run builds the same portfolio. */
function random(seed) {
	let a = seed;
	return () => {
		a |= 0;
		a = (a + 0x6d2b79f5) | 0;
		let t = Math.imul(a ^ (a >>> 15), 1 | a);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

function generate(tracks, projects, measuresPerProject, seed = 7) {
	const r = random(seed);
	const pick = (n) => 1 + Math.floor(r() * n);
	const users = Array.from({ length: 40 }, (_, i) => ({ id: i + 1, name: `Person ${i + 1}` }));
	const units = Array.from({ length: 20 }, (_, i) => ({ id: i + 1, name: `Enhet ${i + 1}` }));
	const trackRows = Array.from({ length: tracks }, (_, i) => ({
		id: i + 1,
		code: `${i + 1}`,
		title: `Spor ${i + 1}`,
		status: 'in_progress',
		ownerId: pick(40)
	}));
	const projectRows = Array.from({ length: projects }, (_, i) => ({
		id: i + 1,
		title: `Prosjekt ${i + 1}`,
		status: STATUSES[pick(6) - 1],
		ownerId: pick(40),
		trackIds: r() < 0.3 ? [pick(tracks), pick(tracks)] : [pick(tracks)]
	}));
	const measures = [];
	for (const p of projectRows) {
		for (let j = 0; j < measuresPerProject; j++) {
			measures.push({
				id: measures.length + 1,
				projectId: p.id,
				title: `Tiltak ${measures.length + 1}`,
				status: STATUSES[pick(6) - 1],
				ownerId: pick(40),
				unitIds: [pick(20)]
			});
		}
	}
	const reports = [];
	for (const p of projectRows) {
		for (let m = 1; m <= 12; m++) {
			reports.push({
				id: reports.length + 1,
				subject: 'project',
				subjectId: p.id,
				period: `2026-${String(m).padStart(2, '0')}`,
				rag: RAG[pick(3) - 1],
				narrative: 'Status'
			});
		}
	}
	return {
		mission: { id: 1, statement: 'Misjon' },
		tracks: trackRows,
		projects: projectRows,
		measures,
		reports,
		users,
		units
	};
}

const small = generate(6, 5, 3);
const large = generate(12, 500, 10);

describe('buildPortfolioTree', () => {
	bench('demo size (6 tracks, 5 projects, 15 measures)', () => void buildPortfolioTree(small));
	bench('500 projects, 5 000 measures, 6 000 reports', () => void buildPortfolioTree(large), {
		time: 2000
	});
	bench('same, filtered by unit', () => void buildPortfolioTree(large, { unitId: 3 }), {
		time: 2000
	});
});
