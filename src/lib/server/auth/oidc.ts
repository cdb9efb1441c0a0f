/**
 * The OpenID Connect client (README, «Innlogging med OpenID Connect»): its settings from the
 * environment, and the provider's metadata found by discovery (OpenID Connect Discovery 1.0),
 * fetched once and kept.
 */
import * as client from 'openid-client';
import { offsetFromProcessClock } from '$lib/server/clock';
import { ConfigurationError } from '$lib/server/config-error';
import { parseGroupRoles, type ClaimNames, type GroupRole } from '$lib/domain/sso/claims';
import { issuerIdentity, sameIssuer } from '$lib/domain/sso/issuer';

type Env = Record<string, string | undefined>;

export type OidcSettings = {
	/** `OIDC_ISSUER` as written: where discovery begins. */
	issuer: URL;
	/**
	 * The provider, as stored with a person's subject identifier: the issuer without trailing
	 * slashes (domain/sso/issuer.ts), so `https://idp/x` and `https://idp/x/` are one provider.
	 */
	issuerId: string;
	clientId: string;
	clientSecret: string | null;
	scopes: string;
	/** Shown on the button: «Logg inn med <name>». */
	providerName: string;
	claims: ClaimNames;
	groupRoles: GroupRole[];
	/** Whether someone the provider knows but we do not gets an account (with no roles). */
	provision: boolean;
	/** Fixed redirect URI; by default the app's own `/login/oidc/svar`. */
	redirectUri: string | null;
};

/** A value quoted in a message as one line, however it was written. */
const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

const off = (value: string | undefined) => /^(off|false|0|nei|av)$/i.test(value?.trim() ?? '');
const on = (value: string | undefined) => /^(on|true|1|ja|på)$/i.test(value?.trim() ?? '');

/** Password sign-in is on unless `PASSWORD_LOGIN=off`. */
export function passwordLoginEnabled(env: Env = process.env): boolean {
	return !off(env.PASSWORD_LOGIN);
}

/** How OIDC_GROUP_ROLES is written (README, «Innlogging med OpenID Connect»), for its errors. */
const GROUP_ROLES_FORM =
	'Skriv gruppe=rolle, flere skilt med «;» eller linjeskift, og gruppe=unit_leader:<enhetens id> for en enhetsleder, for eksempel OIDC_GROUP_ROLES="g-styring=steering; g-oppvekst-ledere=unit_leader:12".';

/**
 * The settings, or null when single sign-on is not configured (no `OIDC_ISSUER`). A setting that
 * is present but wrong stops the server at once rather than letting sign-in half work: a
 * ConfigurationError whose message names the variable, what is wrong and the right form.
 */
export function readOidcSettings(env: Env = process.env): OidcSettings | null {
	// These two are read for their spelling even while sign-on is off, so a typo is found the day
	// it is written, not the day OIDC_ISSUER is set.
	const mapping = parseGroupRoles(env.OIDC_GROUP_ROLES ?? '');
	if (!mapping.ok) {
		throw new ConfigurationError(
			`OIDC_GROUP_ROLES er feil: ${oneLine(mapping.error)}. ${GROUP_ROLES_FORM}`
		);
	}
	const provision = env.OIDC_PROVISION?.trim();
	if (provision && !on(provision) && !off(provision)) {
		throw new ConfigurationError(
			`OIDC_PROVISION er verken på eller av: «${oneLine(provision)}». Skriv OIDC_PROVISION=on (ukjente personer med bekreftet adresse får en konto) eller OIDC_PROVISION=off (bare de som har en konto, kommer inn).`
		);
	}
	const issuerText = env.OIDC_ISSUER?.trim();
	if (!issuerText) return null;
	const clientId = env.OIDC_CLIENT_ID?.trim();
	if (!clientId) {
		throw new ConfigurationError(
			'OIDC_CLIENT_ID mangler: OIDC_ISSUER er satt, så innlogging med OpenID Connect trenger klient-id-en Misjonskart er registrert med hos leverandøren, for eksempel OIDC_CLIENT_ID=misjonskart.'
		);
	}
	let issuer: URL;
	try {
		issuer = new URL(issuerText);
	} catch {
		throw new ConfigurationError(
			`OIDC_ISSUER er ikke en adresse: «${oneLine(issuerText)}». Skriv leverandørens issuer slik discovery-dokumentet oppgir den, for eksempel OIDC_ISSUER=https://login.microsoftonline.com/<tenant-id>/v2.0.`
		);
	}
	// The code and tokens travel to the issuer's endpoints: https only (RFC 6749 § 3.1, § 10.9),
	// except a provider on this machine. openid-client would refuse http at the first sign-in, as
	// a failure the sign-in page can only call «no contact».
	if (issuer.protocol !== 'https:' && !(issuer.protocol === 'http:' && isLoopback(issuer))) {
		throw new ConfigurationError(
			`OIDC_ISSUER må være en https-adresse: «${oneLine(issuerText)}». Bare en leverandør på denne maskinen (localhost, 127.0.0.1) kan nås med http, for tester.`
		);
	}
	const verified = env.OIDC_EMAIL_VERIFIED_CLAIM?.trim() || 'email_verified';
	return {
		issuer,
		issuerId: issuerIdentity(issuer),
		clientId,
		clientSecret: env.OIDC_CLIENT_SECRET || null,
		scopes: env.OIDC_SCOPES?.trim() || 'openid email profile',
		providerName: env.OIDC_PROVIDER_NAME?.trim() || 'kommunens brukerkonto',
		claims: {
			email: env.OIDC_EMAIL_CLAIM?.trim() || 'email',
			emailVerified: verified === 'none' ? null : verified,
			name: env.OIDC_NAME_CLAIM?.trim() || 'name',
			groups: env.OIDC_GROUPS_CLAIM?.trim() || 'groups'
		},
		groupRoles: mapping.value,
		provision: !off(env.OIDC_PROVISION),
		redirectUri: env.OIDC_REDIRECT_URI?.trim() || null
	};
}

/**
 * Plain http only to a provider on this machine (tests, a local test provider); anything else
 * must be https (RFC 6749 § 3.1, § 10.9).
 */
function isLoopback(url: URL): boolean {
	return ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
}

type Discovered = { key: string; metadata: client.ServerMetadata; jwks?: client.ExportedJWKSCache };
let discovered: Discovered | null = null;
let pending: { key: string; promise: Promise<client.ServerMetadata> } | null = null;

/** Discovery at `issuer` (OpenID Connect Discovery 1.0 § 4), with openid-client's checks. */
function discover(issuer: URL, settings: OidcSettings): Promise<client.ServerMetadata> {
	return client
		.discovery(issuer, settings.clientId, undefined, undefined, {
			execute: isLoopback(issuer) ? [client.allowInsecureRequests] : [],
			timeout: 10
		})
		.then((config) => config.serverMetadata());
}

/**
 * The issuer the discovery document gives, when openid-client refused it only because
 * `OIDC_ISSUER` was written with or without a trailing slash where the document has the other;
 * null for any other error. Discovery § 4.3 wants the two identical, and openid-client compares
 * them exactly.
 */
function slashOnlyMismatch(e: unknown, settings: OidcSettings): string | null {
	if (!(e instanceof client.ClientError) || e.code !== 'OAUTH_JSON_ATTRIBUTE_COMPARISON_FAILED') {
		return null;
	}
	const cause = e.cause as { attribute?: unknown; body?: { issuer?: unknown } } | undefined;
	const said = cause?.body?.issuer;
	if (cause?.attribute !== 'issuer' || typeof said !== 'string') return null;
	try {
		return sameIssuer(said, settings.issuer) ? said : null;
	} catch {
		return null;
	}
}

/**
 * The provider's metadata. Where `OIDC_ISSUER` and the discovery document differ only by a
 * trailing slash, discovery is done again at the document's own spelling, so the metadata's
 * `issuer`, which every id_token's `iss` is then checked against exactly (OpenID Connect Core
 * § 3.1.3.7 item 2), is the one the provider publishes.
 */
async function discoverProvider(settings: OidcSettings): Promise<client.ServerMetadata> {
	try {
		return await discover(settings.issuer, settings);
	} catch (e) {
		const said = slashOnlyMismatch(e, settings);
		if (said === null) throw e;
		return discover(new URL(said), settings);
	}
}

async function serverMetadata(settings: OidcSettings): Promise<Discovered> {
	const key = `${settings.issuerId} ${settings.clientId}`;
	if (discovered?.key === key) return discovered;
	if (pending?.key !== key) {
		const promise = discoverProvider(settings);
		pending = { key, promise };
		// A failed discovery is not kept: the next sign-in tries again.
		promise.catch(() => {
			if (pending?.promise === promise) pending = null;
		});
	}
	const metadata = await pending.promise;
	if (discovered?.key !== key) discovered = { key, metadata };
	return discovered;
}

/**
 * The secret in an HTTP Basic header (RFC 6749 § 2.3.1), unless the provider says it takes it
 * only in the form body; no secret: a public client, protected by PKCE alone.
 */
function clientAuthentication(secret: string | null, metadata: client.ServerMetadata) {
	if (!secret) return client.None();
	const methods = metadata.token_endpoint_auth_methods_supported;
	if (
		methods &&
		!methods.includes('client_secret_basic') &&
		methods.includes('client_secret_post')
	) {
		return client.ClientSecretPost(secret);
	}
	return client.ClientSecretBasic(secret);
}

/**
 * The client for one request. Its clock is the request's `now`: openid-client checks the
 * id_token's `exp`, `iat` and `nbf` against its own clock plus `clockSkew`, so the skew is the
 * request's time minus the process clock (zero outside tests and `MISJONSKART_CLOCK_START`).
 * The id_token's signature is checked too (`enableNonRepudiationChecks`): by default
 * openid-client trusts a token that came straight from the token endpoint over TLS (OpenID
 * Connect Core § 3.1.3.7, item 6), and we want the signature checked all the same.
 */
export async function clientFor(settings: OidcSettings, now: Date): Promise<client.Configuration> {
	const found = await serverMetadata(settings);
	const config = new client.Configuration(
		found.metadata,
		settings.clientId,
		{
			...(settings.clientSecret ? { client_secret: settings.clientSecret } : {}),
			[client.clockSkew]: Math.round(offsetFromProcessClock(now) / 1000)
		},
		clientAuthentication(settings.clientSecret, found.metadata)
	);
	if (isLoopback(settings.issuer)) client.allowInsecureRequests(config);
	client.enableNonRepudiationChecks(config);
	if (found.jwks) client.setJwksCache(config, keysForRequest(found.jwks, now));
	config.timeout = 10;
	return config;
}

/**
 * How old the kept signing keys (JWKS) must look for openid-client to fetch them again when an
 * id_token names a key (`kid`) they do not hold. Its oauth4webapi keeps a JWKS for 300 s and, for
 * an unknown kid, fetches it again only once the set is at least 60 s old
 * (`getPublicSigKeyFromIssuerJwksUri`); younger, the sign-in fails. The age is counted from the
 * cache's `uat`, in seconds of the process clock, which the library reads itself.
 */
const KEY_REFETCH_AGE_S = 60;

/**
 * The kept keys as this request hands them to openid-client: dated at least KEY_REFETCH_AGE_S
 * back, so a key the provider has just rotated in is fetched at once, by the first sign-in that
 * meets it. Keys the set holds are used as they are, with no fetch; after 300 s from the real
 * fetch they are fetched again as before (the date is never made later than it is).
 */
function keysForRequest(jwks: client.ExportedJWKSCache, now: Date): client.ExportedJWKSCache {
	const processSeconds = Math.floor((now.getTime() - offsetFromProcessClock(now)) / 1000);
	return { ...jwks, uat: Math.min(jwks.uat, processSeconds - KEY_REFETCH_AGE_S) };
}

/**
 * Keeps the signing keys a request fetched, so the next request need not fetch them again: only
 * a set fetched no earlier than the one kept (a request that used the kept set hands it back dated
 * back, by keysForRequest). Called whether or not the sign-in succeeded: keys fetched for a
 * rotated kid are good keys even when the sign-in failed for another reason.
 */
export function keepSigningKeys(config: client.Configuration): void {
	const jwks = client.getJwksCache(config);
	if (!jwks || !discovered) return;
	// `uat` counts whole seconds, so a set fetched again for a rotated kid within the second of
	// the first fetch carries the same date: equal dates must be kept too, or the next sign-in
	// fetches the rotated keys once more.
	if (!discovered.jwks || jwks.uat >= discovered.jwks.uat) discovered.jwks = jwks;
}

/** Forgets the discovered metadata and keys (tests start a new provider per file). */
export function forgetDiscovery(): void {
	discovered = null;
	pending = null;
}
