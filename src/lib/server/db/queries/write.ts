/**
 * One way to run a write whose input names other rows (an owner, a unit, a parent …). Each
 * verb checks those rows inside its transaction and answers a reason such as `owner_missing`;
 * this is the backstop behind those checks.
 */
import { db, type Tx } from '..';
import type { WriteResult } from '../../result';
import { writeAudit, type AuditInput } from './audit';

/** SQLite refused a write because a referenced row is missing, or a referencing row exists. */
export function isForeignKeyError(e: unknown): boolean {
	return (
		typeof e === 'object' &&
		e !== null &&
		(e as { code?: string }).code === 'SQLITE_CONSTRAINT_FOREIGNKEY'
	);
}

/**
 * Runs `write` in one transaction. Should a reference slip past the verb's own checks,
 * SQLite's foreign key check (PRAGMA foreign_keys = ON) aborts the statement and the whole
 * transaction is rolled back: the answer is `reference_missing`, which the action shows as a
 * 400 with a message, never a 500 and never half a write.
 */
export function writeTransaction<T>(write: (tx: Tx) => WriteResult<T>): WriteResult<T> {
	try {
		return db.transaction(write);
	} catch (e) {
		if (isForeignKeyError(e)) return { ok: false, reason: 'reference_missing' };
		throw e;
	}
}

/**
 * Deletes the row `find` finds (it also checks that the row belongs where the form says), with
 * its audit entry, in one transaction; `not_found` when there is none.
 */
export function deleteFound<Row>(
	find: (tx: Tx) => Row | undefined,
	remove: (tx: Tx) => void,
	audit: (before: Row) => AuditInput,
	now: Date
): WriteResult {
	return db.transaction((tx) => {
		const before = find(tx);
		if (!before) return { ok: false, reason: 'not_found' } as const;
		remove(tx);
		writeAudit(tx, now, audit(before));
		return { ok: true, value: undefined } as const;
	});
}
