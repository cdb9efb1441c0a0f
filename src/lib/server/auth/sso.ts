/**
 * Signing in through the municipality's identity provider: the OpenID Connect authorization
 * code flow with PKCE (OpenID Connect Core 1.0 § 3.1; RFC 7636), with state and nonce
 * (RFC 9700 § 2.1, § 4.7). The state, nonce and PKCE verifier wait in a short-lived httpOnly
 * cookie scoped to `/login/oidc`; the callback takes them out (one use), has openid-client
 * exchange the code and verify the id_token (signature, issuer, audience, nonce, expiry against
 * the request's time), and then starts one of our own sessions, so the session rules are the
 * same as after a password (fresh token, idle and absolute lifetime).
 *
 * Every failure ends on the sign-in page with a Norwegian message (`/login?sso=<code>`) and a
 * line in the server log that names the reason but carries no token, code or secret.
 */
import { redirect, type RequestEvent } from '@sveltejs/kit';
import * as client from 'openid-client';
import { readIdentity, rolesForGroups } from '$lib/domain/sso/claims';
import { signInWithSso } from '$lib/server/db/queries/oidc';
import { clientFor, keepSigningKeys, readOidcSettings, type OidcSettings } from './oidc';
import { safeRedirectTarget } from './redirect';
import { invalidateSession, startSession } from './session';
import { recordSsoSuccess, reserveSsoAttempt } from './throttle';
import type { SsoFailure } from './messages';

export const SSO_FLOW_COOKIE = 'misjonskart_oidc';
const FLOW_PATH = '/login/oidc';
/** How long the person has at the provider before the answer is refused. */
export const SSO_FLOW_MS = 10 * 60 * 1000;

type SsoEvent = Pick<RequestEvent, 'url' | 'cookies' | 'locals' | 'getClientAddress'>;

/** What the browser carries between the start and the callback. */
type Flow = { state: string; nonce: string; verifier: string; target: string; startedAt: number };

type Outcome = { ok: true; userId: number } | { ok: false; code: SsoFailure };

function log(code: SsoFailure, detail: string): void {
	console.warn(`Innlogging via OpenID Connect avvist (${code}): ${detail}`);
}

/**
 * The OAuth error code the provider answered with: in the token endpoint's JSON body
 * (RFC 6749 § 5.2) or, for a client that failed to authenticate with HTTP Basic, in a
 * `WWW-Authenticate` challenge (RFC 6749 § 5.2 «invalid_client», RFC 6750 § 3). Null when the
 * provider named none. Only the standard's code characters are kept (RFC 6749 § A.7).
 */
function oauthError(e: unknown): string | null {
	let error: string | undefined;
	if (e instanceof client.ResponseBodyError) error = e.error;
	else if (e instanceof client.WWWAuthenticateChallengeError)
		error = e.cause.find((c) => c.parameters.error)?.parameters.error;
	const code = error?.replace(/[^\x20-\x21\x23-\x5b\x5d-\x7e]/g, '').slice(0, 64);
	return code ? code : null;
}

/** What a provider's error code means for whoever runs the server, when it is theirs to fix. */
const CONFIGURATION_HINT: Readonly<Record<string, string>> = {
	invalid_client:
		'the provider did not accept the client: check OIDC_CLIENT_ID and OIDC_CLIENT_SECRET',
	unauthorized_client:
		'the provider does not let this client use the authorization code flow: check the client registration'
};

/**
 * Why an error happened, for the log: its name, code and message, the provider's OAuth error
 * code and HTTP status when it answered with one, never its cause's data.
 */
function describe(e: unknown): string {
	if (!(e instanceof Error)) return String(e);
	const code = (e as { code?: unknown }).code;
	const cause = e.cause instanceof Error ? ` (${e.cause.message})` : '';
	const error = oauthError(e);
	const status = (e as { status?: unknown }).status;
	const answered = error
		? ` [${error}${typeof status === 'number' ? `, HTTP ${status}` : ''}${
				CONFIGURATION_HINT[error] ? `: ${CONFIGURATION_HINT[error]}` : ''
			}]`
		: '';
	return `${e.name}${typeof code === 'string' ? ` ${code}` : ''}: ${e.message}${cause}${answered}`;
}

function settingsOrNull(): OidcSettings | null {
	try {
		return readOidcSettings();
	} catch (e) {
		log('not_configured', describe(e));
		return null;
	}
}

function redirectUri(settings: OidcSettings, url: URL): string {
	return settings.redirectUri ?? `${url.origin}/login/oidc/svar`;
}

function failure(code: SsoFailure, target: string): never {
	const back = target === '/' ? '' : `&redirectTo=${encodeURIComponent(target)}`;
	redirect(303, `/login?sso=${code}${back}`);
}

function cookieOptions(url: URL) {
	return {
		httpOnly: true,
		// Lax: the provider sends the browser back with a top-level GET from its own site.
		sameSite: 'lax' as const,
		path: FLOW_PATH,
		secure: url.protocol === 'https:'
	};
}

function readFlow(value: string | undefined): Flow | null {
	if (!value) return null;
	try {
		const flow = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as Partial<Flow>;
		const strings = [flow.state, flow.nonce, flow.verifier, flow.target];
		if (strings.some((s) => typeof s !== 'string' || s.length === 0 || s.length > 2048)) {
			return null;
		}
		if (typeof flow.startedAt !== 'number') return null;
		return flow as Flow;
	} catch {
		return null;
	}
}

function isUnreachable(e: unknown): boolean {
	if (!(e instanceof Error)) return false;
	if (e.name === 'TimeoutError' || e.name === 'AbortError') return true;
	return e instanceof TypeError && /fetch failed/i.test(e.message);
}

/** `/login/oidc`: sends the browser to the provider. */
export async function startSsoSignIn(event: SsoEvent): Promise<never> {
	const now = event.locals.now;
	const target = safeRedirectTarget(event.url.searchParams.get('redirectTo'), event.url.origin);
	const settings = settingsOrNull();
	if (!settings) failure('not_configured', target);
	let config: client.Configuration;
	try {
		config = await clientFor(settings, now);
	} catch (e) {
		log('unavailable', describe(e));
		failure('unavailable', target);
	}
	const flow: Flow = {
		state: client.randomState(),
		nonce: client.randomNonce(),
		verifier: client.randomPKCECodeVerifier(),
		target,
		startedAt: now.getTime()
	};
	const authorizationUrl = client.buildAuthorizationUrl(config, {
		redirect_uri: redirectUri(settings, event.url),
		scope: settings.scopes,
		state: flow.state,
		nonce: flow.nonce,
		code_challenge: await client.calculatePKCECodeChallenge(flow.verifier),
		code_challenge_method: 'S256'
	});
	event.cookies.set(SSO_FLOW_COOKIE, Buffer.from(JSON.stringify(flow)).toString('base64url'), {
		...cookieOptions(event.url),
		maxAge: SSO_FLOW_MS / 1000
	});
	redirect(303, authorizationUrl.href);
}

async function finish(event: SsoEvent, settings: OidcSettings, flow: Flow): Promise<Outcome> {
	const now = event.locals.now;
	const params = event.url.searchParams;
	const age = now.getTime() - flow.startedAt;
	if (age < 0 || age > SSO_FLOW_MS) {
		log('expired', `sign-in started ${Math.round(age / 1000)} s ago`);
		return { ok: false, code: 'expired' };
	}
	if (params.get('state') !== flow.state) {
		log('expired', 'the state in the answer is not the one this browser was sent with');
		return { ok: false, code: 'expired' };
	}
	const error = params.get('error');
	if (error !== null) {
		log('denied', `the provider answered ${error.replace(/[^\w.-]/g, '').slice(0, 64)}`);
		return { ok: false, code: error === 'access_denied' ? 'denied' : 'invalid' };
	}
	let claims: Record<string, unknown>;
	let config: client.Configuration | undefined;
	try {
		config = await clientFor(settings, now);
		const current = new URL(redirectUri(settings, event.url));
		current.search = event.url.search;
		const tokens = await client.authorizationCodeGrant(config, current, {
			pkceCodeVerifier: flow.verifier,
			expectedState: flow.state,
			expectedNonce: flow.nonce,
			idTokenExpected: true
		});
		claims = tokens.claims() ?? {};
	} catch (e) {
		// A code that was already exchanged is `invalid_grant` (RFC 6749 § 5.2): a replay. A
		// client the provider refuses is set up wrong here or there: trying again will not help.
		const error = oauthError(e);
		const code: SsoFailure = isUnreachable(e)
			? 'unavailable'
			: error === 'invalid_grant'
				? 'expired'
				: error !== null && error in CONFIGURATION_HINT
					? 'not_configured'
					: 'invalid';
		log(code, describe(e));
		return { ok: false, code };
	} finally {
		if (config) keepSigningKeys(config);
	}
	const read = readIdentity(claims, settings.claims);
	if (!read.ok) {
		log(read.reason, `claim ${settings.claims.email} from ${settings.issuerId}`);
		return { ok: false, code: read.reason };
	}
	const { identity } = read;
	// Without the groups claim the provider has not said who is in which group, so the roles
	// stay as they are rather than being taken away from everyone.
	const unsaid = identity.groups === null && settings.groupRoles.length > 0;
	if (unsaid) {
		console.warn(
			`OIDC_GROUP_ROLES: id_token mangler claimet «${settings.claims.groups}», så rollene er ikke endret; be om det (OIDC_SCOPES) eller se README`
		);
	}
	const result = signInWithSso(
		{
			email: identity.email,
			name: identity.name,
			roles: rolesForGroups(identity.groups ?? [], settings.groupRoles),
			mapping: unsaid ? [] : settings.groupRoles,
			issuer: settings.issuerId,
			subject: String(claims.sub),
			provision: settings.provision
		},
		now
	);
	if (!result.ok) {
		const code: SsoFailure =
			result.reason === 'inactive' || result.reason === 'identity_mismatch'
				? result.reason
				: 'unknown_user';
		log(code, `no active account may be opened for subject ${String(claims.sub)}`);
		return { ok: false, code };
	}
	if (result.value.skipped > 0) {
		console.warn(
			`OIDC_GROUP_ROLES: ${result.value.skipped} rolle(r) viser til en enhet som ikke finnes (eller er arkivert)`
		);
	}
	return { ok: true, userId: result.value.userId };
}

/** `/login/oidc/svar`: the provider's answer. Always ends in a redirect. */
export async function completeSsoSignIn(event: SsoEvent): Promise<never> {
	const flow = readFlow(event.cookies.get(SSO_FLOW_COOKIE));
	// One use: whatever happens next, this answer cannot be presented again from this browser.
	event.cookies.delete(SSO_FLOW_COOKIE, cookieOptions(event.url));
	const target = safeRedirectTarget(flow?.target ?? null, event.url.origin);
	const settings = settingsOrNull();
	if (!settings) failure('not_configured', target);
	const now = event.locals.now;
	const attempt = reserveSsoAttempt(event.getClientAddress(), now);
	if (!attempt.ok) {
		log('throttled', `wait ${Math.ceil(attempt.waitMs / 1000)} s`);
		failure('throttled', target);
	}
	if (!flow) {
		log('expired', 'no sign-in under way in this browser (missing or unreadable cookie)');
		failure('expired', target);
	}
	const outcome = await finish(event, settings, flow);
	if (!outcome.ok) failure(outcome.code, target);
	recordSsoSuccess(attempt.ticket);
	// A fresh token at every sign-in; any session the browser carried is ended (fixation).
	if (event.locals.session) invalidateSession(event.locals.session.id);
	startSession(event, outcome.userId, now);
	redirect(303, target);
}
