import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readOidcSettings } from '$lib/server/auth/oidc';
import { ConfigurationError } from '$lib/server/config-error';

// A wrong single sign-on setting stops the start with one paragraph for whoever runs the server
// (the variable, what is wrong, the right form), not a stack trace.
const BASE = { OIDC_ISSUER: 'https://login.example/tenant/v2.0', OIDC_CLIENT_ID: 'klient' };
const ROOT = process.cwd();

function refusal(env: Record<string, string>): ConfigurationError {
	try {
		readOidcSettings(env);
	} catch (e) {
		if (e instanceof ConfigurationError) return e;
		throw e;
	}
	throw new Error('the settings were taken');
}

describe('a typo in OIDC_GROUP_ROLES', () => {
	it.each([
		['an unknown role', 'g-styring=steering; g-leder=sjef', '«g-leder=sjef»: ukjent rolle «sjef»'],
		['no role', 'g-styring', '«g-styring» er ikke på formen gruppe=rolle'],
		['a unit leader without a unit', 'g=unit_leader', 'mangler enhetens id'],
		['a unit on another role', 'g=steering:4', 'bare unit_leader knyttes til en enhet'],
		['a line break inside', 'g-a=admin\ng-b=sjef', '«g-b=sjef»: ukjent rolle']
	])('%s: one paragraph naming the variable, the fault and the right form', (_, value, fault) => {
		const e = refusal({ ...BASE, OIDC_GROUP_ROLES: value });
		expect(e.message).not.toMatch(/\n/);
		expect(e.message.startsWith('OIDC_GROUP_ROLES er feil: ')).toBe(true);
		expect(e.message).toContain(fault);
		expect(e.message).toContain(
			'for eksempel OIDC_GROUP_ROLES="g-styring=steering; g-oppvekst-ledere=unit_leader:12"'
		);
	});

	it('the other settings that stop the start say so the same way', () => {
		expect(refusal({ OIDC_ISSUER: BASE.OIDC_ISSUER }).message).toMatch(
			/^OIDC_CLIENT_ID mangler: .*for eksempel OIDC_CLIENT_ID=misjonskart\.$/
		);
		expect(refusal({ ...BASE, OIDC_ISSUER: 'ikke en\nadresse' }).message).toMatch(
			/^OIDC_ISSUER er ikke en adresse: «ikke en adresse»\. .*for eksempel OIDC_ISSUER=https:/
		);
		expect(refusal({ ...BASE, OIDC_ISSUER: 'http://idp.kommune.no' }).message).toBe(
			'OIDC_ISSUER må være en https-adresse: «http://idp.kommune.no». Bare en leverandør på denne maskinen (localhost, 127.0.0.1) kan nås med http, for tester.'
		);
		expect(refusal({ OIDC_PROVISION: 'maybe' }).message).toMatch(
			/^OIDC_PROVISION er verken på eller av: «maybe»\. Skriv OIDC_PROVISION=on .* eller OIDC_PROVISION=off /
		);
	});

	it('ends the server’s start with that paragraph on stderr, exit code 1 and no stack trace', () => {
		// The server's own loader (scripts/server.js) around a start that reads the settings from
		// the environment, as the app's init hook does.
		const start = `
			import { loadHandler } from ${JSON.stringify(path.join(ROOT, 'scripts/app-server.js'))};
			await loadHandler(async () => {
				const { readOidcSettings } = await import(${JSON.stringify(path.join(ROOT, 'src/lib/server/auth/oidc.ts'))});
				readOidcSettings();
				return { handler: () => {} };
			});
			console.log('started');
		`;
		const run = (env: Record<string, string>) =>
			spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', start], {
				cwd: ROOT,
				env: { PATH: process.env.PATH ?? '', ...BASE, ...env },
				encoding: 'utf8'
			});
		const bad = run({ OIDC_GROUP_ROLES: 'g-styring=styring' });
		expect(bad.status).toBe(1);
		expect(bad.stdout).toBe('');
		const lines = bad.stderr.trim().split('\n');
		expect(lines).toHaveLength(1);
		expect(lines[0]).toMatch(
			/^Misjonskart kunne ikke starte: OIDC_GROUP_ROLES er feil: «g-styring=styring»: ukjent rolle «styring»; gyldige roller er admin, .* for eksempel OIDC_GROUP_ROLES=/
		);
		expect(bad.stderr).not.toMatch(/\bat .*\.(ts|js):\d+/);
		const good = run({ OIDC_GROUP_ROLES: 'g-styring=steering' });
		expect(good.status).toBe(0);
		expect(good.stdout.trim()).toBe('started');
	});
});
