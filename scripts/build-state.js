// Whether `build/` is missing or older than what it is built from; shared by `npm start` and
// the server benchmark, so neither serves a stale build.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

function newestMtime(dir) {
	let newest = 0;
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		// Paraglide rewrites its modules on every compile (lint, check); messages/ is their source.
		if (entry.name === 'paraglide') continue;
		const full = path.join(dir, entry.name);
		const mtime = entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs;
		if (mtime > newest) newest = mtime;
	}
	return newest;
}

/** @param {string} root the repository root */
export function needsBuild(root) {
	if (process.env.MISJONSKART_SKIP_BUILD === '1') return false;
	const buildEntry = path.join(root, 'build', 'index.js');
	if (!existsSync(buildEntry)) return true;
	const built = statSync(buildEntry).mtimeMs;
	const sources = ['src', 'static', 'drizzle', 'messages']
		.map((d) => path.join(root, d))
		.filter(existsSync);
	const configs = [
		'package-lock.json',
		'svelte.config.js',
		'vite.config.ts',
		'i18n.config.js',
		'project.inlang/settings.json'
	].map((f) => path.join(root, f));
	return (
		sources.some((d) => newestMtime(d) > built) ||
		configs.some((f) => existsSync(f) && statSync(f).mtimeMs > built)
	);
}
