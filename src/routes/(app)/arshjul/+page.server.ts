import type { PageServerLoad } from './$types';
import { canLeadUnit, hasRole, isAdmin, ledUnitIds, requireUser } from '$lib/server/auth/guards';
import {
	listOccurrences,
	unitIdsWithSignatures,
	wheelUsage
} from '$lib/server/db/queries/wheel-occurrences';
import { osloDay } from '$lib/format';
import { buildUnitTree, flattenUnitTree } from '$lib/domain/units';

function intParam(url: URL, name: string): number | null {
	const raw = url.searchParams.get(name);
	return raw && /^\d{1,10}$/.test(raw) ? Number(raw) : null;
}

/** Everyone signed in reads the wheels (DOMAIN.md: overdue items are visible to all). */
export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const now = event.locals.now;
	const today = osloDay(now);
	const thisYear = Number(today.slice(0, 4));
	const usage = wheelUsage();
	// A unit with signed history stays selectable after its wheels are taken away.
	const signed = unitIdsWithSignatures();
	const shown = (id: number) =>
		usage.byUnit.has(id) || (signed.has(id) && !usage.units.find((u) => u.id === id)?.archivedAt);
	const units = flattenUnitTree(buildUnitTree(usage.units.filter((u) => shown(u.id))));
	const led = ledUnitIds(user).filter((id) => usage.byUnit.has(id));
	const asked = intParam(event.url, 'enhet');
	const unitId = asked !== null && shown(asked) ? asked : (led[0] ?? units[0]?.id ?? null);
	const askedYear = intParam(event.url, 'ar');
	const year = askedYear && askedYear >= 2000 && askedYear <= 2100 ? askedYear : thisYear;
	const occurrences = unitId === null ? [] : listOccurrences({ year, now, unitIds: [unitId] });
	const wheels = [
		...usage.wheels
			.filter((w) => unitId !== null && usage.byUnit.get(unitId)?.has(w.id))
			.map((w) => ({ id: w.id, name: w.name, inUse: true })),
		// Wheels no longer in use that still hold this year's signed or reopened history.
		...[
			...new Map(occurrences.filter((o) => !o.inUse).map((o) => [o.wheelId, o.wheelName] as const))
		].map(([id, name]) => ({ id, name, inUse: false }))
	];
	return {
		today,
		year,
		thisYear,
		unitId,
		units: units.map((u) => ({ id: u.id, name: u.name, depth: u.depth })),
		wheels,
		occurrences,
		canSign: unitId !== null && canLeadUnit(user, unitId),
		// Links only to the pages this user may open.
		showMine: isAdmin(user) || hasRole(user, 'unit_leader'),
		showCompliance: isAdmin(user) || hasRole(user, 'steering')
	};
};
