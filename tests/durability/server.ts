import { spawn, type ChildProcess } from 'node:child_process';
import { freePort } from '../e2e/server';

export type CrashableServer = {
	baseUrl: string;
	/** SIGKILL: no shutdown code runs, the way a power cut or the OOM killer ends it. */
	crash: () => Promise<void>;
};

/**
 * The built app (`scripts/server.js`, as `npm start` serves it) on an existing database file.
 * Unlike tests/e2e/server.ts it leaves the file alone when it ends, since every round of the
 * crash test reopens it.
 */
export async function startOn(databaseUrl: string): Promise<CrashableServer> {
	const port = await freePort();
	const baseUrl = `http://127.0.0.1:${port}`;
	const server: ChildProcess = spawn(process.execPath, ['scripts/server.js'], {
		env: {
			...process.env,
			HOST: '127.0.0.1',
			PORT: String(port),
			ORIGIN: baseUrl,
			DATABASE_URL: databaseUrl
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
	let output = '';
	await new Promise<void>((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 30_000);
		const onData = (chunk: Buffer) => {
			output += chunk.toString();
			if (output.includes('Listening on')) {
				clearTimeout(timer);
				resolve();
			}
		};
		server.stdout!.on('data', onData);
		server.stderr!.on('data', onData);
		server.once('exit', (code) => reject(new Error(`server exited (${code}):\n${output}`)));
	});
	return {
		baseUrl,
		crash: async () => {
			server.kill('SIGKILL');
			await exited;
		}
	};
}
