// JavaScript for the same reason as benefit-map-layout.bench.js; vitest resolves the imports.
/**
 * Render time of a 1 000-node benefit map in Chromium (README, «Ytelsesmåling»). Seeds a generated map into
 * a fresh database (the temp file tests/setup/temp-db.ts points DATABASE_URL at), starts the
 * built server on it, signs in and opens the project's map page and the gevinstkart of the same
 * project. Needs `vite build` first (bench/run.js does that when the build is missing).
 * Prints, per page: first byte, server response, DOMContentLoaded, until the drawn map is
 * interactive, and HTML size; then each page's server time over 30 requests without the browser.
 * A map above INLINE_MAP_LIMIT is fetched after its page (MapView): «drawn» waits for the
 * fetched drawing's node links and live export buttons, and its bytes are counted apart.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, bench, describe } from 'vitest';
import { generateMap } from './generate-map';
import { launchBrowser } from '../tests/e2e/browser';
import { freePort } from './server/http.js';

const SIZE = 1000;
/** @type {{ name: string, ms: number[] }[]} */
const measures = () => [
	{ name: 'first byte (ms)', ms: [] },
	{ name: 'server response (ms)', ms: [] },
	{ name: 'DOMContentLoaded (ms)', ms: [] },
	{ name: 'map drawn and hydrated (ms)', ms: [] },
	{ name: 'HTML (KB)', ms: [] },
	{ name: 'drawing fetched after the page (KB over the wire; ≈ 0 in the page or a 304)', ms: [] },
	// The renderer's main thread until drawn (CDP Performance.getMetrics): script, style,
	// layout, and the rest of its tasks (parsing, paint, compositing, garbage collection).
	{ name: 'main thread: script (ms)', ms: [] },
	{ name: 'main thread: style (ms)', ms: [] },
	{ name: 'main thread: layout (ms)', ms: [] },
	{ name: 'main thread: parse, paint and the rest (ms)', ms: [] },
	{ name: 'DOM nodes', ms: [] }
];
/** @type {Record<string, { name: string, ms: number[] }[]>} */
const timings = { project: measures(), kart: measures() };
/**
 * `RENDER_COMPARE=/path/to/other/checkout`: that checkout's built server is started too, on the
 * same database, and each run opens both servers' pages one after the other (alternating which
 * goes first), so a change in the machine's load falls on both alike.
 */
const compare = process.env.RENDER_COMPARE;
/** @type {Record<string, { name: string, ms: number[] }[]>} */
const compared = { project: measures(), kart: measures() };
/** @type {import('node:child_process').ChildProcess | undefined} */
let compareServer;
let compareBase = '';

/** @type {import('node:child_process').ChildProcess | undefined} */
let server;
/** @type {import('playwright-core').Browser | undefined} */
let browser;
/** @type {import('playwright-core').BrowserContext | undefined} */
let context;
let url = '';
let kartUrl = '';
let nodeCount = 0;
let edgeCount = 0;

async function seed() {
	const { db } = await import('$lib/server/db');
	const schema = await import('$lib/server/db/schema');
	const f = await import('../tests/factories');
	const email = 'bench@kommune.no';
	const userId = await f.makeUser([{ role: 'programme_leader' }], { email, name: 'Bench' });
	const map = generateMap(SIZE, 42);
	const mission = db
		.insert(schema.mission)
		.values({ grandChallenge: '-', statement: 'Benchmark', baselineYear: 2021, targetYear: 2027 })
		.returning()
		.get();
	const project = db
		.insert(schema.project)
		.values({ missionId: mission.id, title: 'Stort kart', ownerId: userId, levels: ['system'] })
		.returning()
		.get();
	/** @type {Map<string, number>} */
	const ids = new Map();
	// Direct inserts in one transaction: this is scale data, not a user's path through the
	// audited verbs (1 000 audited transactions would measure the disk, not the map).
	db.transaction((tx) => {
		for (const node of map.nodes) {
			let id = 0;
			if (node.kind === 'measure') {
				id = tx
					.insert(schema.measure)
					.values({ projectId: project.id, title: node.label })
					.returning()
					.get().id;
			} else if (node.kind === 'change') {
				id = tx
					.insert(schema.benefitChange)
					.values({ projectId: project.id, title: node.label })
					.returning()
					.get().id;
			} else if (node.kind === 'benefit') {
				id = tx
					.insert(schema.benefit)
					.values({
						projectId: project.id,
						title: node.label,
						level: 'system',
						kind: node.quantitative ? 'kvantitativ' : 'kvalitativ',
						unit: node.quantitative ? 'kr' : null,
						beneficiary: 'stat',
						takeout: 'kvalitet'
					})
					.returning()
					.get().id;
			} else {
				const number = ids.size + 1;
				id = tx
					.insert(schema.effectGoal)
					.values({
						missionId: mission.id,
						number,
						level: 'system',
						title: node.label,
						indicator: '-'
					})
					.returning()
					.get().id;
			}
			ids.set(node.id, id);
		}
		for (const edge of map.edges) {
			const [fromKind] = edge.from.split(':');
			const [toKind] = edge.to.split(':');
			tx.insert(schema.benefitLink)
				.values({
					projectId: project.id,
					fromKind: /** @type {any} */ (fromKind),
					fromId: ids.get(edge.from) ?? 0,
					toKind: /** @type {any} */ (toKind),
					toId: ids.get(edge.to) ?? 0
				})
				.run();
		}
	});
	nodeCount = map.nodes.length;
	edgeCount = map.edges.length;
	return { email, password: f.TEST_PASSWORD, projectId: project.id };
}

/** Starts a built server (`scripts/server.js` of a checkout) on the seeded database. */
async function startServer(/** @type {string} */ script) {
	const port = await freePort();
	const baseUrl = `http://127.0.0.1:${port}`;
	const child = spawn(process.execPath, [script], {
		env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), ORIGIN: baseUrl },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	await new Promise((resolve, reject) => {
		let output = '';
		const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 30_000);
		const onData = (/** @type {Buffer} */ chunk) => {
			output += chunk.toString();
			if (output.includes('Listening on')) {
				clearTimeout(timer);
				resolve(undefined);
			}
		};
		child.stdout?.on('data', onData);
		child.stderr?.on('data', onData);
	});
	return { child, baseUrl };
}

beforeAll(async () => {
	if (!existsSync('build/index.js')) throw new Error('Kjør «npx vite build» først.');
	const { email, password, projectId } = await seed();
	const started = await startServer('scripts/server.js');
	const baseUrl = started.baseUrl;
	server = started.child;
	if (compare) {
		const other = await startServer(`${compare}/scripts/server.js`);
		compareServer = other.child;
		compareBase = other.baseUrl;
	}
	browser = await launchBrowser();
	context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
	const page = await context.newPage();
	await page.goto(`${baseUrl}/login`);
	await page.getByLabel('E-post').fill(email);
	await page.getByLabel('Passord', { exact: true }).fill(password);
	await Promise.all([
		page.waitForURL((u) => !u.pathname.startsWith('/login')),
		page.getByRole('button', { name: 'Logg inn' }).click()
	]);
	await page.close();
	url = `${baseUrl}/gevinster/prosjekt/${projectId}`;
	kartUrl = `${baseUrl}/gevinster/kart?prosjekt=${projectId}`;
}, 300_000);

/**
 * Server time of each page without the browser: `SERVER_RUNS` requests one after another
 * through the signed-in context, timed to the last byte (median and p95, as the server bench).
 */
const SERVER_RUNS = 30;
async function serverTimes() {
	if (!context) return [];
	const rows = [];
	const drawing = `${url}/tegning?del=tegning`;
	const etag = (await context.request.get(drawing)).headers()['etag'];
	for (const [name, target, headers] of [
		['/gevinster/prosjekt/[id]', url, {}],
		['/gevinster/kart?prosjekt=[id]', kartUrl, {}],
		['/gevinster/prosjekt/[id]/tegning?del=tegning', drawing, {}],
		['… the same with If-None-Match (304)', drawing, etag ? { 'if-none-match': etag } : {}]
	]) {
		const ms = [];
		for (let i = 0; i < SERVER_RUNS; i++) {
			const start = performance.now();
			const response = await context.request.get(target, { headers });
			await response.body();
			ms.push(performance.now() - start);
		}
		ms.sort((a, b) => a - b);
		rows.push({
			page: name,
			requests: SERVER_RUNS,
			'median ms': Math.round(ms[Math.floor(ms.length / 2)] ?? 0),
			'p95 ms': Math.round(ms[Math.floor(ms.length * 0.95)] ?? 0)
		});
	}
	return rows;
}

afterAll(async () => {
	const serverRows = await serverTimes();
	console.log(`\nServer time, ${SERVER_RUNS} requests each (layout cached after the first)`);
	console.table(serverRows);
	await browser?.close();
	server?.kill();
	compareServer?.kill();
	const median = (/** @type {number[]} */ v) =>
		[...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
	console.log(`\nChromium render of a generated map: ${nodeCount} nodes, ${edgeCount} edges`);
	const tables = Object.entries(timings).map(([which, rows]) => [which, rows, '']);
	if (compare)
		for (const [which, rows] of Object.entries(compared)) tables.push([which, rows, compare]);
	for (const [which, rows, from] of tables) {
		console.log(
			(which === 'project' ? '/gevinster/prosjekt/[id]' : '/gevinster/kart?prosjekt=[id]') +
				(from ? ` (${from})` : compare ? ' (this checkout)' : '')
		);
		console.table(
			rows.map((t) => ({
				measure: t.name,
				runs: t.ms.length,
				median: Math.round(median(t.ms) ?? 0),
				min: Math.round(Math.min(...t.ms)),
				max: Math.round(Math.max(...t.ms))
			}))
		);
	}
}, 60_000);

/** Opens `target` once and records its timings and HTML size in `rows`. */
async function measure(target, rows) {
	if (!context) throw new Error('not set up');
	const page = await context.newPage();
	const cdp = await context.newCDPSession(page);
	await cdp.send('Performance.enable');
	const tracing = process.env.RENDER_TRACE ? startTrace(cdp) : null;
	const response = await page.goto(target, { waitUntil: 'domcontentloaded', timeout: 300_000 });
	// Drawn and hydrated when the map's node links are in the DOM and MapView has marked its
	// export buttons live: they appear once the drawing is there (in the page or fetched).
	await page.waitForSelector('.benefit-map svg a[href]', { state: 'attached', timeout: 300_000 });
	await page.waitForSelector('.export[data-live="true"]', { timeout: 300_000 });
	const nav = await page.evaluate(() => {
		const [n] = /** @type {PerformanceNavigationTiming[]} */ (
			performance.getEntriesByType('navigation')
		);
		// Bytes over the wire for the fetched drawing: a 304 (revalidated from the browser's
		// cache) transfers its headers only.
		const drawing = /** @type {PerformanceResourceTiming[]} */ (
			performance.getEntriesByType('resource')
		).filter((e) => e.name.includes('/tegning'));
		return {
			drawingBytes: drawing.reduce((sum, e) => sum + e.transferSize, 0),
			firstByte: n.responseStart,
			response: n.responseEnd,
			dcl: n.domContentLoadedEventEnd,
			now: performance.now()
		};
	});
	const { metrics } = await cdp.send('Performance.getMetrics');
	const metric = (/** @type {string} */ name) =>
		(metrics.find((x) => x.name === name)?.value ?? 0) * 1000;
	if (tracing) await endTrace(cdp, await tracing, target);
	const body = response ? await response.body() : Buffer.alloc(0);
	if (process.env.RENDER_TRACE && process.env.RENDER_TRACE !== '1')
		(await import('node:fs')).writeFileSync(
			`${process.env.RENDER_TRACE}/${new URL(target).pathname.includes('kart') ? 'kart' : 'project'}.html`,
			body
		);
	rows[6].ms.push(metric('ScriptDuration'));
	rows[7].ms.push(metric('RecalcStyleDuration'));
	rows[8].ms.push(metric('LayoutDuration'));
	rows[9].ms.push(
		metric('TaskDuration') -
			metric('ScriptDuration') -
			metric('RecalcStyleDuration') -
			metric('LayoutDuration')
	);
	rows[10].ms.push(metric('Nodes') / 1000);
	rows[0].ms.push(nav.firstByte);
	rows[1].ms.push(nav.response);
	rows[2].ms.push(nav.dcl);
	rows[3].ms.push(nav.now);
	rows[4].ms.push(body.length / 1024);
	rows[5].ms.push(nav.drawingBytes / 1024);
	await page.close();
}

describe('benefit map page in Chromium', () => {
	let round = 0;
	/** One run of a page, and with RENDER_COMPARE the other server's too, in turn first. */
	const both = async (/** @type {'project' | 'kart'} */ which) => {
		const target = which === 'project' ? url : kartUrl;
		const runs = [() => measure(target, timings[which])];
		if (compare)
			runs.push(() => measure(target.replace(/^http:\/\/[^/]+/, compareBase), compared[which]));
		if (round++ % 2) runs.reverse();
		for (const run of runs) await run();
	};
	bench(`${SIZE} nodes, project page`, () => both('project'), {
		iterations: 3,
		time: 0,
		warmupIterations: 0
	});
	bench(`${SIZE} nodes, gevinstkart`, () => both('kart'), {
		iterations: 3,
		time: 0,
		warmupIterations: 0
	});
});

/**
 * `RENDER_TRACE=1`: a Chromium trace of each load (CDP Tracing, the DevTools timeline's
 * categories), summed by event on the renderer's main thread and printed, to see where the
 * time until drawn goes. Off by default: tracing slows the page it measures.
 * @param {import('playwright-core').CDPSession} cdp
 */
async function startTrace(cdp) {
	await cdp.send('Tracing.start', {
		categories: 'devtools.timeline,disabled-by-default-devtools.timeline,v8.execute,blink',
		transferMode: 'ReturnAsStream'
	});
}

/**
 * @param {import('playwright-core').CDPSession} cdp
 * @param {unknown} _started
 * @param {string} target
 */
async function endTrace(cdp, _started, target) {
	/** @type {Promise<string>} */
	const done = new Promise((resolve) =>
		cdp.once('Tracing.tracingComplete', (e) => resolve(e.stream))
	);
	await cdp.send('Tracing.end');
	const stream = await done;
	let text = '';
	for (;;) {
		const chunk = await cdp.send('IO.read', { handle: stream });
		text += chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString() : chunk.data;
		if (chunk.eof) break;
	}
	await cdp.send('IO.close', { handle: stream });
	if (process.env.RENDER_TRACE !== '1') {
		const { writeFileSync } = await import('node:fs');
		const name = new URL(target).pathname.includes('kart') ? 'kart' : 'project';
		writeFileSync(`${process.env.RENDER_TRACE}/${name}-${Date.now()}.json`, text);
	}
	const parsed = JSON.parse(text);
	/** @type {any[]} */
	const events = Array.isArray(parsed) ? parsed : parsed.traceEvents;
	const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
	/** @type {Map<string, { ms: number, count: number }>} */
	const sums = new Map();
	for (const e of events) {
		if (!main || e.pid !== main.pid || e.tid !== main.tid || e.ph !== 'X' || !e.dur) continue;
		const row = sums.get(e.name) ?? { ms: 0, count: 0 };
		row.ms += e.dur / 1000;
		row.count++;
		sums.set(e.name, row);
	}
	console.log(`\nTrace of ${target} (main thread, inclusive ms by event)`);
	console.table(
		[...sums]
			.sort((a, b) => b[1].ms - a[1].ms)
			.slice(0, 25)
			.map(([name, { ms, count }]) => ({ name, ms: Math.round(ms), count }))
	);
}
