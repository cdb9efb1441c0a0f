import { and, asc, eq } from 'drizzle-orm';
import type { Role } from '$lib/domain/org/vocabulary';
import { rolesToRemove, type GroupRole } from '$lib/domain/sso/claims';
import { db, type Tx } from '..';
import { roleAssignment, user, userIdentity } from '../schema';
import { writeAudit } from './audit';
import { grantRole, normaliseEmail, revokeRole } from './users';
import type { WriteResult } from '../../result';

export type SsoSignIn = {
	email: string;
	name: string;
	/** Roles the provider's groups give (README, «Innlogging med OpenID Connect»). */
	roles: { role: Role; unitId: number | null }[];
	/** The whole group mapping: the roles it names are the provider's to give and take away. */
	mapping: readonly GroupRole[];
	/** Who vouched for the person: the issuer and its subject identifier, for the audit log. */
	issuer: string;
	subject: string;
	/** Whether an unknown person gets an account. */
	provision: boolean;
};

export type SsoSignedIn = {
	userId: number;
	created: boolean;
	granted: number;
	revoked: number;
	skipped: number;
};

/**
 * The account the provider's person opens: the one linked to their subject identifier, else the
 * one with their e-mail address, unless that account is already linked to someone else at the
 * same provider (the address has been handed on).
 */
function findAccount(tx: Tx, input: SsoSignIn, email: string) {
	const linked = tx
		.select({ userId: userIdentity.userId })
		.from(userIdentity)
		.where(and(eq(userIdentity.issuer, input.issuer), eq(userIdentity.subject, input.subject)))
		.get();
	if (linked) {
		return { linked: true, found: tx.select().from(user).where(eq(user.id, linked.userId)).get() };
	}
	const found = tx.select().from(user).where(eq(user.email, email)).get();
	if (!found) return { linked: false, found };
	const other = tx
		.select({ subject: userIdentity.subject })
		.from(userIdentity)
		.where(and(eq(userIdentity.userId, found.id), eq(userIdentity.issuer, input.issuer)))
		.get();
	return { linked: false, found, mismatch: other !== undefined };
}

/**
 * The provider has a new address for someone it already vouched for: the account follows, so
 * notices reach them and the old address is free, unless another account holds the new one.
 */
function followAddress(tx: Tx, found: typeof user.$inferSelect, email: string, now: Date) {
	if (tx.select({ id: user.id }).from(user).where(eq(user.email, email)).get()) return;
	tx.update(user)
		.set({ email, version: found.version + 1 })
		.where(eq(user.id, found.id))
		.run();
	writeAudit(tx, now, {
		actorId: found.id,
		entity: 'user',
		entityId: found.id,
		action: 'update',
		before: { email: found.email },
		after: { email, via: 'OpenID Connect' }
	});
}

/**
 * Signing in through the identity provider, in one transaction: finds the account by the
 * provider's subject identifier, else by e-mail, and links the two; or, when provisioning is on,
 * creates it (no password, so only single sign-on or a set-password link opens it). Then the
 * groups decide the roles the mapping names: those they give are granted, those they no longer
 * give are taken away (the last active administrator is kept). Roles the mapping does not name
 * stay as the administrator set them. A mapped unit that no longer exists (or is archived) is
 * skipped, not an error. Every change writes its audit row.
 */
export function signInWithSso(input: SsoSignIn, now: Date): WriteResult<SsoSignedIn> {
	const email = normaliseEmail(input.email);
	return db.transaction((tx) => {
		const account = findAccount(tx, input, email);
		if (account.mismatch) return { ok: false, reason: 'identity_mismatch' } as const;
		let found = account.found;
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
		if (account.linked && found.email !== email) followAddress(tx, found, email, now);
		let granted = 0;
		let skipped = 0;
		for (const r of input.roles) {
			const grant = { userId: found.id, role: r.role, unitId: r.unitId, via: 'OpenID Connect' };
			const result = grantRole(tx, grant, null, now);
			if (result.ok) granted += 1;
			else if (result.reason === 'unit_missing') skipped += 1;
		}
		const held = tx.select().from(roleAssignment).where(eq(roleAssignment.userId, found.id)).all();
		let revoked = 0;
		for (const row of rolesToRemove(held, input.roles, input.mapping)) {
			if (revokeRole(tx, row, null, now, 'OpenID Connect').ok) revoked += 1;
		}
		if (!account.linked) {
			tx.insert(userIdentity)
				.values({ issuer: input.issuer, subject: input.subject, userId: found.id, linkedAt: now })
				.run();
		}
		writeAudit(tx, now, {
			actorId: found.id,
			entity: 'user',
			entityId: found.id,
			action: 'sso_sign_in',
			after: {
				issuer: input.issuer,
				subject: input.subject,
				...(account.linked ? {} : { linked: true })
			}
		});
		return { ok: true, value: { userId: found.id, created, granted, revoked, skipped } } as const;
	});
}

/** The identities an account is linked to at identity providers, oldest link first. */
export function listUserIdentities(userId: number) {
	return db
		.select({
			issuer: userIdentity.issuer,
			subject: userIdentity.subject,
			linkedAt: userIdentity.linkedAt
		})
		.from(userIdentity)
		.where(eq(userIdentity.userId, userId))
		.orderBy(asc(userIdentity.linkedAt), asc(userIdentity.issuer))
		.all();
}

/**
 * An administrator takes away the link between an account and a person at the provider, with
 * its audit row in the same transaction: when the person's account at the provider was made
 * again and has a new subject identifier, the next sign-in finds the account by its verified
 * e-mail address again (findAccount) and links the new subject. `not_found` when the account
 * has no such link (already taken away, or another account's).
 */
export function unlinkUserIdentity(
	userId: number,
	identity: { issuer: string; subject: string },
	actorId: number,
	now: Date
): WriteResult {
	return db.transaction(
		(tx) => {
			const removed = tx
				.delete(userIdentity)
				.where(
					and(
						eq(userIdentity.userId, userId),
						eq(userIdentity.issuer, identity.issuer),
						eq(userIdentity.subject, identity.subject)
					)
				)
				.returning()
				.get();
			if (!removed) return { ok: false, reason: 'not_found' } as const;
			writeAudit(tx, now, {
				actorId,
				entity: 'user',
				entityId: userId,
				action: 'identity_unlink',
				before: {
					issuer: removed.issuer,
					subject: removed.subject,
					linkedAt: removed.linkedAt.toISOString()
				}
			});
			return { ok: true, value: undefined } as const;
		},
		{ behavior: 'immediate' }
	);
}
