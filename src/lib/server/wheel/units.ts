/** The units a wheel's editor may choose: as owner, and to give the wheel to. */
import { isAdmin, ledUnitIds } from '../auth/guards';
import type { SessionUser } from '../auth/session';
import { listUnits } from '../db/queries/units';
import { buildUnitTree, descendantIds, flattenUnitTree, unitOption } from '$lib/domain/org/units';

function activeUnits() {
	return listUnits().filter((u) => !u.archivedAt);
}

/** A unit leader may give the wheel to the owner unit and the units below it; admins to any. */
export function assignableUnits(admin: boolean, ownerUnitId: number) {
	const units = activeUnits();
	const below = descendantIds(units, ownerUnitId);
	return flattenUnitTree(buildUnitTree(units)).filter((u) => admin || below.has(u.id));
}

/** The units a user may make a wheel's owner: those they lead; every one for an admin. */
export function ownerOptions(user: SessionUser) {
	const led = new Set(ledUnitIds(user));
	return flattenUnitTree(buildUnitTree(activeUnits()))
		.filter((u) => isAdmin(user) || led.has(u.id))
		.map(unitOption);
}
