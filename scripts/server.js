#!/usr/bin/env node
// Serves the adapter-node build. Not build/index.js: that entry answers the files under
// build/client (scripts, styles, icons) with sirv before SvelteKit's `handle` runs, so the
// headers set by the hooks (src/lib/server/security-headers.ts) never reach them.
// adapter-node's documentation offers this instead ("Custom server"): import build/handler.js
// into your own server. Reads HOST (default 127.0.0.1, as `npm start`), PORT, ORIGIN and
// SHUTDOWN_TIMEOUT; the handler reads the rest (BODY_SIZE_LIMIT, default here 52M, PROTOCOL_HEADER …).
// SOCKET_PATH and systemd socket activation, which build/index.js offers, are not needed here.
import { createAppServer, loadHandler, shutDownOnSignals } from './app-server.js';

// A sign-off may carry up to five evidence files of 10 MB (src/lib/domain/control/evidence.ts);
// adapter-node's default body limit, 512K, would refuse most of them before the action could
// answer in Norwegian. The handler reads the variable when it is loaded, so set it first.
process.env.BODY_SIZE_LIMIT ||= '52M';
const handler = await loadHandler(() => import('../build/handler.js'));

const host = process.env.HOST || '127.0.0.1';
const port = Number(process.env.PORT || '3000');

const server = createAppServer(handler, { origin: process.env.ORIGIN });
shutDownOnSignals(server, Number(process.env.SHUTDOWN_TIMEOUT || '30'));
/** Settles when the server listens, or fails to (a port in use): `npm start` waits for it. */
export const listening = new Promise((resolve) => {
	server.once('error', (/** @type {NodeJS.ErrnoException} */ e) => {
		const why =
			e.code === 'EADDRINUSE'
				? `porten ${port} er allerede i bruk (velg en annen med PORT=…)`
				: e.code === 'EACCES'
					? `mangler tilgang til port ${port}`
					: e.message;
		console.error(`Misjonskart kunne ikke starte: ${why}.`);
		process.exit(1);
	});
	server.listen(port, host, () => {
		console.log(`Listening on http://${host}:${port}`);
		resolve(undefined);
	});
});
