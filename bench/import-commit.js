/**
 * How long the largest import the app takes (IMPORT_MAX_ROWS data rows, src/lib/domain/imports/
 * limits.ts) holds the server's event loop: better-sqlite3 is synchronous, so each step of the
 * portfolio import runs start to end with nothing else served meanwhile. On a copy of a
 * generated dataset, through the import page's own load and actions, as the tests drive them.
 *
 *   node --import tsx bench/import-commit.js --db /work/data/national.db [--rows 30000] [--status]
 *
 * The file holds new projects (one per ten rows, on the dataset's first track) and their
 * measures; `--status` gives every row the status «Vedtatt», which the import reaches step by
 * step (more writes per row). Prints each step's wall time and the longest event-loop stall.
 */
import { parseArgs } from 'node:util';
import ExcelJS from 'exceljs';
import { copyDataset } from './dataset-copy.js';

const { values: args } = parseArgs({
	options: {
		db: { type: 'string' },
		rows: { type: 'string', default: '30000' },
		status: { type: 'boolean', default: false }
	}
});
const ROWS = Number(args.rows);
const dataset = copyDataset(args.db, 'import-commit');

const { getDb } = await import('../src/lib/server/db/index.ts');
const { getUserByEmail } = await import('../src/lib/server/db/queries/users.ts');
const { listTracks } = await import('../src/lib/server/db/queries/tracks.ts');
const { signIn } = await import('../tests/factories/index.ts');
const { importPage } = await import('../tests/factories/imports.ts');
const route = await import('../src/routes/(app)/portefolje/import/+page.server.ts');

const NOW = new Date('2026-12-03T12:00:00Z');

try {
	getDb();
	const admin = signIn(
		/** @type {{ id: number }} */ (getUserByEmail('admin-1@skala.misjonskart.no')).id,
		NOW
	);
	const track = /** @type {{ code: string }} */ (listTracks()[0]);
	const status = args.status ? 'Vedtatt' : '';

	const wb = new ExcelJS.Workbook();
	const projects = wb.addWorksheet('Prosjekter');
	projects.addRow(['Prosjekt', 'Spor', 'Status']);
	const measures = wb.addWorksheet('Tiltak');
	measures.addRow(['Tiltak', 'Prosjekt', 'Status']);
	const projectCount = Math.ceil(ROWS / 10);
	for (let p = 1; p <= projectCount; p++)
		projects.addRow([`Importert prosjekt ${p}`, track.code, status]);
	for (let i = 1; i <= ROWS - projectCount; i++) {
		measures.addRow([
			`Importert tiltak ${i}`,
			`Importert prosjekt ${1 + (i % projectCount)}`,
			status
		]);
	}
	const bytes = new Uint8Array(await wb.xlsx.writeBuffer());

	const page = importPage(route, { path: '/portefolje/import', now: NOW, signed: () => admin });
	/**
	 * Wall time of one step and the longest gap between two ticks of a 10 ms interval during it:
	 * how long nothing else could have been served.
	 * @template T
	 * @param {string} label
	 * @param {() => Promise<T>} run
	 * @returns {Promise<T>}
	 */
	async function step(label, run) {
		let last = performance.now();
		let longest = 0;
		const ticker = setInterval(() => {
			const at = performance.now();
			longest = Math.max(longest, at - last);
			last = at;
		}, 10);
		await new Promise((r) => setTimeout(r, 50));
		longest = 0;
		const started = performance.now();
		const result = await run();
		const ms = performance.now() - started;
		// The tick after a synchronous stretch measures it.
		await new Promise((r) => setTimeout(r, 30));
		clearInterval(ticker);
		console.log(`| ${label} | ${ms.toFixed(0)} ms | ${longest.toFixed(0)} ms |`);
		return result;
	}

	console.log(
		`File: ${ROWS} rows (${projectCount} projects, ${ROWS - projectCount} measures), ${(bytes.byteLength / 1024).toFixed(0)} KB, status ${status || 'none'}`
	);
	console.log('| step | wall | longest event-loop stall |\n| --- | ---: | ---: |');
	const token = await step('upload (read and stage)', () => page.stage(bytes, 'stor.xlsx'));
	const preview = await step('preview (page load)', () => page.preview(token));
	if (preview.counts.errors > 0) throw new Error(JSON.stringify(preview.issues.slice(0, 3)));
	const committed = await step('commit (all rows, one transaction)', () =>
		page.commit(token, preview.digest)
	);
	console.log(JSON.stringify(committed).slice(0, 200));
} finally {
	dataset.remove();
}
