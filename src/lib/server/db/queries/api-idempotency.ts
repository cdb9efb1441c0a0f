/**
 * The stored answers of API writes sent with an `Idempotency-Key` (schema/api.ts
 * `apiIdempotencyKey`). A write reserves its key before it runs, so a repeat that arrives while
 * the first is still being answered, from this process or another, finds the reservation.
 */
import { and, eq, isNull, lte } from 'drizzle-orm';
import { db } from '..';
import { apiIdempotencyKey } from '../schema';

export type IdempotencyEntry = { tokenId: number; endpoint: string; key: string };

export type Reservation =
	| { kind: 'new' }
	| { kind: 'replay'; status: number; body: string }
	| { kind: 'mismatch' }
	| { kind: 'in_progress' };

const same = (entry: IdempotencyEntry) =>
	and(
		eq(apiIdempotencyKey.tokenId, entry.tokenId),
		eq(apiIdempotencyKey.endpoint, entry.endpoint),
		eq(apiIdempotencyKey.key, entry.key)
	);

/**
 * Reserves the key for a request whose body hashes to `requestHash`, or answers what an earlier
 * request with the key was given: its answer (replay), `mismatch` when its body was another, or
 * `in_progress` when it has no answer yet. Keys stored at or before `expiredAt` are gone first,
 * for every token (the created-at index keeps that a range delete).
 */
export function reserveIdempotencyKey(
	entry: IdempotencyEntry,
	requestHash: string,
	now: Date,
	expiredAt: Date
): Reservation {
	return db.transaction(
		(tx) => {
			tx.delete(apiIdempotencyKey).where(lte(apiIdempotencyKey.createdAt, expiredAt)).run();
			const found = tx
				.select({
					requestHash: apiIdempotencyKey.requestHash,
					status: apiIdempotencyKey.status,
					body: apiIdempotencyKey.body
				})
				.from(apiIdempotencyKey)
				.where(same(entry))
				.get();
			if (!found) {
				tx.insert(apiIdempotencyKey)
					.values({ ...entry, requestHash, createdAt: now })
					.run();
				return { kind: 'new' } as const;
			}
			if (found.requestHash !== requestHash) return { kind: 'mismatch' } as const;
			if (found.status === null) return { kind: 'in_progress' } as const;
			return { kind: 'replay', status: found.status, body: found.body ?? '' } as const;
		},
		{ behavior: 'immediate' }
	);
}

/** Stores the first answer to the reserved key. */
export function recordIdempotentAnswer(entry: IdempotencyEntry, status: number, body: string) {
	db.update(apiIdempotencyKey).set({ status, body }).where(same(entry)).run();
}

/** Gives the key back when the request wrote nothing (refused, or failed): it may be sent again. */
export function releaseIdempotencyKey(entry: IdempotencyEntry) {
	db.delete(apiIdempotencyKey)
		.where(and(same(entry), isNull(apiIdempotencyKey.status)))
		.run();
}
