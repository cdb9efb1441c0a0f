import type { LayoutServerLoad } from './$types';
import { requireUser, isAdmin } from '$lib/server/auth/guards';

// The shell needs the user; each page still checks access itself (sveltejs/kit#6315).
export const load: LayoutServerLoad = async (event) => {
	const user = requireUser(event, { allowPasswordChange: true });
	return {
		user: { name: user.name, email: user.email, roles: user.roles },
		isAdmin: isAdmin(user)
	};
};
