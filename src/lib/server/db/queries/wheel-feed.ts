/**
 * Per-user secret calendar-feed tokens, stored as SHA-256 only (like session tokens): these
 * verbs take the hash, the wheel area makes the token.
 */
import { eq } from 'drizzle-orm';
import { db } from '..';
import { writeAudit } from './audit';
import { calendarFeedToken } from '../schema';

export function hasCalendarFeed(userId: number): boolean {
	return !!db.select().from(calendarFeedToken).where(eq(calendarFeedToken.userId, userId)).get();
}

/** The user's new token (its hash); any old one stops working. */
export function replaceCalendarFeedToken(userId: number, tokenHash: string, now: Date): void {
	db.transaction((tx) => {
		tx.delete(calendarFeedToken).where(eq(calendarFeedToken.userId, userId)).run();
		tx.insert(calendarFeedToken).values({ userId, tokenHash }).run();
		writeAudit(tx, now, {
			actorId: userId,
			entity: 'calendar_feed',
			entityId: userId,
			action: 'create'
		});
	});
}

export function revokeCalendarFeedToken(userId: number, now: Date): boolean {
	return db.transaction((tx) => {
		const removed = tx
			.delete(calendarFeedToken)
			.where(eq(calendarFeedToken.userId, userId))
			.returning()
			.all();
		if (removed.length) {
			writeAudit(tx, now, {
				actorId: userId,
				entity: 'calendar_feed',
				entityId: userId,
				action: 'revoke'
			});
		}
		return removed.length > 0;
	});
}

/** The user a feed token (its hash) belongs to, or undefined. */
export function calendarFeedUserId(tokenHash: string): number | undefined {
	return db
		.select({ userId: calendarFeedToken.userId })
		.from(calendarFeedToken)
		.where(eq(calendarFeedToken.tokenHash, tokenHash))
		.get()?.userId;
}
