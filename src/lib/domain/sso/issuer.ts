/**
 * Which identity provider an issuer names. An issuer is a URL (OpenID Connect Discovery 1.0 § 2)
 * that the provider's discovery document and its id_tokens spell one exact way, and the app
 * checks them against that spelling (openid-client, OpenID Connect Core 1.0 § 3.1.3.7 item 2).
 * Who set up `OIDC_ISSUER` may have written it with or without a trailing slash, and `new URL`
 * adds one to a bare host (`https://idp` → `https://idp/`); the accounts the provider vouches
 * for are the same either way. So the provider is known by its issuer without trailing slashes,
 * and that is what the app stores with a person's subject identifier (`user_identity.issuer`).
 */
export function issuerIdentity(issuer: string | URL): string {
	const url = new URL(issuer);
	url.hash = '';
	return url.href.replace(/\/+$/, '');
}

/** Whether two issuers name the same provider (they differ at most by a trailing slash). */
export function sameIssuer(a: string | URL, b: string | URL): boolean {
	return issuerIdentity(a) === issuerIdentity(b);
}
