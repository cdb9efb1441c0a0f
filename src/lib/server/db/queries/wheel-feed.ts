/** Per-user secret calendar-feed tokens, stored as SHA-256 only (like session tokens). */
import { eq } from 'drizzle-orm';
import { db } from '..';
import { writeAudit } from './audit';
import { calendarFeedToken } from '../schema';
import { generateToken, hashToken } from '../../auth/tokens';

export function hasCalendarFeed(userId: number): boolean {
	return !!db.select().from(calendarFeedToken).where(eq(calendarFeedToken.userId, userId)).get();
}

/** A new token for the user; any old one stops working. Returns the token (shown once). */
export function createCalendarFeedToken(userId: number, now: Date): string {
	const token = generateToken();
	db.transaction((tx) => {
		tx.delete(calendarFeedToken).where(eq(calendarFeedToken.userId, userId)).run();
		tx.insert(calendarFeedToken)
			.values({ userId, tokenHash: hashToken(token) })
			.run();
		writeAudit(tx, now, {
			actorId: userId,
			entity: 'calendar_feed',
			entityId: userId,
			action: 'create'
		});
	});
	return token;
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

/** The user a feed token belongs to, or undefined. */
export function calendarFeedUserId(token: string): number | undefined {
	return db
		.select({ userId: calendarFeedToken.userId })
		.from(calendarFeedToken)
		.where(eq(calendarFeedToken.tokenHash, hashToken(token)))
		.get()?.userId;
}
