import type { TestProject } from 'vitest/node';
import { startServer, type RunningServer } from './server';

declare module 'vitest' {
	export interface ProvidedContext {
		baseUrl: string;
		setupUrl: string;
		/** The server's SQLite file, so journeys can seed users and data through tests/factories. */
		databaseUrl: string;
	}
}

const SETUP_LINK = /https?:\/\/\S+\/setup\?token=\S+/;

let server: RunningServer | undefined;

/** Starts the built app on a fresh database and hands its first-run link to the journeys. */
export default async function setup(project: TestProject) {
	server = await startServer({ ready: (output) => SETUP_LINK.test(output) });
	project.provide('baseUrl', server.baseUrl);
	project.provide('setupUrl', server.output.match(SETUP_LINK)![0]);
	project.provide('databaseUrl', server.databaseUrl);

	return async () => {
		server?.stop();
	};
}
