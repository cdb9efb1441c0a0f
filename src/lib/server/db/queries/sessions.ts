import { and, eq, lt, sql } from 'drizzle-orm';
import { db } from '..';
import { roleAssignment, session, user, type Session } from '../schema';

/** What a request knows of its signed-in user (App.Locals), by session or by API token. */
export const signedInUserColumns = {
	id: user.id,
	name: user.name,
	email: user.email,
	active: user.active,
	mustChangePassword: user.mustChangePassword,
	locale: user.locale
};

// The session lookup runs on every request: prepared once per process, on first use.
let sessionWithUserStmt: ReturnType<typeof prepareSessionWithUser> | undefined;
function prepareSessionWithUser() {
	return db
		.select({
			session,
			user: signedInUserColumns
		})
		.from(session)
		.innerJoin(user, eq(session.userId, user.id))
		.where(eq(session.id, sql.placeholder('id')))
		.prepare();
}

let rolesStmt: ReturnType<typeof prepareRoles> | undefined;
function prepareRoles() {
	return db
		.select({ role: roleAssignment.role, unitId: roleAssignment.unitId })
		.from(roleAssignment)
		.where(eq(roleAssignment.userId, sql.placeholder('userId')))
		.prepare();
}

export function getSessionWithUser(id: string) {
	sessionWithUserStmt ??= prepareSessionWithUser();
	return sessionWithUserStmt.get({ id });
}

export function listRoleAssignmentsForUser(userId: number) {
	rolesStmt ??= prepareRoles();
	return rolesStmt.all({ userId });
}

export function insertSession(row: Session): void {
	db.insert(session).values(row).run();
}

export function updateSessionExpiry(id: string, expiresAt: Date): void {
	db.update(session).set({ expiresAt }).where(eq(session.id, id)).run();
}

export function deleteSession(id: string): void {
	db.delete(session).where(eq(session.id, id)).run();
}

export function deleteUserSessions(userId: number): void {
	db.delete(session).where(eq(session.userId, userId)).run();
}

export function deleteUserSessionsExcept(userId: number, keepId: string): void {
	db.delete(session)
		.where(and(eq(session.userId, userId), sql`${session.id} <> ${keepId}`))
		.run();
}

export function deleteExpiredSessions(now: Date): number {
	return db.delete(session).where(lt(session.expiresAt, now)).run().changes;
}

export function listSessionIdsForUser(userId: number): string[] {
	return db
		.select({ id: session.id })
		.from(session)
		.where(eq(session.userId, userId))
		.all()
		.map((r) => r.id);
}
