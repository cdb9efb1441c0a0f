/**
 * Query times of the search and the change log on a generated dataset, without the server:
 * what the database answers, apart from rendering and HTTP (bench/server measures those).
 *
 *   node --import tsx bench/search-and-log.js --db /work/data/national.db [--repeats 30]
 *
 * Works on a copy in a temporary directory (the app's migrations run on it, which fills the
 * search index), so the dataset is never written to. Prints a Markdown table of medians and
 * p95s, and the time to check the audit log's whole hash chain.
 */
import { parseArgs } from 'node:util';
import { copyDataset, queryTimer } from './dataset-copy.js';

const { values: args } = parseArgs({
	options: { db: { type: 'string' }, repeats: { type: 'string', default: '30' } }
});
const REPEATS = Number(args.repeats);
const dataset = copyDataset(args.db, 'queries');

// Imported after DATABASE_URL is set: `db` opens it on first use.
// Through tsx, which runs the app's TypeScript modules as they are.
const { getDb } = await import('../src/lib/server/db/index.ts');
const search = await import('../src/lib/server/db/queries/search.ts');
const log = await import('../src/lib/server/db/queries/audit-log.ts');
const { checkAuditChain } = await import('../src/lib/server/db/queries/audit.ts');
const { parseSearchQuery } = await import('../src/lib/domain/search/query.ts');

const { rows, time } = queryTimer(REPEATS);

/**
 * What the search page asks the database (src/lib/server/search/views.ts).
 * @param {string} q
 * @param {import('../src/lib/server/db/queries/search.ts').SearchKind} [kind]
 */
function searchPage(q, kind, page = 1) {
	const parsed = parseSearchQuery(q);
	if (!parsed.ok) throw new Error(q);
	const counts = search.countSearchMatches(parsed.match);
	const size = kind ? 20 : 5;
	for (const k of kind ? [kind] : search.SEARCH_KINDS) {
		const total = counts[k] ?? 0;
		if (total === 0) continue;
		const ids = search.searchKindIds(k, parsed.match, {
			limit: size,
			offset: (page - 1) * size,
			ranked: total <= 500
		});
		search.listSearchRows(k, ids);
	}
}

try {
	let started = performance.now();
	getDb();
	const migrated = performance.now() - started;

	for (const q of ['tiltak', 'kostnader', 'felles rutine', 'sentralforvaltningen', 'xyzzy']) {
		time(`search «${q}», all kinds`, () => searchPage(q));
	}
	time('search «tiltak», measures, page 500 of 1 000', () => searchPage('tiltak', 'measure', 500));

	const newest = log.lastAuditLogId() ?? 0;
	const { at } = log.listAuditLogPage({}, null, 1).rows[0] ?? { at: new Date(0) };
	const middle = { at: at.getTime() - 180 * 86_400_000, id: Math.floor(newest / 2) };
	const year = { fromMs: at.getTime() - 365 * 86_400_000, toMs: at.getTime() };
	time('change log, newest page', () => log.listAuditLogPage({}, null, 50));
	time('change log, a page half a year back', () =>
		log.listAuditLogPage({}, { before: middle }, 50)
	);
	time('change log, entity = benefit', () => log.listAuditLogPage({ entity: 'benefit' }, null, 50));
	time('change log, a year, entity = benefit, half a year back', () =>
		log.listAuditLogPage({ entity: 'benefit', ...year }, { before: middle }, 50)
	);
	time('change log, filter choices', () => {
		log.listAuditLogFacets();
		log.listAuditLogActors();
	});

	started = performance.now();
	const report = await checkAuditChain();
	const verified = performance.now() - started;

	console.log(`Dataset: ${args.db} (copy; migrations applied in ${migrated.toFixed(0)} ms)\n`);
	console.log('| query | median | p95 |\n| --- | ---: | ---: |');
	console.log(rows.join('\n'));
	console.log(
		`\nWhole hash chain checked (${report.checked} rows, ok: ${report.ok}) in ${(verified / 1000).toFixed(2)} s.`
	);
} finally {
	dataset.remove();
}
