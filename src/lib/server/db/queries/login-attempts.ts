import { eq, inArray } from 'drizzle-orm';
import { db } from '..';
import { loginAttempt } from '../schema';

export type LoginAttemptState = Omit<typeof loginAttempt.$inferSelect, 'key'>;

/** What to write per key: a state, `null` to delete the row, or leave the key out to keep it. */
export type LoginAttemptWrites = Map<string, LoginAttemptState | null>;

/**
 * Reads the rows for `keys` and writes what `decide` returns in one transaction. It begins
 * IMMEDIATE, taking SQLite's write lock before the read, so no other connection can read the
 * same counts in between (https://sqlite.org/lang_transaction.html); within this process the
 * synchronous driver already runs it without interleaving.
 */
export function changeLoginAttempts<T>(
	keys: string[],
	decide: (current: Map<string, LoginAttemptState>) => { result: T; writes: LoginAttemptWrites }
): T {
	return db.transaction(
		(tx) => {
			const rows = tx.select().from(loginAttempt).where(inArray(loginAttempt.key, keys)).all();
			const { result, writes } = decide(new Map(rows.map(({ key, ...state }) => [key, state])));
			for (const [key, state] of writes) {
				if (state === null) {
					tx.delete(loginAttempt).where(eq(loginAttempt.key, key)).run();
					continue;
				}
				tx.insert(loginAttempt)
					.values({ key, ...state })
					.onConflictDoUpdate({ target: loginAttempt.key, set: state })
					.run();
			}
			return result;
		},
		{ behavior: 'immediate' }
	);
}
