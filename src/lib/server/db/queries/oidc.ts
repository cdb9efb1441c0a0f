import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Role } from '$lib/domain/org/vocabulary';
import { db, type Tx } from '..';
import { roleAssignment, unit, user } from '../schema';
import { writeAudit } from './audit';
import { normaliseEmail } from './users';
import type { WriteResult } from '../../result';

export type SsoSignIn = {
	email: string;
	name: string;
	/** Roles the provider's groups give (README, «Innlogging med OpenID Connect»). */
	roles: { role: Role; unitId: number | null }[];
	/** Who vouched for the person: the issuer and its subject identifier, for the audit log. */
	issuer: string;
	subject: string;
	/** Whether an unknown person gets an account. */
	provision: boolean;
};

export type SsoSignedIn = { userId: number; created: boolean; granted: number; skipped: number };

function holds(tx: Tx, userId: number, role: Role, unitId: number | null): boolean {
	return (
		tx
			.select({ id: roleAssignment.id })
			.from(roleAssignment)
			.where(
				and(
					eq(roleAssignment.userId, userId),
					eq(roleAssignment.role, role),
					sql`coalesce(${roleAssignment.unitId}, 0) = ${unitId ?? 0}`
				)
			)
			.get() !== undefined
	);
}

function liveUnit(tx: Tx, unitId: number): boolean {
	return (
		tx
			.select({ id: unit.id })
			.from(unit)
			.where(and(eq(unit.id, unitId), isNull(unit.archivedAt)))
			.get() !== undefined
	);
}

/**
 * Signing in through the identity provider, in one transaction: finds the account by e-mail or,
 * when provisioning is on, creates it (no password, so only single sign-on or a set-password link
 * opens it); grants the roles the groups give that the account lacks; and writes the audit rows.
 * Group roles are only ever added: a role an administrator removes again comes back at the next
 * sign-in while the group still gives it, and leaving the group does not remove a role.
 * A mapped unit that no longer exists (or is archived) is skipped, not an error.
 */
export function signInWithSso(input: SsoSignIn, now: Date): WriteResult<SsoSignedIn> {
	const email = normaliseEmail(input.email);
	return db.transaction((tx) => {
		let found = tx.select().from(user).where(eq(user.email, email)).get();
		let created = false;
		if (!found) {
			if (!input.provision) return { ok: false, reason: 'unknown_user' } as const;
			found = tx
				.insert(user)
				.values({ name: input.name, email, passwordHash: null, mustChangePassword: false })
				.returning()
				.get();
			created = true;
			writeAudit(tx, now, {
				actorId: null,
				entity: 'user',
				entityId: found.id,
				action: 'create',
				after: { name: found.name, email, active: true, roles: [], via: 'OpenID Connect' }
			});
		}
		if (!found.active) return { ok: false, reason: 'inactive' } as const;
		let granted = 0;
		let skipped = 0;
		for (const r of input.roles) {
			const unitId = r.role === 'unit_leader' ? r.unitId : null;
			if (holds(tx, found.id, r.role, unitId)) continue;
			if (unitId !== null && !liveUnit(tx, unitId)) {
				skipped += 1;
				continue;
			}
			const row = tx
				.insert(roleAssignment)
				.values({ userId: found.id, role: r.role, unitId })
				.returning()
				.get();
			granted += 1;
			writeAudit(tx, now, {
				actorId: null,
				entity: 'role_assignment',
				entityId: row.id,
				action: 'grant',
				after: { userId: found.id, role: r.role, unitId, via: 'OpenID Connect' }
			});
		}
		writeAudit(tx, now, {
			actorId: found.id,
			entity: 'user',
			entityId: found.id,
			action: 'sso_sign_in',
			after: { issuer: input.issuer, subject: input.subject }
		});
		return { ok: true, value: { userId: found.id, created, granted, skipped } } as const;
	});
}
