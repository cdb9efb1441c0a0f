#!/usr/bin/env node
// `npm run bench`: the benefit-map benchmarks (README, «Ytelsesmåling»). Layout time in Node
// (benefit-map-layout.bench.js) and render time of the map page in Chromium
// (render.bench.js, against the built server; built here when missing).
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

if (!existsSync('build/index.js') || process.argv.includes('--build')) {
	run(['node_modules/vite/bin/vite.js', 'build']);
}
run(['node_modules/vitest/vitest.mjs', 'bench', '--run', 'bench/']);
