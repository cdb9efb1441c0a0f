/**
 * What the in-process query benches share: the generated dataset they read, copied to a
 * temporary directory so that the app's migrations (run when `db` first opens it) never write
 * to the original, and a timer that keeps each query's median and p95.
 */
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * Copies `--db FILE` (a dataset from `npm run scale`) into a new temporary directory and points
 * DATABASE_URL at the copy. Import the app's modules after this: `db` opens the copy on first
 * use. `remove()` deletes the directory.
 * @param {string | undefined} db
 * @param {string} name names the temporary directory
 */
export function copyDataset(db, name) {
	if (!db || !existsSync(db)) throw new Error('--db FILE: a dataset from npm run scale');
	const dir = mkdtempSync(path.join(tmpdir(), `misjonskart-${name}-`));
	const copy = path.join(dir, 'copy.db');
	copyFileSync(db, copy);
	process.env.DATABASE_URL = copy;
	return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Times queries: `time(label, run)` runs once to warm up, then `repeats` times, and adds a
 * Markdown row `| label | median | p95 |` to `rows`.
 * @param {number} repeats
 */
export function queryTimer(repeats) {
	/** @type {string[]} */
	const rows = [];
	/** @param {string} label @param {() => unknown} run */
	function time(label, run) {
		run();
		/** @type {number[]} */
		const samples = [];
		for (let i = 0; i < repeats; i++) {
			const started = performance.now();
			run();
			samples.push(performance.now() - started);
		}
		samples.sort((a, b) => a - b);
		const at = (/** @type {number} */ q) =>
			samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] ?? NaN;
		rows.push(`| ${label} | ${at(0.5).toFixed(2)} ms | ${at(0.95).toFixed(2)} ms |`);
	}
	return { rows, time };
}
