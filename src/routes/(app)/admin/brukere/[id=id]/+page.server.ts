import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { requireAdmin } from '$lib/server/auth/guards';
import { parseForm } from '$lib/schemas/form';
import {
	assignmentIdSchema,
	renameUserSchema,
	resetPasswordSchema,
	roleSchema
} from '$lib/schemas/admin';
import {
	addRoleAssignment,
	getUserById,
	listRolesOfUser,
	removeRoleAssignment,
	resetCredentials,
	setUserActive,
	updateUserName
} from '$lib/server/db/queries/users';
import { listUnits } from '$lib/server/db/queries/units';
import { issueCredentials } from '$lib/server/auth/credentials';
import { invalid, refuse } from '$lib/server/write-errors';
import { buildUnitTree, flattenUnitTree } from '$lib/domain/units';
import { readForm } from '$lib/server/read-form';

function targetUser(event: RequestEvent) {
	const target = getUserById(Number(event.params.id));
	if (!target) error(404, 'Fant ikke brukeren.');
	return target;
}

export const load: PageServerLoad = async (event) => {
	requireAdmin(event);
	const target = targetUser(event);
	const units = flattenUnitTree(buildUnitTree(listUnits().filter((u) => !u.archivedAt)));
	return {
		target: {
			id: target.id,
			name: target.name,
			email: target.email,
			active: target.active,
			version: target.version
		},
		roles: listRolesOfUser(target.id),
		units: units.map((u) => ({ value: String(u.id), label: `${'– '.repeat(u.depth)}${u.name}` }))
	};
};

export const actions: Actions = {
	rename: async (event) => {
		const admin = requireAdmin(event);
		const target = targetUser(event);
		const form = parseForm(renameUserSchema, await readForm(event));
		if (!form.ok) return invalid(form.values, form.errors, 'rename');
		const result = updateUserName(target.id, form.data, admin.id, event.locals.now);
		if (!result.ok) {
			// Lost update: show the newer name, not the stale one the admin posted.
			const fresh = result.reason === 'conflict' ? getUserById(target.id) : undefined;
			const values = fresh ? { name: fresh.name, version: String(fresh.version) } : form.values;
			return refuse(result.reason, values, 'name', 'rename');
		}
		return { action: 'rename', success: 'Navnet er endret.' };
	},
	deactivate: async (event) => {
		const admin = requireAdmin(event);
		const result = setUserActive(targetUser(event).id, false, admin.id, event.locals.now);
		if (!result.ok) return refuse(result.reason, {}, '_form', 'deactivate');
		return { action: 'deactivate', success: 'Brukeren er deaktivert og logget ut overalt.' };
	},
	activate: async (event) => {
		const admin = requireAdmin(event);
		const result = setUserActive(targetUser(event).id, true, admin.id, event.locals.now);
		if (!result.ok) return refuse(result.reason, {}, '_form', 'activate');
		return { action: 'activate', success: 'Brukeren er aktivert igjen.' };
	},
	resetPassword: async (event) => {
		const admin = requireAdmin(event);
		const target = targetUser(event);
		const form = parseForm(resetPasswordSchema, await readForm(event));
		if (!form.ok) {
			return invalid(form.values, form.errors, 'resetPassword');
		}
		const credentials = await issueCredentials(form.data.credential, event.locals.now);
		const result = resetCredentials(target.id, credentials, admin.id, event.locals.now);
		if (!result.ok) return refuse(result.reason, form.values, '_form', 'resetPassword');
		return { action: 'resetPassword', reset: { ...credentials.shown, origin: event.url.origin } };
	},
	addRole: async (event) => {
		const admin = requireAdmin(event);
		const target = targetUser(event);
		const form = parseForm(roleSchema, await readForm(event));
		if (!form.ok) return invalid(form.values, form.errors, 'addRole');
		const result = addRoleAssignment(
			target.id,
			form.data.role,
			form.data.unitId,
			admin.id,
			event.locals.now
		);
		if (!result.ok) return refuse(result.reason, form.values, 'role', 'addRole');
		return { action: 'addRole', success: 'Rollen er lagt til.' };
	},
	removeRole: async (event) => {
		const admin = requireAdmin(event);
		const target = targetUser(event);
		const form = parseForm(assignmentIdSchema, await readForm(event));
		if (!form.ok) return invalid({}, form.errors, 'removeRole');
		const owned = listRolesOfUser(target.id).some((r) => r.id === form.data.assignmentId);
		if (!owned) return refuse('not_found', {}, '_form', 'removeRole');
		const result = removeRoleAssignment(form.data.assignmentId, admin.id, event.locals.now);
		if (!result.ok) return refuse(result.reason, {}, '_form', 'removeRole');
		return { action: 'removeRole', success: 'Rollen er fjernet.' };
	}
};
