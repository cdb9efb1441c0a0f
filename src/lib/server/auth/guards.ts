import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import type { Role } from '$lib/server/db/schema';
import { countUsers, getPasswordToken, getUserById } from '$lib/server/db/queries/users';
import { readForm } from '$lib/server/read-form';
import type { SessionUser } from './session';
import { isValidSetupToken } from './setup-token';
import { hashToken } from './tokens';
import { GUARD_MESSAGES } from './messages';

type AnyEvent = Pick<RequestEvent, 'locals' | 'url'>;

export function hasRole(user: SessionUser, role: Role): boolean {
	return user.roles.some((r) => r.role === role);
}

export function isAdmin(user: SessionUser): boolean {
	return hasRole(user, 'admin');
}

/** Units the user leads directly (not their descendants). */
export function ledUnitIds(user: Pick<SessionUser, 'roles'>): number[] {
	return user.roles
		.filter((r) => r.role === 'unit_leader' && r.unitId !== null)
		.map((r) => r.unitId!);
}

/**
 * The signed-in user, or: 401 for `api/` requests, a redirect to the login page otherwise.
 * A user holding a one-time password is sent to choose their own first.
 */
export function requireUser(event: AnyEvent, opts: { allowPasswordChange?: boolean } = {}) {
	const user = event.locals.user;
	if (!user) {
		if (event.url.pathname.startsWith('/api/')) error(401, GUARD_MESSAGES.signIn);
		// A form post comes back to its page, not to the action (`?/logRealisation`).
		const query = new URLSearchParams(
			[...event.url.searchParams].filter(([key]) => !key.startsWith('/'))
		).toString();
		const target = event.url.pathname + (query ? `?${query}` : '');
		redirect(303, `/login?redirectTo=${encodeURIComponent(target)}`);
	}
	if (user.mustChangePassword && !opts.allowPasswordChange) {
		redirect(303, '/konto/passord');
	}
	return user;
}

/** Signed in and holding at least one of the roles (admin always passes), else 403. */
export function requireRole(event: AnyEvent, ...roles: Role[]): SessionUser {
	const user = requireUser(event);
	if (isAdmin(user) || roles.some((r) => hasRole(user, r))) return user;
	error(403, GUARD_MESSAGES.noAccess);
}

/**
 * Reads what the steering group reads: the steering group, the kommunedirektør (who also
 * answers for internal control, kommuneloven § 25-1) and administrators.
 */
export function readsAsSteering(user: SessionUser): boolean {
	return isAdmin(user) || hasRole(user, 'steering') || hasRole(user, 'municipal_director');
}

export function requireAdmin(event: AnyEvent): SessionUser {
	const user = requireUser(event);
	if (!isAdmin(user)) error(403, GUARD_MESSAGES.adminOnly);
	return user;
}

/** A unit leader of exactly this unit, or an admin. */
export function canLeadUnit(user: SessionUser, unitId: number): boolean {
	return isAdmin(user) || ledUnitIds(user).includes(unitId);
}

export function requireUnitLeader(event: AnyEvent, unitId: number): SessionUser {
	const user = requireUser(event);
	if (!canLeadUnit(user, unitId)) error(403, GUARD_MESSAGES.notUnitLeader);
	return user;
}

/**
 * For routes that must check nothing but still say so: pages that anyone may see.
 * Named so the route-guard test can tell a deliberate choice from an omission; that test lets
 * it open only the entries it lists as public, each with its reason.
 */
export function allowPublic(): void {}

/**
 * First-run setup is public, but only with the one-time token printed at start, and only
 * while no user exists; otherwise 404.
 */
export function assertSetupOpen(token: string | null): string {
	if (token === null || countUsers() > 0 || !isValidSetupToken(token)) {
		error(404, GUARD_MESSAGES.setupLinkGone);
	}
	return token;
}

/**
 * The posted setup form: the token comes in the address or, failing that, in the form's
 * hidden field; the same check as `assertSetupOpen`. Returns the form for the action to parse.
 */
export async function assertSetupFormOpen(
	event: Pick<RequestEvent, 'url' | 'request'>
): Promise<FormData> {
	const formData = await readForm(event);
	const token = event.url.searchParams.get('token') ?? String(formData.get('token') ?? '');
	assertSetupOpen(token);
	return formData;
}

/**
 * Setting a password from the one-use link an administrator handed out (public: the person
 * has no password yet). The user the live link belongs to, or 404.
 */
export function requirePasswordLink(token: string | null, now: Date) {
	const row = token ? getPasswordToken(hashToken(token)) : undefined;
	const user = row && row.expiresAt > now ? getUserById(row.userId) : undefined;
	if (!user || !user.active) error(404, GUARD_MESSAGES.passwordLinkGone);
	return user;
}

/**
 * Portfolio and benefit-map writes: admins edit everything; a programme leader edits only what
 * they own or lead (a track, project or measure whose owner they are). README, "Roller".
 */
export function canEditOwned(user: SessionUser, ownerId: number | null): boolean {
	return isAdmin(user) || (hasRole(user, 'programme_leader') && ownerId === user.id);
}
