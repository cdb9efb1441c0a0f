/**
 * Who may do what with the organisation: users, roles and units are the administrators'.
 * The cross-area guards (requireUser, requireAdmin …) are in ../auth/guards; this module holds
 * the ones that also find the row a page is about.
 */
import { error, type RequestEvent } from '@sveltejs/kit';
import { requireAdmin } from '../auth/guards';
import { getUserById } from '../db/queries/users';
import { listUserIdentities } from '../db/queries/oidc';
import { m } from '$lib/paraglide/messages';

type ItemEvent = Pick<RequestEvent, 'locals' | 'url' | 'params'>;

/** An administrator, and the user named by the route's `[id=id]` (404 when unknown). */
export function requireUserAccount(event: ItemEvent) {
	const admin = requireAdmin(event);
	const target = getUserById(Number(event.params.id));
	if (!target) error(404, m.admin_user_not_found());
	return { admin, target };
}

export type UserAccountAccess = ReturnType<typeof requireUserAccount>;

/**
 * An administrator, the user named by the route, and the user's links to identity providers,
 * for unlinking one: 404 when the user is unknown or has no link to take away.
 */
export function requireLinkedAccount(event: ItemEvent) {
	const ctx = requireUserAccount(event);
	const identities = listUserIdentities(ctx.target.id);
	if (identities.length === 0) error(404, m.admin_identities_none());
	return { ...ctx, identities };
}

export type LinkedAccountAccess = ReturnType<typeof requireLinkedAccount>;
