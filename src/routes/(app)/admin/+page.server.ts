import type { PageServerLoad } from './$types';
import { requireAdmin } from '$lib/server/auth/guards';
import { listUsers } from '$lib/server/db/queries/users';
import { listUnits } from '$lib/server/db/queries/units';

export const load: PageServerLoad = async (event) => {
	requireAdmin(event);
	const users = listUsers();
	return {
		userCount: users.length,
		activeUserCount: users.filter((u) => u.active).length,
		unitCount: listUnits().filter((u) => !u.archivedAt).length
	};
};
