/**
 * Personal API tokens (docs/api.md): made and revoked on /konto, shown once, stored as their
 * SHA-256 only, with a last day and a scope. A request's bearer token becomes the same
 * `locals.user` a session gives, so every page guard applies to the API unchanged.
 */
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import {
	API_RATE,
	API_TOKEN_PATTERN,
	API_TOKEN_PREFIX,
	MAX_LIVE_TOKENS,
	rateDecision,
	tokenExpired
} from '$lib/domain/auth/api-token';
import type { ApiScope } from '$lib/domain/auth/vocabulary';
import { osloDay } from '$lib/format';
import { parseForm } from '$lib/schemas/form';
import { apiTokenSchemaFor, revokeApiTokenSchema } from '$lib/schemas/api-token';
import {
	countApiRequest,
	getApiTokenByHash,
	insertApiToken,
	listApiTokens,
	revokeApiToken
} from '../db/queries/api-tokens';
import { listRoleAssignmentsForUser } from '../db/queries/sessions';
import { m } from '$lib/paraglide/messages';
import { invalid, invalidForm } from '../result';
import type { SessionUser } from './session';
import { hashToken } from './tokens';

/** What a bearer token grants on this request. */
/** `name` is the token's own label, which the audit rows of its writes repeat. */
export type ApiGrant = { tokenId: number; name: string; scope: ApiScope };

/** Read when an answer is made: in the request's language (messages/admin/*.json). */
export const API_TOKEN_MESSAGES = {
	created: (name: string) => m.admin_token_created({ name }),
	revoked: (name: string) => m.admin_token_revoked_done({ name }),
	get tooMany() {
		return m.admin_token_too_many({ max: MAX_LIVE_TOKENS });
	},
	get notFound() {
		return m.admin_token_not_found();
	}
};

/** `mk_` and 160 random bits in base32: recognisable, and too many to guess. */
export function generateApiSecret(): string {
	const bytes = new Uint8Array(20);
	crypto.getRandomValues(bytes);
	return API_TOKEN_PREFIX + encodeBase32LowerCaseNoPadding(bytes);
}

/** The «Nytt API-token» form: the secret comes back once, in the answer, never again. */
export function createApiToken(user: SessionUser, formData: FormData, now: Date) {
	const today = osloDay(now);
	const form = parseForm(apiTokenSchemaFor(today), formData);
	if (!form.ok) return invalid(form.values, form.errors, 'createToken');
	const secret = generateApiSecret();
	const result = insertApiToken(
		user.id,
		{ ...form.data, tokenHash: hashToken(secret) },
		{ today, max: MAX_LIVE_TOKENS },
		now
	);
	if (!result.ok) return invalidForm(form.values, API_TOKEN_MESSAGES.tooMany, 'createToken');
	return {
		action: 'createToken',
		success: API_TOKEN_MESSAGES.created(form.data.name),
		token: { id: result.value, name: form.data.name, secret }
	};
}

/** «Trekk tilbake»: only one's own tokens; another's id is answered as not found. */
export function revokeApiTokenFromForm(user: SessionUser, formData: FormData, now: Date) {
	const form = parseForm(revokeApiTokenSchema, formData);
	const result = form.ok ? revokeApiToken(user.id, form.data.tokenId, now) : undefined;
	if (!result?.ok) return invalidForm({}, API_TOKEN_MESSAGES.notFound, 'revokeToken', 404);
	return { action: 'revokeToken', success: API_TOKEN_MESSAGES.revoked(result.value) };
}

/**
 * The user and grant of a bearer secret, or null when it is unknown, revoked, past its last
 * day (Oslo), or its owner is deactivated: all answered alike, telling nothing.
 */
export function resolveApiToken(
	secret: string,
	now: Date
): { user: SessionUser; grant: ApiGrant } | null {
	if (!API_TOKEN_PATTERN.test(secret)) return null;
	const row = getApiTokenByHash(hashToken(secret));
	if (!row || row.token.revokedAt !== null || !row.user.active) return null;
	if (tokenExpired(row.token.expiresOn, osloDay(now))) return null;
	return {
		user: {
			id: row.user.id,
			name: row.user.name,
			email: row.user.email,
			mustChangePassword: row.user.mustChangePassword,
			locale: row.user.locale,
			roles: listRoleAssignmentsForUser(row.user.id)
		},
		grant: { tokenId: row.token.id, name: row.token.name, scope: row.token.scope }
	};
}

/** Counts this request against the token's minute (API_RATE) and says whether it may run. */
export function admitApiRequest(grant: ApiGrant, now: Date) {
	const counted = countApiRequest(grant.tokenId, now, API_RATE.windowMs);
	if (!counted) return { ok: false as const, retryAfterSeconds: 1 };
	return rateDecision(counted.count, counted.windowStart, now);
}

/** The account page's list of one's own tokens, newest first, with what each can do now. */
export function apiTokenList(userId: number, now: Date) {
	const today = osloDay(now);
	return listApiTokens(userId, 50).map((t) => ({
		id: t.id,
		name: t.name,
		scope: t.scope,
		expiresOn: t.expiresOn,
		createdAt: t.createdAt.getTime(),
		lastUsedAt: t.lastUsedAt?.getTime() ?? null,
		state: (t.revokedAt !== null
			? 'revoked'
			: tokenExpired(t.expiresOn, today)
				? 'expired'
				: 'live') as 'live' | 'expired' | 'revoked'
	}));
}
