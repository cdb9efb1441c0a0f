import { eq } from 'drizzle-orm';
import { db } from '..';
import { loginAttempt } from '../schema';

export function getLoginAttempt(key: string) {
	return db.select().from(loginAttempt).where(eq(loginAttempt.key, key)).get();
}

export function saveLoginAttempt(row: typeof loginAttempt.$inferSelect): void {
	db.insert(loginAttempt)
		.values(row)
		.onConflictDoUpdate({
			target: loginAttempt.key,
			set: {
				failures: row.failures,
				lastFailureAt: row.lastFailureAt,
				blockedUntil: row.blockedUntil
			}
		})
		.run();
}

export function clearLoginAttempts(key: string): void {
	db.delete(loginAttempt).where(eq(loginAttempt.key, key)).run();
}
