#!/usr/bin/env node
// `npm run bench`: the benefit-map benchmarks (README, «Ytelsesmåling»). Layout time in Node
// (benefit-map-layout.bench.js) and render time of the map page in Chromium
// (render.bench.js, against the built server; built here when missing). Then the server
// benchmark on the national dataset (bench/server/benchmark.js; generated first when missing,
// which takes minutes). `--skip-server` leaves that out, `--only-server` runs only that; other
// arguments go to the server benchmark (e.g. `--scale municipal`).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);

function run(args) {
	const result = spawnSync(process.execPath, args, { stdio: 'inherit' });
	if (result.status !== 0) process.exit(result.status ?? 1);
}

const flags = new Set(['--build', '--skip-server', '--only-server']);
const argv = process.argv.slice(2);
if (!existsSync('build/index.js') || argv.includes('--build')) {
	run(['node_modules/vite/bin/vite.js', 'build']);
}
if (!argv.includes('--only-server')) {
	run(['node_modules/vitest/vitest.mjs', 'bench', '--run', 'bench/']);
}
if (!argv.includes('--skip-server')) {
	run(['bench/server/benchmark.js', ...argv.filter((a) => !flags.has(a))]);
}
