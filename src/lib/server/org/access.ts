/**
 * Who may do what with the organisation: users, roles and units are the administrators'.
 * The cross-area guards (requireUser, requireAdmin …) are in ../auth/guards; this module holds
 * the ones that also find the row a page is about.
 */
import { error, type RequestEvent } from '@sveltejs/kit';
import { requireAdmin } from '../auth/guards';
import { getUserById } from '../db/queries/users';
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
