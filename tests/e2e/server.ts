import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export type RunningServer = {
	baseUrl: string;
	/** The server's SQLite file. */
	databaseUrl: string;
	/** Everything the server printed until it was ready. */
	output: string;
	stop: () => void;
};

/** A port nothing listens on now, for a server or a provider a test starts on loopback. */
export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const srv = createServer();
		srv.once('error', reject);
		srv.listen(0, '127.0.0.1', () => {
			const { port } = srv.address() as { port: number };
			srv.close(() => resolve(port));
		});
	});
}

/** The day the browser journeys are set on: October's tasks overdue, November's due. */
export const E2E_CLOCK_START = '2026-11-25T12:00:00Z';

/**
 * Starts the built app (`scripts/server.js` around the build, as `npm start` does) on a free port and a fresh temporary database, and
 * resolves once it listens and `ready(output)` holds. `stop()` kills it and removes the database.
 */
export async function startServer({
	env = {},
	ready = () => true,
	name = 'e2e'
}: {
	env?: Record<string, string>;
	ready?: (output: string) => boolean;
	name?: string;
} = {}): Promise<RunningServer> {
	const dir = mkdtempSync(path.join(tmpdir(), `misjonskart-${name}-`));
	const port = await freePort();
	const baseUrl = `http://127.0.0.1:${port}`;
	const databaseUrl = path.join(dir, `${name}.db`);
	const server: ChildProcess = spawn(process.execPath, ['scripts/server.js'], {
		env: {
			...process.env,
			HOST: '127.0.0.1',
			PORT: String(port),
			ORIGIN: baseUrl,
			DATABASE_URL: databaseUrl,
			// The journeys are set on 25 November 2026 (see src/lib/server/clock.ts), so they
			// read the same whatever day they run.
			MISJONSKART_CLOCK_START: E2E_CLOCK_START,
			// No daily notice job in a browser test (src/lib/server/notices/schedule.ts).
			NOTIFY_SCHEDULE: 'off',
			...env
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	const stop = () => {
		server.kill();
		rmSync(dir, { recursive: true, force: true });
	};
	let output = '';
	try {
		await new Promise<void>((resolve, reject) => {
			const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 30_000);
			const onData = (chunk: Buffer) => {
				output += chunk.toString();
				if (output.includes('Listening on') && ready(output)) {
					clearTimeout(timer);
					resolve();
				}
			};
			server.stdout!.on('data', onData);
			server.stderr!.on('data', onData);
			server.once('exit', (code) => reject(new Error(`server exited (${code}):\n${output}`)));
		});
	} catch (e) {
		stop();
		throw e;
	}
	return { baseUrl, databaseUrl, output, stop };
}
