import type { PageServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/guards';
import { listRolesOfUser } from '$lib/server/db/queries/users';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	return { roles: listRolesOfUser(user.id), changed: event.url.searchParams.has('endret') };
};
