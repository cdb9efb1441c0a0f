import type { PageServerLoad } from './$types';
import { canLeadUnit, hasRole, isAdmin, ledUnitIds, requireUser } from '$lib/server/auth/guards';
import { unitWheelView } from '$lib/server/wheel/views/unit-wheel';

/** Everyone signed in reads the wheels (DOMAIN.md: overdue items are visible to all). */
export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const view = unitWheelView(event.url, event.locals.now, ledUnitIds(user));
	return {
		...view,
		canSign: view.unitId !== null && canLeadUnit(user, view.unitId),
		// Links only to the pages this user may open.
		showMine: isAdmin(user) || hasRole(user, 'unit_leader'),
		showCompliance: isAdmin(user) || hasRole(user, 'steering')
	};
};
