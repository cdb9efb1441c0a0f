import type { LayoutServerLoad } from './$types';
import { requireUser, isAdmin, hasRole } from '$lib/server/auth/guards';
import { landingPath } from '$lib/domain/steering/rules';
import { unreadNoticeCount } from '$lib/server/notices/views';

// The shell needs the user; each page still checks access itself (sveltejs/kit#6315).
export const load: LayoutServerLoad = async (event) => {
	const user = requireUser(event, { allowPasswordChange: true });
	return {
		user: { name: user.name, email: user.email, roles: user.roles },
		isAdmin: isAdmin(user),
		nav: {
			// A bare `/` sends a role with a landing page of its own there; the overview link asks
			// for the overview itself.
			overview: landingPath(user.roles.map((r) => r.role)) === '/' ? '/' : '/?oversikt',
			myWork: isAdmin(user) || hasRole(user, 'programme_leader'),
			unreadNotices: unreadNoticeCount(user.id)
		}
	};
};
