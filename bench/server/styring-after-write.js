#!/usr/bin/env node
/**
 * The steering page's first load after a write, on the national dataset (README,
 * «Ytelsesmåling»): the built server (`scripts/server.js` of this checkout, or of the checkout
 * given with `--app DIR`) on a copy of the database (its manifest `COPY.db.json` beside it, or
 * given as a third argument), signed in as the dataset's steering member
 * and programme leader. Each round posts one realisation (`/gevinster/[id]?/logRealisation`,
 * as the server benchmark does), then times `/styring` twice: the first load after the write,
 * and the next one (nothing written in between). Prints median, p95 and the load average.
 * `--write session` signs the programme leader in again instead (a session row written, no
 * figure's table): what a renewal or a sign-in does to the page.
 *   flock /tmp/misjonskart-heavy.lock node bench/server/styring-after-write.js COPY.db [rounds]
 * The database is written to: give it a copy, never /work/data/national.db itself.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { freePort, median, postAction, quantile, signIn, timed } from './http.js';
import { SERVER_NODE_OPTIONS } from '../../scripts/node-options.js';

const args = process.argv.slice(2);
const appAt = args.indexOf('--app');
const app = appAt >= 0 ? path.resolve(args.splice(appAt, 2)[1] ?? '.') : process.cwd();
const writeAt = args.indexOf('--write');
const write = writeAt >= 0 ? args.splice(writeAt, 2)[1] : 'realisation';
if (write !== 'realisation' && write !== 'session') throw new Error('--write realisation|session');
const [database, roundsArg] = args;
if (!database) throw new Error('Oppgi en kopi av databasen.');
const rounds = Number(roundsArg ?? 12);
// The generator's manifest (password, users, bench ids) lies beside the database it wrote.
const manifest = JSON.parse(readFileSync(args[2] ?? `${database}.json`, 'utf8'));

const port = await freePort();
const base = `http://127.0.0.1:${port}`;
// With the Node options `npm start` gives the server (scripts/node-options.js).
const child = spawn(
	process.execPath,
	[...SERVER_NODE_OPTIONS, path.join(app, 'scripts/server.js')],
	{
		cwd: app,
		env: {
			...process.env,
			HOST: '127.0.0.1',
			PORT: String(port),
			ORIGIN: base,
			DATABASE_URL: database
		},
		stdio: ['ignore', 'pipe', 'pipe']
	}
);
process.once('exit', () => child.kill('SIGKILL'));
await new Promise((resolve, reject) => {
	let output = '';
	const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 120_000);
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

const { users } = manifest.bench;
const steering = await signIn(base, users.steering, manifest.password);
const leader = await signIn(base, users.programme_leader, manifest.password);
const page = () => timed(`${base}/styring`, { headers: { cookie: steering } });
const load = () =>
	loadavg()
		.map((l) => l.toFixed(2))
		.join(' ');

const loadBefore = load();
// Warm: the first load after start compiles and fills every cache.
for (let i = 0; i < 3; i++) await page();
const ids = manifest.bench.realisation.benefitIds;
/** @type {number[]} */
const afterWrite = [];
/** @type {number[]} */
const next = [];
/** @type {number[]} */
const writes = [];
for (let i = 0; i < rounds; i++) {
	if (write === 'session') {
		const started = performance.now();
		await signIn(base, users.programme_leader, manifest.password);
		writes.push(performance.now() - started);
		const first = await page();
		if (first.status !== 200) throw new Error(`/styring: HTTP ${first.status}`);
		afterWrite.push(first.ms);
		next.push((await page()).ms);
		continue;
	}
	const post = await postAction(
		base,
		`/gevinster/${ids[i % ids.length]}?/logRealisation`,
		leader,
		{
			period: manifest.bench.realisation.period,
			value: '1250',
			comment: 'Ytelsesmåling',
			evidence: '',
			supersedesId: ''
		},
		120_000
	);
	if (!post.ok) throw new Error(`realisation: ${post.reason}`);
	writes.push(post.ms);
	const first = await page();
	if (first.status !== 200) throw new Error(`/styring: HTTP ${first.status}`);
	afterWrite.push(first.ms);
	next.push((await page()).ms);
}
const ms = (/** @type {number} */ v) => `${v.toFixed(0)} ms`;
console.log(
	`app ${app}, ${write} write, ${rounds} rounds, load average ${loadBefore} before, ${load()} after`
);
console.log('| request | median | p95 | min | max |');
console.log('| --- | ---: | ---: | ---: | ---: |');
for (const [name, values] of /** @type {const} */ ([
	[write === 'session' ? 'sign-in POST' : 'realisation POST', writes],
	['`/styring`, first load after the write', afterWrite],
	['`/styring`, the next load', next]
])) {
	console.log(
		`| ${name} | ${ms(median(values))} | ${ms(quantile(values, 0.95))} | ${ms(Math.min(...values))} | ${ms(Math.max(...values))} |`
	);
}
child.kill('SIGKILL');
process.exit(0);
