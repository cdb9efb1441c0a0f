// The one set of Paraglide compiler options, shared by the vite plugin (build, dev, vitest) and
// `npm run i18n` (lint and svelte-check run before any build), so both write the same modules.
// https://inlang.com/m/gerre34r/library-inlang-paraglideJs/compiler-options

/** @type {import('@inlang/paraglide-js').CompilerOptions} */
export const paraglideOptions = {
	project: './project.inlang',
	outdir: './src/lib/paraglide',
	// The server decides the language once per request (src/lib/server/i18n.ts) and runs the
	// request inside Paraglide's AsyncLocalStorage; the browser reads what the server put in
	// <html lang> (src/hooks.client.ts), so both render the same text. Outside a request
	// (scripts, start-up) messages are bokmål.
	strategy: ['custom-page', 'baseLocale'],
	// One module per message, so a page's bundle holds only the messages it uses.
	outputStructure: 'message-modules'
};

/**
 * The compiled output, for Vitest's `server.deps.external`: plain ESM that Node loads itself.
 * Through Vite's module runner it cost 1.4–1.7 s per unit-test file (locale-modules, 5 MB) and
 * some 15 s per browser-journey file (message-modules, 3 000 files). The runtime needs no
 * transform: it reads `import.meta.env?.SSR` and falls back to `typeof window`.
 * https://vitest.dev/config/#server-deps-external
 */
export const paraglideOutput = /\/src\/lib\/paraglide\//;
