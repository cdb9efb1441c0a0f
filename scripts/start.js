#!/usr/bin/env node
// Starts Misjonskart: builds when the build is missing or older than the sources, then serves
// the adapter-node build through scripts/server.js (which gives static files the security
// headers too). `--demo` starts on a fresh temporary database with example data;
// `--demo --scale national|municipal [--now …] [--seed …] [--password …]` fills it with the
// generated scale data instead (bench/scale/generate.ts).
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { needsBuild } from './build-state.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);

const demo = process.argv.includes('--demo');
const scale = demo && process.argv.includes('--scale');

if (needsBuild(root)) {
	console.log('Bygger Misjonskart (vite build) …');
	const result = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build'], {
		stdio: 'inherit'
	});
	if (result.status !== 0) process.exit(result.status ?? 1);
}

process.env.HOST ||= '127.0.0.1';
process.env.PORT ||= '3000';
// Form actions check the Origin header; default it to where we listen so they work as is.
process.env.ORIGIN ||= `http://${process.env.HOST}:${process.env.PORT}`;
if (demo) {
	process.env.DATABASE_URL ||= path.join(
		mkdtempSync(path.join(tmpdir(), 'misjonskart-demo-')),
		'demo.db'
	);
	console.log(`Demodatabase: ${process.env.DATABASE_URL}`);
}
if (scale) {
	// The generator refuses to replace a database it did not make, so a real one is safe.
	const args = process.argv.slice(2).filter((a) => a !== '--demo');
	const result = spawnSync(
		process.execPath,
		['--import', 'tsx', 'bench/scale/generate.ts', ...args, '--out', process.env.DATABASE_URL],
		{ stdio: 'inherit' }
	);
	if (result.status !== 0) process.exit(result.status ?? 1);
} else if (demo) {
	process.env.MISJONSKART_DEMO = '1';
}
if (demo) {
	// The demo's accessibility statement shows a contact as a real installation's would
	// (README, «Konfigurasjon»); example.org is reserved for examples (RFC 2606).
	process.env.UU_OPERATOR ||= 'Eksempelkommunen (demo)';
	process.env.UU_CONTACT ||= 'postmottak@example.org';
}
process.env.DATABASE_URL ||= 'data/misjonskart.db';

const { listening } = await import('./server.js');
await listening;
console.log(`Misjonskart kjører på ${process.env.ORIGIN}`);
