/**
 * Query times of the gain sums (gross, dis-benefits, net) and the breakdowns by beneficiary and
 * quality dimension on a generated dataset, without the server.
 *
 *   node --import tsx bench/gain-breakdowns.js --db /work/data/national.db [--repeats 30]
 *
 * Works on a copy in a temporary directory (the app's migrations run on it), so the dataset is
 * never written to. Prints a Markdown table of medians and p95s.
 */
import { parseArgs } from 'node:util';
import { copyDataset, queryTimer } from './dataset-copy.js';

const { values: args } = parseArgs({
	options: { db: { type: 'string' }, repeats: { type: 'string', default: '30' } }
});
const REPEATS = Number(args.repeats);
const dataset = copyDataset(args.db, 'breakdowns');

const { getDb } = await import('../src/lib/server/db/index.ts');
const views = await import('../src/lib/server/db/queries/gain-views.ts');
const { gainBreakdown } = await import('../src/lib/server/db/queries/gain-breakdowns.ts');

const sqlite = getDb().$client;
const missionId = /** @type {number} */ (sqlite.prepare('select id from mission').pluck().get());
const trackId = /** @type {number} */ (
	sqlite.prepare('select id from track limit 1').pluck().get()
);

const { rows, time } = queryTimer(REPEATS);

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
dataset.remove();
