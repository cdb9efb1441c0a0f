/**
 * A real OpenID Connect provider (the certified `oidc-provider` package) on a random localhost
 * port, for tests/integration/oidc.spec.ts. The person who "signs in" at it is whoever the test
 * names; there is no login form, the interaction finishes at once. A test can also have the
 * token endpoint's answer altered on its way to the app, as a forger in the middle would.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createPublicKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import Provider from 'oidc-provider';

export const CLIENT_ID = 'misjonskart';
export const CLIENT_SECRET = 'hemmelig-klienthemmelighet-for-test';
export const REDIRECT_URI = 'http://localhost/login/oidc/svar';

export type Person = {
	email?: string;
	email_verified?: boolean;
	name?: string;
	groups?: string[];
};

type Claims = Record<string, unknown>;

/** How the id_token is altered: new claims, and/or signed with a key the provider never had. */
export type Tamper = { claims?: (claims: Claims) => Claims; foreignKey?: boolean };

const b64u = (data: string | Buffer) => Buffer.from(data).toString('base64url');

function newKey(kid: string) {
	const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
	return { kid, privateKey, jwk: { ...privateKey.export({ format: 'jwk' }), kid, alg: 'RS256' } };
}

/** A compact JWS, RS256, signed synchronously (the token answer is rewritten in `res.end`). */
function signJwt(header: Claims, claims: Claims, key: KeyObject): string {
	const input = `${b64u(JSON.stringify(header))}.${b64u(JSON.stringify(claims))}`;
	return `${input}.${b64u(sign('RSA-SHA256', Buffer.from(input), key))}`;
}

type Key = ReturnType<typeof newKey>;

/** The id_token with its claims altered, signed again by `key` and named by its kid. */
function reissue(idToken: string, tamper: Tamper, key: Key, foreign: Key): string {
	const [header = '', payload = ''] = idToken.split('.');
	const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Claims;
	const changed = tamper.claims ? tamper.claims(claims) : claims;
	const signer = tamper.foreignKey ? foreign : key;
	const head = JSON.parse(Buffer.from(header, 'base64url').toString('utf8')) as Claims;
	return signJwt({ ...head, kid: signer.kid }, changed, signer.privateKey);
}

/** A key's public half as its JWKS lists it. */
const publicJwk = (key: Key) => ({
	...createPublicKey(key.privateKey).export({ format: 'jwk' }),
	kid: key.kid,
	alg: 'RS256',
	use: 'sig'
});

export type TestProvider = {
	issuer: string;
	/** Who signs in next, by account id; their claims. */
	people: Map<string, Person>;
	signInAs: (accountId: string) => void;
	/** Alters the next token answers until set back to null. */
	setTamper: (tamper: Tamper | null) => void;
	/**
	 * Rotates the signing key, as a provider does: from now on id_tokens are signed with a new key
	 * under a new kid, and the JWKS lists only that key (the old one is withdrawn at once).
	 */
	rotateKey: () => void;
	/** How many times the JWKS has been fetched. */
	jwksFetches: () => number;
	/**
	 * Follows the browser's way from the authorization URL through the provider (its own cookies
	 * kept) until the provider sends it back to the app; answers that callback address.
	 */
	authorize: (authorizationUrl: string) => Promise<URL>;
	close: () => Promise<void>;
};

/**
 * `issuerPath` mounts the provider under a path, as Keycloak (`/realms/<name>`) and Entra ID
 * (`/<tenant>/v2.0`) are: the issuer is then `http://127.0.0.1:<port><issuerPath>`.
 */
export async function startProvider({
	redirectUri = REDIRECT_URI,
	issuerPath = ''
} = {}): Promise<TestProvider> {
	const key = newKey('test-nokkel');
	let signing: Key = key;
	let rotations = 0;
	let fetches = 0;
	// Same kid as the real key: the app looks the key up by kid and finds the wrong one.
	const foreign = newKey('test-nokkel');
	const people = new Map<string, Person>();
	let current = '';
	let tamper: Tamper | null = null;

	const server: Server = createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}${issuerPath}`;

	const provider = new Provider(issuer, {
		clients: [
			{
				client_id: CLIENT_ID,
				client_secret: CLIENT_SECRET,
				redirect_uris: [redirectUri],
				grant_types: ['authorization_code'],
				response_types: ['code']
			}
		],
		jwks: { keys: [key.jwk as never] },
		cookies: { keys: ['test-informasjonskapselnokkel'] },
		scopes: ['openid', 'email', 'profile', 'groups'],
		claims: {
			email: ['email', 'email_verified'],
			profile: ['name'],
			groups: ['groups']
		},
		// The scopes' claims in the id_token itself, as Entra ID and most providers do.
		conformIdTokenClaims: false,
		// The id_token lives an hour, as it does by default (the tests count on that).
		ttl: { IdToken: 3600, AccessToken: 3600, Interaction: 600, Session: 3600, Grant: 3600 },
		features: { devInteractions: { enabled: false } },
		interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
		findAccount: (_ctx, id) => ({
			accountId: id,
			claims: () => ({ sub: id, ...people.get(id) })
		}),
		// Consent is taken as given: the municipality's own app needs none.
		loadExistingGrant: async (ctx) => {
			const grant = new ctx.oidc.provider.Grant({
				clientId: ctx.oidc.client!.clientId,
				accountId: ctx.oidc.session!.accountId
			});
			grant.addOIDCScope('openid email profile groups');
			await grant.save();
			return grant;
		}
	});
	const handle = provider.callback();

	server.on('request', (req, res) => {
		// Mounted under the issuer's path, as a framework's router would (oidc-provider finds its
		// mount path in `originalUrl`).
		if (issuerPath && req.url?.startsWith(`${issuerPath}/`)) {
			(req as typeof req & { originalUrl: string }).originalUrl = req.url;
			req.url = req.url.slice(issuerPath.length);
		}
		if (req.method === 'GET' && req.url?.split('?')[0] === '/jwks') {
			fetches += 1;
			if (signing !== key) {
				res.writeHead(200, { 'content-type': 'application/jwk-set+json' });
				res.end(JSON.stringify({ keys: [publicJwk(signing)] }));
				return;
			}
		}
		if (req.url?.startsWith('/interaction/')) {
			provider
				.interactionFinished(req, res, { login: { accountId: current } })
				.catch((e: Error) => res.writeHead(500).end(e.message));
			return;
		}
		if (req.method === 'POST' && req.url === '/token' && (tamper || signing !== key)) {
			const t = tamper ?? {};
			const end = res.end.bind(res) as (chunk?: unknown) => typeof res;
			res.end = ((chunk?: unknown) => {
				const body = JSON.parse(String(chunk)) as { id_token?: string };
				if (body.id_token) body.id_token = reissue(body.id_token, t, signing, foreign);
				const text = JSON.stringify(body);
				if (!res.headersSent) res.setHeader('content-length', Buffer.byteLength(text));
				return end(text);
			}) as typeof res.end;
		}
		void handle(req, res);
	});

	async function authorize(authorizationUrl: string): Promise<URL> {
		const jar = new Map<string, string>();
		let url = authorizationUrl;
		for (let hop = 0; hop < 10; hop++) {
			const cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
			const res = await fetch(url, { redirect: 'manual', headers: cookie ? { cookie } : {} });
			for (const set of res.headers.getSetCookie()) {
				const [pair = ''] = set.split(';');
				const at = pair.indexOf('=');
				jar.set(pair.slice(0, at), pair.slice(at + 1));
			}
			const location = res.headers.get('location');
			if (!location) throw new Error(`the provider stopped at ${res.status}: ${await res.text()}`);
			const next = new URL(location, url);
			if (next.href.startsWith(redirectUri)) return next;
			url = next.href;
		}
		throw new Error('too many redirects at the provider');
	}

	return {
		issuer,
		people,
		signInAs: (accountId) => {
			current = accountId;
		},
		setTamper: (t) => {
			tamper = t;
		},
		rotateKey: () => {
			rotations += 1;
			signing = newKey(`test-nokkel-${rotations + 1}`);
		},
		jwksFetches: () => fetches,
		authorize,
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			})
	};
}
