#!/usr/bin/env node
// Starts Misjonskart: builds when the build is missing or older than the sources, then serves
// the adapter-node build through scripts/server.js (which gives static files the security
// headers too). `--demo` starts on a fresh temporary database with example data.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);

const demo = process.argv.includes('--demo');
const buildEntry = path.join(root, 'build', 'index.js');

function newestMtime(dir) {
	let newest = 0;
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const full = path.join(dir, entry.name);
		const mtime = entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs;
		if (mtime > newest) newest = mtime;
	}
	return newest;
}

function needsBuild() {
	if (process.env.MISJONSKART_SKIP_BUILD === '1') return false;
	if (!existsSync(buildEntry)) return true;
	const built = statSync(buildEntry).mtimeMs;
	const sources = ['src', 'static', 'drizzle'].filter((d) => existsSync(d));
	const configs = ['package-lock.json', 'svelte.config.js', 'vite.config.ts'];
	return (
		sources.some((d) => newestMtime(d) > built) ||
		configs.some((f) => existsSync(f) && statSync(f).mtimeMs > built)
	);
}

if (needsBuild()) {
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
	process.env.MISJONSKART_DEMO = '1';
	process.env.DATABASE_URL ||= path.join(
		mkdtempSync(path.join(tmpdir(), 'misjonskart-demo-')),
		'demo.db'
	);
	console.log(`Demodatabase: ${process.env.DATABASE_URL}`);
}
process.env.DATABASE_URL ||= 'data/misjonskart.db';

await import('./server.js');
console.log(`Misjonskart kjører på ${process.env.ORIGIN}`);
