/**
 * What the administration pages show: users, roles and units. The change log's pages are in
 * ./views/audit-log.ts and ./views/audit-log-export.ts.
 */
import { listRolesOfUser, listUsers } from '../db/queries/users';
import { passwordLoginEnabled } from '../auth/oidc';
import { listUnits } from '../db/queries/units';
import { listUserIdentities } from '../db/queries/oidc';
import type { UserAccountAccess } from './access';
import { buildUnitTree, flattenUnitTree, unitOptions } from '$lib/domain/org/units';

export function adminOverview() {
	const users = listUsers();
	return {
		userCount: users.length,
		activeUserCount: users.filter((u) => u.active).length,
		unitCount: listUnits().filter((u) => !u.archivedAt).length
	};
}

export function usersPage() {
	return { users: listUsers() };
}

export function userPage({ target }: UserAccountAccess) {
	return {
		target: {
			id: target.id,
			name: target.name,
			email: target.email,
			active: target.active,
			version: target.version
		},
		roles: listRolesOfUser(target.id),
		identities: listUserIdentities(target.id).map((i) => ({
			issuer: i.issuer,
			subject: i.subject,
			linkedAt: i.linkedAt.getTime()
		})),
		units: unitOptions(listUnits().filter((u) => !u.archivedAt)),
		passwordLogin: passwordLoginEnabled()
	};
}

export function unitsPage() {
	const units = flattenUnitTree(buildUnitTree(listUnits()));
	return {
		units: units.map((u) => ({
			id: u.id,
			name: u.name,
			depth: u.depth,
			parentId: u.parentId,
			archived: u.archivedAt !== null,
			version: u.version
		}))
	};
}
