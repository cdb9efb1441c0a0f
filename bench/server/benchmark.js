#!/usr/bin/env node
/**
 * Server benchmark on a generated dataset (bench/scale/generate.ts): starts the built app on a
 * copy of the database, signs in per role through the login form, and measures the main pages
 * (HTML size, first, median and p95 time over ≥ 30 requests, requests per second on 5
 * connections, ratio to the bare signed-in page /konto), then sustained sign-off and
 * realisation POSTs, then the server's memory: the kernel's figures and, from a probe loaded
 * into the server (memory-probe.js), V8's heap beside malloc's and the files' share. Prints a
 * Markdown table and writes it to bench/results/server-<scale>-<date>.md so later changes can
 * be compared.
 *
 *   npm run bench:server -- [--db FILE | --scale national|municipal] [--repeats 30]
 *                           [--seconds 5] [--post-seconds 10] [--timeout 120] [--in-place]
 *                           [--out FILE | --no-write] [--pages REGEX] [--heap-snapshot DIR]
 *
 * Without --db it uses data/scale/<scale>.db, generating it first when missing (minutes).
 * The server runs on a copy, so the sign-offs it posts do not use up the dataset; --in-place
 * skips the copy for a database too big to copy twice. --pages measures only the pages whose
 * address matches (and /konto, the yardstick), e.g. --pages '^/(sok|admin/logg)'.
 * --heap-snapshot writes a V8 heap snapshot of the server after the POSTs into DIR (open it in
 * Chrome DevTools' Memory tab); taking it stops the server for seconds, so only when asked.
 * MALLOC_ARENA_MAX and other settings in the bench's environment reach the server.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import {
	copyFileSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	readFileSync,
	rmSync,
	statSync,
	writeFileSync
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { needsBuild } from '../../scripts/build-state.js';
import { SERVER_NODE_OPTIONS } from '../../scripts/node-options.js';
import { freePort, median, postAction, quantile, signIn, sustained, timed } from './http.js';
import { formatBytes, renderReport } from './report.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
process.chdir(root);

const { values: args } = parseArgs({
	options: {
		db: { type: 'string' },
		scale: { type: 'string', default: 'national' },
		repeats: { type: 'string', default: '30' },
		seconds: { type: 'string', default: '5' },
		'post-seconds': { type: 'string', default: '10' },
		connections: { type: 'string', default: '5' },
		timeout: { type: 'string', default: '120' },
		'page-budget': { type: 'string', default: '150' },
		'in-place': { type: 'boolean', default: false },
		out: { type: 'string' },
		'no-write': { type: 'boolean', default: false },
		// Only the pages whose path matches this regular expression; /konto always.
		pages: { type: 'string' },
		// Only the pages whose path starts with one of these (comma-separated); /konto always.
		only: { type: 'string' },
		// Which POST runs: sign, realisation, both (default) or none.
		posts: { type: 'string', default: 'sign,realisation' },
		'heap-snapshot': { type: 'string' },
		// The server's Node options; default those `npm start` gives it (scripts/node-options.js).
		'node-options': { type: 'string', default: SERVER_NODE_OPTIONS.join(' ') },
		help: { type: 'boolean', short: 'h' }
	}
});
if (args.help) {
	console.log(`Serverytelse på et generert datasett (README, «Ytelsesmåling»).

  npm run bench:server -- [--db FIL | --scale national|municipal] [valg]

  --db FIL          datasettet (standard data/scale/<skala>.db, lages først om det mangler)
  --in-place        bruk filen selv, ikke en kopi (signeringene og registreringene blir stående)
  --repeats N       sekvensielle forespørsler per side (standard 30)
  --seconds N       sekunder med 5 samtidige forbindelser per side (standard 5)
  --connections N   samtidige forbindelser (standard 5)
  --post-seconds N  sekunder med skjemainnsendinger (standard 10)
  --posts LISTE     sign, realisation, begge (standard) eller none
  --pages REGEX     bare sidene med adresse som passer (og /konto), f.eks. '^/(sok|admin/logg)'
  --only PREFIKSER  bare sidene som begynner med en av disse (kommaskilt)
  --timeout S       gi opp en forespørsel etter S sekunder (standard 120)
  --page-budget S   slutt å gjenta en side etter S sekunder (standard 150)
  --heap-snapshot MAPPE  et V8-heap-øyeblikksbilde av serveren etter innsendingene, i MAPPE
  --node-options S  serverens Node-valg (standard som «npm start»: ${SERVER_NODE_OPTIONS.join(' ')})
  --out FIL         tabellen hit (standard bench/results/server-<skala>-<dato>.md, eller -2, -3 …
                    om den finnes)
  --no-write        bare skriv tabellen ut`);
	process.exit(0);
}
const ONLY = args.only ? args.only.split(',').filter(Boolean) : null;
const POSTS = new Set(args.posts.split(','));
const REPEATS = Number(args.repeats);
const SECONDS = Number(args.seconds);
const POST_SECONDS = Number(args['post-seconds']);
const CONNECTIONS = Number(args.connections);
const TIMEOUT_MS = Number(args.timeout) * 1000;
/** A first request slower than this gets only a few repeats, and no concurrency run. */
const SLOW_MS = 10_000;
const SLOW_REPEATS = 2;
/** Repeats stop after this long (with at least MIN_SAMPLES), so one slow page cannot take an hour. */
const PAGE_BUDGET_MS = Number(args['page-budget']) * 1000;
const MIN_SAMPLES = 5;
const NODE_OPTIONS = args['node-options'].split(' ').filter(Boolean);

// The benchmark reads the clock once, for the report's date.
const startedAt = new Date();

function log(line = '') {
	process.stdout.write(`${line}\n`);
}

function loadAverage() {
	return os
		.loadavg()
		.map((l) => l.toFixed(2))
		.join(' ');
}

/** @param {number} pid */
function memory(pid) {
	try {
		const status = readFileSync(`/proc/${pid}/status`, 'utf8');
		const kb = (/** @type {string} */ key) =>
			Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
		return {
			rss: kb('VmRSS') * 1024,
			peak: kb('VmHWM') * 1024,
			anon: kb('RssAnon') * 1024,
			file: kb('RssFile') * 1024
		};
	} catch {
		return { rss: NaN, peak: NaN, anon: NaN, file: NaN };
	}
}

/**
 * What the server's memory is made of, from memory-probe.js inside it: SIGUSR2 asks, the probe
 * writes its file. Null when it does not answer in time (a server busy past the timeout).
 * @param {{ pid: number, probeFile: string }} server
 * @returns {Promise<import('./report.js').MemoryProbe | null>}
 */
async function probeMemory(server) {
	rmSync(server.probeFile, { force: true });
	process.kill(server.pid, 'SIGUSR2');
	const until = performance.now() + 120_000;
	while (performance.now() < until) {
		await new Promise((resolve) => setTimeout(resolve, 100));
		if (existsSync(server.probeFile)) {
			try {
				return JSON.parse(readFileSync(server.probeFile, 'utf8'));
			} catch {
				// Still being written.
			}
		}
	}
	return null;
}

function prepareDatabase() {
	const db = path.resolve(args.db ?? `data/scale/${args.scale}.db`);
	if (!existsSync(db)) {
		if (args.db) throw new Error(`${db} finnes ikke.`);
		log(`${db} mangler; lager datasettet først (npm run scale -- --scale ${args.scale}) …`);
		const result = spawnSync(
			process.execPath,
			['--import', 'tsx', 'bench/scale/generate.ts', '--scale', args.scale, '--out', db],
			{ stdio: 'inherit' }
		);
		if (result.status !== 0) process.exit(result.status ?? 1);
	}
	const manifestFile = `${db}.json`;
	if (!existsSync(manifestFile)) {
		throw new Error(`${manifestFile} mangler: lag databasen med «npm run scale», som skriver den.`);
	}
	/** @type {import('../scale/generate').Manifest} */
	const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
	if (new Date(manifest.now) > startedAt) {
		log(
			`Merk: datasettet er laget for ${manifest.now}, etter klokka nå; noen måneder er ikke begynt.`
		);
	}
	if (args['in-place']) return { db, manifest, served: db, cleanup: () => {} };
	const dir = mkdtempSync(path.join(os.tmpdir(), 'misjonskart-bench-'));
	const served = path.join(dir, 'bench.db');
	for (const suffix of ['', '-wal']) {
		if (existsSync(db + suffix)) copyFileSync(db + suffix, served + suffix);
	}
	return { db, manifest, served, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * The built server on one port. A page that runs past the timeout keeps the server's one
 * thread busy long after the client gave up, and would make every later figure wrong, so
 * `restart()` kills it and starts it again; sessions live in the database and survive.
 * @param {string} databaseUrl
 */
/**
 * Waits for the heap snapshot the last probe was asked for (memory-probe.js) to be written.
 * @param {{ probeFile: string }} server
 */
async function snapshotWritten(server) {
	const done = `${server.probeFile}.snapshot.done`;
	const until = performance.now() + 600_000;
	while (performance.now() < until) {
		await new Promise((resolve) => setTimeout(resolve, 500));
		if (existsSync(done)) return readFileSync(done, 'utf8');
	}
	return '(not written in 10 min)';
}

async function startServer(databaseUrl) {
	const port = await freePort();
	const probeDir = mkdtempSync(path.join(os.tmpdir(), 'misjonskart-probe-'));
	const probeFile = path.join(probeDir, 'memory.json');
	const base = `http://127.0.0.1:${port}`;
	/** @type {import('node:child_process').ChildProcess} */
	let child;
	let output = '';
	const launch = async () => {
		output = '';
		// As `npm start` serves it: scripts/server.js around the adapter-node handler, with its
		// Node options, and the memory probe loaded first (it only listens for SIGUSR2).
		child = spawn(
			process.execPath,
			[...NODE_OPTIONS, '--import', './bench/server/memory-probe.js', 'scripts/server.js'],
			{
				env: {
					...process.env,
					HOST: '127.0.0.1',
					PORT: String(port),
					ORIGIN: base,
					DATABASE_URL: databaseUrl,
					MEMORY_PROBE_FILE: probeFile
				},
				stdio: ['ignore', 'pipe', 'pipe']
			}
		);
		const onData = (/** @type {Buffer} */ chunk) => {
			output += chunk.toString();
			if (output.length > 100_000) output = output.slice(-50_000);
		};
		child.stdout?.on('data', onData);
		child.stderr?.on('data', onData);
		const started = child;
		await new Promise((resolve, reject) => {
			const timer = setTimeout(
				() => reject(new Error(`server did not start:\n${output}`)),
				120_000
			);
			const poll = setInterval(() => {
				if (output.includes('Listening on')) {
					clearInterval(poll);
					clearTimeout(timer);
					started.off('exit', onExit);
					resolve(undefined);
				}
			}, 50);
			const onExit = (/** @type {number | null} */ code) => {
				clearInterval(poll);
				clearTimeout(timer);
				reject(new Error(`server exited (${code}):\n${output}`));
			};
			started.once('exit', onExit);
		});
	};
	await launch();
	// Never leave a server behind: adapter-node's SIGTERM waits for requests in flight.
	process.once('exit', () => child.kill('SIGKILL'));
	for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
		process.once(signal, () => process.exit(130));
	}
	const server = {
		base,
		probeFile,
		restarts: 0,
		/** Memory of each process killed by a restart, taken just before: what the page cost. */
		killed: /** @type {ReturnType<typeof memory>[]} */ ([]),
		get pid() {
			return /** @type {number} */ (child.pid);
		},
		output: () => output,
		async restart() {
			const old = child;
			const exited = new Promise((resolve) => old.once('exit', resolve));
			server.killed.push(memory(/** @type {number} */ (old.pid)));
			old.kill('SIGKILL');
			await exited;
			server.restarts += 1;
			await launch();
		},
		stop() {
			child.kill('SIGKILL');
			rmSync(probeDir, { recursive: true, force: true });
		}
	};
	return server;
}

/**
 * @param {Awaited<ReturnType<typeof startServer>>} server
 * @param {{ path: string, role: string }} page
 * @param {string} cookie
 */
async function measurePage(server, page, cookie) {
	const url = `${server.base}${page.path}`;
	const get = () => timed(url, { headers: { cookie, accept: 'text/html' }, timeoutMs: TIMEOUT_MS });
	/** @type {string[]} */
	const notes = [];
	const failed = async (/** @type {import('./http.js').Timed} */ r, /** @type {string} */ when) => {
		notes.push(`${when}: ${r.error ?? `HTTP ${r.status}`}`);
		if (r.error) {
			await server.restart();
			const { rss, peak } = server.killed[server.killed.length - 1] ?? {};
			notes.push(
				`server restarted (it had VmRSS ${formatBytes(rss ?? NaN)}, peak ${formatBytes(peak ?? NaN)})`
			);
		}
	};
	const first = await get();
	const result = {
		...page,
		bytes: first.bytes,
		first: first.ms,
		samples: /** @type {number[]} */ ([]),
		rps: NaN,
		status: first.status,
		notes
	};
	if (first.error || first.status !== 200) {
		await failed(first, 'first request');
		return result;
	}
	const slow = first.ms > SLOW_MS;
	const repeats = slow ? SLOW_REPEATS : REPEATS;
	if (slow) {
		notes.push(
			`first request ${(first.ms / 1000).toFixed(1)} s > ${SLOW_MS / 1000} s: ${repeats} repeats, no concurrency run`
		);
	}
	const began = performance.now();
	for (let i = 0; i < repeats; i++) {
		if (result.samples.length >= MIN_SAMPLES && performance.now() - began > PAGE_BUDGET_MS) {
			notes.push(
				`stopped after ${result.samples.length} repeats: over the ${PAGE_BUDGET_MS / 1000} s budget per page`
			);
			break;
		}
		const r = await get();
		if (r.error || r.status !== 200) {
			await failed(r, `repeat ${i + 1}`);
			return result;
		}
		result.samples.push(r.ms);
		result.bytes = r.bytes;
	}
	if (!slow) {
		const run = await sustained({
			connections: CONNECTIONS,
			seconds: SECONDS,
			next: () => url,
			task: () => get()
		});
		const ok = run.results.filter((r) => r.status === 200);
		result.rps = (ok.length / run.wallMs) * 1000;
		const bad = run.results.find((r) => r.status !== 200);
		if (bad)
			await failed(
				bad,
				`${run.results.length - ok.length} of ${run.results.length} failed on ${CONNECTIONS} connections`
			);
	}
	return result;
}

async function main() {
	const { manifest, db, served, cleanup } = prepareDatabase();
	if (needsBuild(root)) {
		log('Bygger appen (vite build) …');
		execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build'], {
			stdio: 'inherit'
		});
	}
	const loadBefore = loadAverage();
	log(`Starter serveren på ${db}${served === db ? '' : ' (kopi)'} …`);
	const server = await startServer(served);
	const memoryAtStart = memory(server.pid);
	const { base } = server;
	const b = manifest.bench;
	const password = manifest.password;
	try {
		/** @type {Record<string, string>} */
		const cookies = {};
		for (const [role, email] of Object.entries(b.users))
			cookies[role] = await signIn(base, email, password);

		const pages = [
			...Object.keys(b.users).map((role) => ({ path: '/konto', role })),
			// A bare `/` sends the steering group to /styring; `?oversikt` asks for the overview.
			{ path: '/?oversikt', role: 'steering' },
			{ path: '/', role: 'viewer' },
			{ path: '/styring', role: 'steering' },
			{ path: '/styring', role: 'viewer' },
			{ path: '/styring?siden=2026-01-01&endring=realisation', role: 'steering' },
			{ path: '/mitt-arbeid', role: 'programme_leader' },
			{ path: '/portefolje', role: 'steering' },
			{ path: '/portefolje/risiko', role: 'steering' },
			{ path: '/gevinster', role: 'programme_leader' },
			{ path: '/gevinster/kart', role: 'programme_leader' },
			{ path: `/arshjul?enhet=${b.unitId}`, role: 'unit_leader' },
			{ path: '/arshjul/mine', role: 'unit_leader' },
			{ path: '/arshjul/etterlevelse', role: 'steering' },
			{ path: '/admin/logg', role: 'admin' },
			{ path: '/admin/logg?type=benefit&eldre=1780000000000-150000', role: 'admin' },
			{ path: '/sok?q=tiltak', role: 'viewer' },
			{ path: '/sok?q=felles+rutine', role: 'viewer' },
			{ path: '/sok?q=tiltak&type=tiltak&side=500', role: 'viewer' },
			{ path: `/portefolje/prosjekter/${b.projectId}`, role: 'programme_leader' },
			{ path: `/gevinster/${b.benefitId}`, role: 'programme_leader' }
		];
		const only = args.pages ? new RegExp(args.pages) : null;
		const pageResults = [];
		const chosen = (p) =>
			p.path === '/konto' ||
			((!only || only.test(p.path)) && (!ONLY || ONLY.some((prefix) => p.path.startsWith(prefix))));
		for (const page of pages.filter(chosen)) {
			log(`  ${page.path} (${page.role}) …`);
			const r = await measurePage(server, page, cookies[page.role]);
			pageResults.push(r);
			log(
				`    ${r.bytes} B, first ${r.first.toFixed(0)} ms, median ${median(r.samples).toFixed(1)} ms, p95 ${quantile(r.samples, 0.95).toFixed(1)} ms, ${r.rps.toFixed(1)} req/s ${r.notes.join('; ')}`
			);
		}
		const memoryAfterPages = memory(server.pid);
		const probeAfterPages = await probeMemory(server);
		const restartsDuringPages = server.restarts;

		// Sign-offs: each unit leader signs their own unit's open occurrences, as on «Mine oppgaver».
		log('  signering (?/sign) …');
		// Enough open occurrences for 300 sign-offs a second; each unit leader has a few dozen.
		const want = POSTS.has('sign') ? Math.max(500, POST_SECONDS * 300) : 0;
		const queue = [];
		let leaders = 0;
		for (const { email, keys } of b.signOff) {
			if (queue.length >= want || leaders >= 60) break;
			const cookie = await signIn(base, email, password);
			leaders += 1;
			for (const key of keys) queue.push({ cookie, key });
		}
		const skipped = { results: [], wallMs: 0 };
		const signRun = !POSTS.has('sign')
			? skipped
			: await sustained({
					connections: CONNECTIONS,
					seconds: POST_SECONDS,
					next: () => queue.shift(),
					task: ({ cookie, key }) =>
						postAction(
							base,
							`/arshjul/forekomst/${key[0]}/${key[1]}/${key[2]}?/sign`,
							cookie,
							{ storedIn: 'Compilo', comment: 'Ytelsesmåling', link: '' },
							TIMEOUT_MS
						)
				});
		log('  realiseringer (?/logRealisation) …');
		const ids = b.realisation.benefitIds;
		let n = 0;
		const realisationRun = !POSTS.has('realisation')
			? skipped
			: await sustained({
					connections: CONNECTIONS,
					seconds: POST_SECONDS,
					next: () => (ids.length ? ids[n++ % ids.length] : undefined),
					task: (id) =>
						postAction(
							base,
							`/gevinster/${id}?/logRealisation`,
							cookies.programme_leader,
							{
								period: b.realisation.period,
								value: '1250',
								comment: 'Ytelsesmåling',
								evidence: '',
								supersedesId: ''
							},
							TIMEOUT_MS
						)
				});
		const posts = [
			{ form: '`/arshjul/forekomst/…?/sign`', role: 'unit_leader', leaders, ...signRun },
			{
				form: '`/gevinster/[id]?/logRealisation`',
				role: 'programme_leader',
				leaders: 1,
				...realisationRun
			}
		].filter((post) => post.wallMs > 0);
		const memoryAtEnd = memory(server.pid);
		if (args['heap-snapshot']) {
			mkdirSync(args['heap-snapshot'], { recursive: true });
			writeFileSync(`${server.probeFile}.snapshot`, path.resolve(args['heap-snapshot']));
		}
		const probeAtEnd = await probeMemory(server);
		if (args['heap-snapshot']) log(`  heap-øyeblikksbilde: ${await snapshotWritten(server)}`);

		const report = renderReport({
			startedAt,
			manifest,
			db: db.startsWith(root + path.sep) ? path.relative(root, db) : db,
			dbBytes: statSync(db).size,
			commit: git(['rev-parse', '--short', 'HEAD']),
			// The app measured: the last commit that changed it (stable when bench commits move).
			appCommit: git([
				'log',
				'-1',
				'--format=%h (%cs)',
				'--',
				'src',
				'drizzle',
				'package-lock.json'
			]),
			branch: git(['rev-parse', '--abbrev-ref', 'HEAD']),
			dirty: git(['status', '--porcelain', '--', 'src', 'bench', 'scripts']) !== '',
			node: process.version,
			cpus: os.cpus(),
			loadBefore,
			loadAfter: loadAverage(),
			settings: {
				repeats: REPEATS,
				seconds: SECONDS,
				postSeconds: POST_SECONDS,
				connections: CONNECTIONS,
				slowMs: SLOW_MS,
				slowRepeats: SLOW_REPEATS,
				timeoutMs: TIMEOUT_MS,
				pageBudgetMs: PAGE_BUDGET_MS,
				restarts: restartsDuringPages
			},
			pages: pageResults,
			posts,
			memory: [
				{ when: 'after start', ...memoryAtStart },
				...server.killed.map((m, i) => ({
					when: `killed after an abandoned request (${i + 1})`,
					...m
				})),
				{ when: 'after the pages', ...memoryAfterPages },
				{ when: 'after the POSTs', ...memoryAtEnd }
			],
			probes: [
				{ when: 'after the pages', probe: probeAfterPages },
				{ when: 'after the POSTs', probe: probeAtEnd }
			],
			mallocArenaMax: process.env.MALLOC_ARENA_MAX ?? null,
			nodeOptions: NODE_OPTIONS.join(' ')
		});
		log('');
		log(report);
		if (!args['no-write']) {
			const day = startedAt.toISOString().slice(0, 10);
			const file = args.out ?? freshResultFile(`server-${manifest.scale}-${day}`);
			mkdirSync(path.dirname(file), { recursive: true });
			writeFileSync(file, report);
			log(`Skrevet til ${file}`);
		}
	} finally {
		server.stop();
		cleanup();
	}
}

/**
 * `bench/results/<name>.md`, or `<name>-2.md`, `-3` … when a run the same day is already
 * there: the checked-in tables are what later runs are compared with, so none is overwritten.
 * @param {string} name
 */
function freshResultFile(name) {
	for (let n = 1; ; n++) {
		const file = path.join('bench/results', `${name}${n === 1 ? '' : `-${n}`}.md`);
		if (!existsSync(file)) return file;
	}
}

/** @param {string[]} gitArgs */
function git(gitArgs) {
	try {
		return execFileSync('git', gitArgs, { encoding: 'utf8' }).trim();
	} catch {
		return '';
	}
}

main().catch((e) => {
	console.error(e instanceof Error ? e.message : e);
	process.exit(1);
});
