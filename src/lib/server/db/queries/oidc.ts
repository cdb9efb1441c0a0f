import { eq } from 'drizzle-orm';
import type { Role } from '$lib/domain/org/vocabulary';
import { db } from '..';
import { user } from '../schema';
import { writeAudit } from './audit';
import { grantRole, normaliseEmail } from './users';
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
			const grant = { userId: found.id, role: r.role, unitId: r.unitId, via: 'OpenID Connect' };
			const result = grantRole(tx, grant, null, now);
			if (result.ok) granted += 1;
			else if (result.reason === 'unit_missing') skipped += 1;
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
