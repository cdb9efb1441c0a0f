/**
 * Query times of the gain sums (gross, dis-benefits, net) and the breakdowns by beneficiary and
 * quality dimension on a generated dataset, without the server.
 *
 *   node --import tsx bench/gain-breakdowns.js --db /work/data/national.db [--repeats 30]
 *
 * Works on a copy in a temporary directory (the app's migrations run on it), so the dataset is
 * never written to. Prints a Markdown table of medians and p95s.
 */
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values: args } = parseArgs({
	options: { db: { type: 'string' }, repeats: { type: 'string', default: '30' } }
});
if (!args.db || !existsSync(args.db)) throw new Error('--db FILE: a dataset from npm run scale');
const REPEATS = Number(args.repeats);

const dir = mkdtempSync(path.join(tmpdir(), 'misjonskart-breakdowns-'));
const copy = path.join(dir, 'copy.db');
copyFileSync(args.db, copy);
process.env.DATABASE_URL = copy;

const { getDb } = await import('../src/lib/server/db/index.ts');
const views = await import('../src/lib/server/db/queries/gain-views.ts');
const { gainBreakdown } = await import('../src/lib/server/db/queries/gain-breakdowns.ts');

const sqlite = getDb().$client;
const missionId = /** @type {number} */ (sqlite.prepare('select id from mission').pluck().get());
const trackId = /** @type {number} */ (
	sqlite.prepare('select id from track limit 1').pluck().get()
);

/** @type {string[]} */
const rows = [];
/** @param {string} label @param {() => unknown} run */
function time(label, run) {
	run();
	/** @type {number[]} */
	const samples = [];
	for (let i = 0; i < REPEATS; i++) {
		const started = performance.now();
		run();
		samples.push(performance.now() - started);
	}
	samples.sort((a, b) => a - b);
	const at = (/** @type {number} */ q) =>
		samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] ?? NaN;
	rows.push(`| ${label} | ${at(0.5).toFixed(2)} ms | ${at(0.95).toFixed(2)} ms |`);
}

const none = { projectId: null, trackId: null, level: null };
time('gainSums, whole mission (gross, dis-benefits)', () => views.gainSums({ missionId, ...none }));
time('gainSums, one track', () => views.gainSums({ missionId, ...none, trackId }));
time('gainSeries, whole mission, net', () => views.gainSeries({ missionId, ...none }, 700));
time('gainBreakdown, whole mission', () => gainBreakdown({ ...none, beneficiary: null }));
time('gainBreakdown, one track', () => gainBreakdown({ ...none, trackId, beneficiary: null }));
time('gainBreakdown, whole mission, level and beneficiary', () =>
	gainBreakdown({ ...none, level: 'tjeneste', beneficiary: 'helse' })
);

console.log(`| query (${REPEATS} runs) | median | p95 |\n| --- | ---: | ---: |`);
console.log(rows.join('\n'));
getDb().$client.close();
rmSync(dir, { recursive: true, force: true });
