import { and, asc, eq, sql } from 'drizzle-orm';
import { db, type Queryable, type Tx } from '..';
import { writeAudit } from './audit';
import {
	passwordToken,
	roleAssignment,
	session,
	unit,
	user,
	type Role,
	type RoleAssignment
} from '../schema';
import { writeTransaction } from './write';
import type { Versioned, WriteResult } from '../../result';

export type UserRow = typeof user.$inferSelect;

/** What the audit log may see of a user: never the password hash. */
function auditable(u: Pick<UserRow, 'name' | 'email' | 'active'>) {
	return { name: u.name, email: u.email, active: u.active };
}

export function normaliseEmail(email: string): string {
	return email.trim().toLowerCase();
}

export function getUserByEmail(email: string): UserRow | undefined {
	return db
		.select()
		.from(user)
		.where(eq(user.email, normaliseEmail(email)))
		.get();
}

export function getUserById(id: number, q: Queryable = db): UserRow | undefined {
	return q.select().from(user).where(eq(user.id, id)).get();
}

export function countUsers(): number {
	return (
		db
			.select({ n: sql<number>`count(*)` })
			.from(user)
			.get()?.n ?? 0
	);
}

/** Everyone with what a list to choose a person from needs, without their roles. */
export function listUserChoices() {
	return db
		.select({ id: user.id, name: user.name, email: user.email, active: user.active })
		.from(user)
		.orderBy(asc(user.name))
		.all();
}

export function listUsers() {
	const users = db
		.select({ id: user.id, name: user.name, email: user.email, active: user.active })
		.from(user)
		.orderBy(asc(user.name))
		.all();
	const roles = db
		.select({
			id: roleAssignment.id,
			userId: roleAssignment.userId,
			role: roleAssignment.role,
			unitId: roleAssignment.unitId,
			unitName: unit.name
		})
		.from(roleAssignment)
		.leftJoin(unit, eq(roleAssignment.unitId, unit.id))
		.all();
	const rolesOf = new Map<number, typeof roles>();
	for (const r of roles) {
		const list = rolesOf.get(r.userId);
		if (list) list.push(r);
		else rolesOf.set(r.userId, [r]);
	}
	return users.map((u) => ({ ...u, roles: rolesOf.get(u.id) ?? [] }));
}

export function listRolesOfUser(userId: number, q: Queryable = db) {
	return q
		.select({
			id: roleAssignment.id,
			role: roleAssignment.role,
			unitId: roleAssignment.unitId,
			unitName: unit.name
		})
		.from(roleAssignment)
		.leftJoin(unit, eq(roleAssignment.unitId, unit.id))
		.where(eq(roleAssignment.userId, userId))
		.all();
}

export function countActiveAdmins(q: Queryable = db): number {
	return (
		q
			.select({ n: sql<number>`count(distinct ${user.id})` })
			.from(user)
			.innerJoin(roleAssignment, eq(roleAssignment.userId, user.id))
			.where(and(eq(user.active, true), eq(roleAssignment.role, 'admin')))
			.get()?.n ?? 0
	);
}

function isActiveAdmin(userId: number, q: Queryable): boolean {
	return (
		q
			.select({ id: user.id })
			.from(user)
			.innerJoin(roleAssignment, eq(roleAssignment.userId, user.id))
			.where(and(eq(user.id, userId), eq(user.active, true), eq(roleAssignment.role, 'admin')))
			.get() !== undefined
	);
}

export type NewUser = {
	name: string;
	email: string;
	passwordHash: string | null;
	mustChangePassword: boolean;
	roles?: { role: Role; unitId: number | null }[];
	/** A set-password link (its hash) to issue with the account. */
	passwordLink?: { id: string; expiresAt: Date };
};

export function createUser(input: NewUser, actorId: number | null, now: Date): WriteResult<number> {
	const email = normaliseEmail(input.email);
	return db.transaction((tx) => {
		if (tx.select({ id: user.id }).from(user).where(eq(user.email, email)).get()) {
			return { ok: false, reason: 'email_taken' } as const;
		}
		const row = tx
			.insert(user)
			.values({
				name: input.name,
				email,
				passwordHash: input.passwordHash,
				mustChangePassword: input.mustChangePassword
			})
			.returning()
			.get();
		for (const r of input.roles ?? []) {
			tx.insert(roleAssignment).values({ userId: row.id, role: r.role, unitId: r.unitId }).run();
		}
		if (input.passwordLink) {
			tx.insert(passwordToken)
				.values({ ...input.passwordLink, userId: row.id })
				.run();
		}
		writeAudit(tx, now, {
			actorId,
			entity: 'user',
			entityId: row.id,
			action: 'create',
			after: { ...auditable(row), roles: input.roles ?? [] }
		});
		return { ok: true, value: row.id } as const;
	});
}

/** The admin's name form; version-checked like every edit form. */
export function updateUserName(
	userId: number,
	{ name, version }: { name: string } & Versioned,
	actorId: number,
	now: Date
): WriteResult {
	return db.transaction((tx) => {
		const before = getUserById(userId, tx);
		if (!before) return { ok: false, reason: 'not_found' } as const;
		const saved = tx
			.update(user)
			.set({ name, version: version + 1 })
			.where(and(eq(user.id, userId), eq(user.version, version)))
			.returning({ id: user.id })
			.get();
		if (!saved) return { ok: false, reason: 'conflict' } as const;
		writeAudit(tx, now, {
			actorId,
			entity: 'user',
			entityId: userId,
			action: 'rename',
			before: { name: before.name },
			after: { name }
		});
		return { ok: true, value: undefined } as const;
	});
}

/**
 * Sets a password hash and ends every session of the user: whoever held the old password may
 * have a session open. The caller opens a fresh session afterwards where that is wanted.
 */
export function setPassword(
	userId: number,
	passwordHash: string,
	opts: { actorId: number | null; mustChangePassword: boolean; action: string },
	now: Date
): void {
	db.transaction((tx) => {
		tx.update(user)
			.set({ passwordHash, mustChangePassword: opts.mustChangePassword })
			.where(eq(user.id, userId))
			.run();
		tx.delete(session).where(eq(session.userId, userId)).run();
		tx.delete(passwordToken).where(eq(passwordToken.userId, userId)).run();
		writeAudit(tx, now, {
			actorId: opts.actorId,
			entity: 'user',
			entityId: userId,
			action: opts.action,
			after: { mustChangePassword: opts.mustChangePassword }
		});
	});
}

/** Deactivation ends all sessions; the last active admin cannot be deactivated. */
export function setUserActive(
	userId: number,
	active: boolean,
	actorId: number,
	now: Date
): WriteResult {
	return db.transaction((tx) => {
		const before = getUserById(userId, tx);
		if (!before) return { ok: false, reason: 'not_found' } as const;
		if (!active && isActiveAdmin(userId, tx) && countActiveAdmins(tx) <= 1) {
			return { ok: false, reason: 'last_admin' } as const;
		}
		tx.update(user).set({ active }).where(eq(user.id, userId)).run();
		if (!active) tx.delete(session).where(eq(session.userId, userId)).run();
		writeAudit(tx, now, {
			actorId,
			entity: 'user',
			entityId: userId,
			action: active ? 'activate' : 'deactivate',
			before: auditable(before),
			after: auditable({ ...before, active })
		});
		return { ok: true, value: undefined } as const;
	});
}

/**
 * Grants a role in the caller's transaction, audited: only a unit leader keeps its unit, which
 * must exist and not be archived; a role already held is `exists`. `via` names where the grant
 * came from in the audit row (an administrator: left out; single sign-on's groups).
 */
export function grantRole(
	tx: Tx,
	grant: { userId: number; role: Role; unitId: number | null; via?: string },
	actorId: number | null,
	now: Date
): WriteResult<number> {
	const { userId, role, via } = grant;
	const scopedUnit = role === 'unit_leader' ? grant.unitId : null;
	if (scopedUnit !== null) {
		const led = tx.select().from(unit).where(eq(unit.id, scopedUnit)).get();
		if (!led || led.archivedAt) return { ok: false, reason: 'unit_missing' } as const;
	}
	const existing = tx
		.select({ id: roleAssignment.id })
		.from(roleAssignment)
		.where(
			and(
				eq(roleAssignment.userId, userId),
				eq(roleAssignment.role, role),
				sql`coalesce(${roleAssignment.unitId}, 0) = ${scopedUnit ?? 0}`
			)
		)
		.get();
	if (existing) return { ok: false, reason: 'exists' } as const;
	const row = tx
		.insert(roleAssignment)
		.values({ userId, role, unitId: scopedUnit })
		.returning()
		.get();
	writeAudit(tx, now, {
		actorId,
		entity: 'role_assignment',
		entityId: row.id,
		action: 'grant',
		after: { userId, role, unitId: scopedUnit, ...(via ? { via } : {}) }
	});
	return { ok: true, value: row.id } as const;
}

export function addRoleAssignment(
	userId: number,
	role: Role,
	unitId: number | null,
	actorId: number,
	now: Date
): WriteResult<number> {
	return writeTransaction((tx) => {
		if (!getUserById(userId, tx)) return { ok: false, reason: 'not_found' } as const;
		return grantRole(tx, { userId, role, unitId }, actorId, now);
	});
}

/**
 * Takes a role away in the caller's transaction, audited. The last active admin keeps the admin
 * role, whoever asks. `via` names where the change came from (single sign-on's groups).
 */
export function revokeRole(
	tx: Tx,
	row: RoleAssignment,
	actorId: number | null,
	now: Date,
	via?: string
): WriteResult {
	if (row.role === 'admin' && isActiveAdmin(row.userId, tx) && countActiveAdmins(tx) <= 1) {
		return { ok: false, reason: 'last_admin' } as const;
	}
	tx.delete(roleAssignment).where(eq(roleAssignment.id, row.id)).run();
	writeAudit(tx, now, {
		actorId,
		entity: 'role_assignment',
		entityId: row.id,
		action: 'revoke',
		before: { userId: row.userId, role: row.role, unitId: row.unitId, ...(via ? { via } : {}) }
	});
	return { ok: true, value: undefined } as const;
}

export function removeRoleAssignment(
	assignmentId: number,
	actorId: number,
	now: Date
): WriteResult {
	return db.transaction((tx) => {
		const row = tx.select().from(roleAssignment).where(eq(roleAssignment.id, assignmentId)).get();
		if (!row) return { ok: false, reason: 'not_found' } as const;
		return revokeRole(tx, row, actorId, now);
	});
}

/**
 * An administrator's reset: the old password stops working, every session ends, and the user
 * gets either a one-time password or a set-password link.
 */
export function resetCredentials(
	userId: number,
	credentials: { passwordHash: string | null; passwordLink?: { id: string; expiresAt: Date } },
	actorId: number,
	now: Date
): WriteResult {
	return db.transaction((tx) => {
		if (!getUserById(userId, tx)) return { ok: false, reason: 'not_found' } as const;
		tx.update(user)
			.set({
				passwordHash: credentials.passwordHash,
				mustChangePassword: credentials.passwordHash !== null
			})
			.where(eq(user.id, userId))
			.run();
		tx.delete(session).where(eq(session.userId, userId)).run();
		tx.delete(passwordToken).where(eq(passwordToken.userId, userId)).run();
		if (credentials.passwordLink) {
			tx.insert(passwordToken)
				.values({ ...credentials.passwordLink, userId })
				.run();
		}
		writeAudit(tx, now, {
			actorId,
			entity: 'user',
			entityId: userId,
			action: 'password_reset',
			after: { method: credentials.passwordLink ? 'link' : 'one_time_password' }
		});
		return { ok: true, value: undefined } as const;
	});
}

export function getPasswordToken(id: string) {
	return db.select().from(passwordToken).where(eq(passwordToken.id, id)).get();
}

/**
 * The user's own choice of interface language, with its audit row; nothing is written when it
 * is the one already saved.
 */
export function setUserLocale(
	userId: number,
	locale: NonNullable<UserRow['locale']>,
	now: Date
): void {
	db.transaction((tx) => {
		const before = tx.select({ locale: user.locale }).from(user).where(eq(user.id, userId)).get();
		if (!before || before.locale === locale) return;
		tx.update(user).set({ locale }).where(eq(user.id, userId)).run();
		writeAudit(tx, now, {
			actorId: userId,
			entity: 'user',
			entityId: userId,
			action: 'locale_changed',
			before: { locale: before.locale },
			after: { locale }
		});
	});
}
