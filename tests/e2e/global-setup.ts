import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
	export interface ProvidedContext {
		baseUrl: string;
		setupUrl: string;
		/** The server's SQLite file, so journeys can seed users and data through tests/factories. */
		databaseUrl: string;
	}
}

function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const srv = createServer();
		srv.once('error', reject);
		srv.listen(0, '127.0.0.1', () => {
			const { port } = srv.address() as { port: number };
			srv.close(() => resolve(port));
		});
	});
}

let server: ChildProcess | undefined;
let dir: string | undefined;

/** Starts the built app on a fresh database and hands its first-run link to the journeys. */
export default async function setup(project: TestProject) {
	dir = mkdtempSync(path.join(tmpdir(), 'misjonskart-e2e-'));
	const port = await freePort();
	const baseUrl = `http://127.0.0.1:${port}`;
	const databaseUrl = path.join(dir, 'e2e.db');
	server = spawn(process.execPath, ['build/index.js'], {
		env: {
			...process.env,
			HOST: '127.0.0.1',
			PORT: String(port),
			ORIGIN: baseUrl,
			DATABASE_URL: databaseUrl
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	const setupUrl = await new Promise<string>((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 30_000);
		const onData = (chunk: Buffer) => {
			output += chunk.toString();
			const link = output.match(/https?:\/\/\S+\/setup\?token=\S+/);
			if (link && output.includes('Listening on')) {
				clearTimeout(timer);
				resolve(link[0]);
			}
		};
		server!.stdout!.on('data', onData);
		server!.stderr!.on('data', onData);
		server!.once('exit', (code) => reject(new Error(`server exited (${code}):\n${output}`)));
	});
	project.provide('baseUrl', baseUrl);
	project.provide('setupUrl', setupUrl);
	project.provide('databaseUrl', databaseUrl);

	return async () => {
		server?.kill();
		if (dir) rmSync(dir, { recursive: true, force: true });
	};
}
