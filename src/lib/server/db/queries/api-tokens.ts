/**
 * Personal API tokens (schema/api.ts). These verbs take the secret's hash; the auth module
 * makes the secret and judges expiry and scope.
 */
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { db } from '..';
import { writeAudit } from './audit';
import { signedInUserColumns } from './sessions';
import { apiToken, user, type ApiToken } from '../schema';
import type { WriteResult } from '../../result';

export type ApiScope = ApiToken['scope'];

export type NewApiToken = {
	name: string;
	scope: ApiScope;
	expiresOn: string;
	tokenHash: string;
};

/** A user's tokens as the account page lists them: newest first, never the hash. */
export function listApiTokens(userId: number, limit: number) {
	return db
		.select({
			id: apiToken.id,
			name: apiToken.name,
			scope: apiToken.scope,
			expiresOn: apiToken.expiresOn,
			createdAt: apiToken.createdAt,
			revokedAt: apiToken.revokedAt,
			lastUsedAt: apiToken.lastUsedAt
		})
		.from(apiToken)
		.where(eq(apiToken.userId, userId))
		.orderBy(desc(apiToken.id))
		.limit(limit)
		.all();
}

/**
 * Stores a new token with its audit row, unless the user already has `max` tokens that are
 * neither revoked nor past their last day (`today`, Oslo): answers `too_many` then.
 */
export function insertApiToken(
	userId: number,
	token: NewApiToken,
	limits: { today: string; max: number },
	now: Date
): WriteResult<number> {
	return db.transaction(
		(tx) => {
			const live = tx
				.select({ n: sql<number>`count(*)` })
				.from(apiToken)
				.where(
					and(
						eq(apiToken.userId, userId),
						isNull(apiToken.revokedAt),
						sql`${apiToken.expiresOn} >= ${limits.today}`
					)
				)
				.get()!.n;
			if (live >= limits.max) return { ok: false, reason: 'too_many' };
			const { id } = tx
				.insert(apiToken)
				.values({ userId, ...token, createdAt: now })
				.returning({ id: apiToken.id })
				.get();
			writeAudit(tx, now, {
				actorId: userId,
				entity: 'api_token',
				entityId: id,
				action: 'create',
				after: { name: token.name, scope: token.scope, expiresOn: token.expiresOn }
			});
			return { ok: true, value: id };
		},
		{ behavior: 'immediate' }
	);
}

/**
 * Revokes one of the user's own tokens and answers its name; `not_found` for another's, or one
 * already revoked.
 */
export function revokeApiToken(userId: number, tokenId: number, now: Date): WriteResult<string> {
	return db.transaction((tx) => {
		const row = tx
			.update(apiToken)
			.set({ revokedAt: now })
			.where(and(eq(apiToken.id, tokenId), eq(apiToken.userId, userId), isNull(apiToken.revokedAt)))
			.returning({ name: apiToken.name, scope: apiToken.scope })
			.get();
		if (!row) return { ok: false, reason: 'not_found' };
		writeAudit(tx, now, {
			actorId: userId,
			entity: 'api_token',
			entityId: tokenId,
			action: 'revoke',
			before: row
		});
		return { ok: true, value: row.name };
	});
}

// Every API request looks its token up: prepared once per process, on first use.
let byHashStmt: ReturnType<typeof prepareByHash> | undefined;
function prepareByHash() {
	return db
		.select({
			token: {
				id: apiToken.id,
				name: apiToken.name,
				scope: apiToken.scope,
				expiresOn: apiToken.expiresOn,
				revokedAt: apiToken.revokedAt
			},
			user: signedInUserColumns
		})
		.from(apiToken)
		.innerJoin(user, eq(apiToken.userId, user.id))
		.where(eq(apiToken.tokenHash, sql.placeholder('hash')))
		.prepare();
}

/** The token with this hash and its user, or undefined. */
export function getApiTokenByHash(hash: string) {
	byHashStmt ??= prepareByHash();
	return byHashStmt.get({ hash });
}

/**
 * Counts one request against the token's fixed window of `windowMs` and stamps its last use,
 * in one statement: a window older than `windowMs` starts again at `now`. Answers the count
 * in the current window and when that window began.
 */
export function countApiRequest(tokenId: number, now: Date, windowMs: number) {
	const at = now.getTime();
	const row = db
		.update(apiToken)
		.set({
			lastUsedAt: now,
			windowStart: sql`case when ${apiToken.windowStart} is null or ${apiToken.windowStart} <= ${at - windowMs} or ${apiToken.windowStart} > ${at} then ${at} else ${apiToken.windowStart} end`,
			windowCount: sql`case when ${apiToken.windowStart} is null or ${apiToken.windowStart} <= ${at - windowMs} or ${apiToken.windowStart} > ${at} then 1 else ${apiToken.windowCount} + 1 end`
		})
		.where(eq(apiToken.id, tokenId))
		.returning({ windowStart: apiToken.windowStart, windowCount: apiToken.windowCount })
		.get();
	return row ? { count: row.windowCount, windowStart: row.windowStart ?? now } : undefined;
}
