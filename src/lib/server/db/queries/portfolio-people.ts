/** Names and choices the portfolio pages need from the organisation (users and units). */
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { db, type Queryable } from '..';
import { roleAssignment, unit, user } from '../schema';

export type Named = { id: number; name: string };

/** Everyone, by name: owners shown in the tree may have lost their role since. */
export function listUserNames(): Named[] {
	return db.select({ id: user.id, name: user.name }).from(user).orderBy(asc(user.name)).all();
}

/** Active users who may own a track, project, measure or risk: programme leaders and admins. */
export function listOwnerCandidates(): (Named & { email: string })[] {
	const rows = db
		.selectDistinct({ id: user.id, name: user.name, email: user.email })
		.from(user)
		.innerJoin(roleAssignment, eq(roleAssignment.userId, user.id))
		.where(and(eq(user.active, true), inArray(roleAssignment.role, ['programme_leader', 'admin'])))
		.orderBy(asc(user.name))
		.all();
	return rows;
}

export function listActiveUnitNames(): Named[] {
	return db
		.select({ id: unit.id, name: unit.name })
		.from(unit)
		.where(isNull(unit.archivedAt))
		.orderBy(asc(unit.name))
		.all();
}

/**
 * A row's owner must be a user that exists: checked in the writing transaction, so a posted
 * `ownerId` that names nobody is answered `owner_missing`, not a foreign key error.
 */
export function userExists(id: number, q: Queryable = db): boolean {
	return q.select({ id: user.id }).from(user).where(eq(user.id, id)).get() !== undefined;
}
