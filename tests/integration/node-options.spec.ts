import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SERVER_NODE_OPTIONS } from '../../scripts/node-options.js';

// The server's Node options live in one list (scripts/node-options.js); `npm start` and
// `npm run demo` must start Node with each of them, since they cannot be set once it runs.
describe('the Node options the server starts with', () => {
	const scripts: Record<string, string> = JSON.parse(readFileSync('package.json', 'utf8')).scripts;

	it.each(['start', 'demo'])('npm run %s passes every one to node', (name) => {
		const command = scripts[name] ?? '';
		expect(command.startsWith('node ')).toBe(true);
		const flags = command.slice('node '.length).split(' scripts/start.js')[0]!.split(' ');
		expect(flags).toEqual(SERVER_NODE_OPTIONS);
	});
});
