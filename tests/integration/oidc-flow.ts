/**
 * The sign-in flow as a browser would walk it, for the single sign-on tests (oidc.spec.ts,
 * oidc-access.spec.ts): a real provider started for the test file (oidc-provider.ts), the app
 * configured for it through the environment, and the two routes called as SvelteKit would.
 */
import { afterAll, afterEach, beforeAll, expect, vi } from 'vitest';
import { GET as start } from '../../src/routes/(auth)/login/oidc/+server';
import { GET as callback } from '../../src/routes/(auth)/login/oidc/svar/+server';
import { db } from '$lib/server/db';
import { auditLog } from '$lib/server/db/schema';
import { SESSION_COOKIE } from '$lib/server/auth/session';
import { SSO_FLOW_COOKIE } from '$lib/server/auth/sso';
import { forgetDiscovery } from '$lib/server/auth/oidc';
import type { SSO_MESSAGES } from '$lib/server/auth/messages';
import { makeEvent, makeUnit, outcome, type Signed } from '../factories';
import { CLIENT_ID, CLIENT_SECRET, startProvider, type TestProvider } from './oidc-provider';

export type FlowOptions = { redirectTo?: string; now?: Date; ip?: string; signed?: Signed | null };

/**
 * Starts the provider before the file's tests and stops it after; the unit `Oppvekst` is what
 * the group `g-leder` leads. `issuerPath` mounts the provider under a path (oidc-provider.ts). Registers the hooks, so call it at the top of a test file.
 */
export function useTestProvider(options: { issuerPath?: string } = {}) {
	const ctx = { provider: null as unknown as TestProvider, unitId: 0 };
	const saved = { ...process.env };
	let ipCounter = 0;

	// The log lines of refused sign-ins are expected; they would only clutter the output.
	vi.spyOn(console, 'warn').mockImplementation(() => {});

	beforeAll(async () => {
		ctx.provider = await startProvider({ issuerPath: options.issuerPath });
		ctx.unitId = makeUnit('Oppvekst');
		Object.assign(process.env, {
			OIDC_ISSUER: ctx.provider.issuer,
			OIDC_CLIENT_ID: CLIENT_ID,
			OIDC_CLIENT_SECRET: CLIENT_SECRET,
			OIDC_SCOPES: 'openid email profile groups',
			OIDC_PROVIDER_NAME: 'Testkommunen',
			OIDC_GROUP_ROLES: `g-styring=steering; g-leder=unit_leader:${ctx.unitId}`
		});
	});

	afterEach(() => {
		ctx.provider.setTamper(null);
		delete process.env.OIDC_PROVISION;
		delete process.env.PASSWORD_LOGIN;
	});

	afterAll(async () => {
		process.env = saved;
		forgetDiscovery();
		await ctx.provider.close();
	});

	/** Each answer its own address, so one test's refusals do not slow the next down. */
	const freshIp = () => `10.77.0.${++ipCounter}`;

	/** Clicks «Logg inn med …» and signs in at the provider: its answer and the flow cookie. */
	async function throughProvider(accountId: string, opts: FlowOptions = {}) {
		const query = opts.redirectTo ? `?redirectTo=${encodeURIComponent(opts.redirectTo)}` : '';
		const event = makeEvent({ path: `/login/oidc${query}`, now: opts.now });
		const started = await outcome(() => start(event as never));
		if (started.kind !== 'redirect') throw new Error(`start answered ${started.kind}`);
		expect(started.location.startsWith(`${ctx.provider.issuer}/auth?`)).toBe(true);
		ctx.provider.signInAs(accountId);
		const answer = await ctx.provider.authorize(started.location);
		return { answer, cookie: event.cookies.jar.get(SSO_FLOW_COOKIE) };
	}

	/** The browser comes back to `/login/oidc/svar` with the provider's answer. */
	async function answer(url: URL, cookie: string | undefined, opts: FlowOptions = {}) {
		const event = makeEvent({
			path: url.pathname + url.search,
			now: opts.now,
			ip: opts.ip ?? freshIp(),
			signed: opts.signed
		});
		if (cookie) event.cookies.jar.set(SSO_FLOW_COOKIE, cookie);
		const result = await outcome(() => callback(event as never));
		return { event, result, session: event.cookies.jar.get(SESSION_COOKIE) };
	}

	async function signInAs(accountId: string, opts: FlowOptions = {}) {
		const { answer: url, cookie } = await throughProvider(accountId, opts);
		return answer(url, cookie, opts);
	}

	return { ctx, freshIp, throughProvider, answer, signInAs };
}

/** What the callback answers a refused sign-in with: back to the sign-in page, with the reason. */
export const refusedWith = (code: keyof typeof SSO_MESSAGES) => ({
	kind: 'redirect',
	status: 303,
	location: `/login?sso=${code}`
});

/** The change log's actions on a user, oldest first. */
export const auditActions = (userId: number) =>
	db
		.select()
		.from(auditLog)
		.all()
		.filter((a) => a.entityId === String(userId) && a.entity === 'user')
		.map((a) => a.action);

/** The roles taken away from a person, as the audit log records them. */
export const revokedRoles = (userId: number) =>
	db
		.select()
		.from(auditLog)
		.all()
		.filter((a) => a.entity === 'role_assignment' && a.action === 'revoke')
		.map((a) => a.before as { userId: number; role: string; via?: string })
		.filter((b) => b.userId === userId);
