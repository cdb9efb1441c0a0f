/**
 * The wheel page of one unit (/arshjul): the year's occurrences drawn on the wheel, and the
 * seed's month table («Måned for måned», seed 004) one month at a time, so the page stays the
 * same size however many wheels the unit keeps. One unit's occurrences come from the domain
 * (listOccurrences → unitOccurrences): a few hundred, read with prepared statements.
 */
import { osloDay } from '$lib/format';
import { canLeadUnit, ledUnitIds, readsAsSteering } from '$lib/server/auth/guards';
import type { SessionUser } from '$lib/server/auth/session';
import { buildUnitTree, flattenUnitTree } from '$lib/domain/org/units';
import { isMonth, MONTHS, type Month } from '$lib/domain/wheel/schedule';
import { listOccurrences } from '$lib/server/db/queries/wheel-occurrences';
import { unitsWithWheels, wheelsOfUnit } from '$lib/server/db/queries/wheel-sets';
import { governanceRings } from './governance';

const int = (raw: string | null) => (raw && /^\d{1,10}$/.test(raw) ? Number(raw) : null);

export function unitWheelView(url: URL, now: Date, ledUnitIds: readonly number[]) {
	const today = osloDay(now);
	const thisYear = Number(today.slice(0, 4));
	const shown = unitsWithWheels();
	const byId = new Map(shown.map((u) => [u.id, u]));
	const units = flattenUnitTree(buildUnitTree(shown));
	const led = ledUnitIds.filter((id) => byId.get(id)?.uses);
	const asked = int(url.searchParams.get('enhet'));
	const unitId = asked !== null && byId.has(asked) ? asked : (led[0] ?? units[0]?.id ?? null);
	const askedYear = int(url.searchParams.get('ar'));
	const year = askedYear && askedYear >= 2000 && askedYear <= 2100 ? askedYear : thisYear;
	const askedMonth = int(url.searchParams.get('maned'));
	// This month in the current year; January in another.
	const month: Month =
		askedMonth !== null && isMonth(askedMonth)
			? askedMonth
			: year === thisYear
				? (Number(today.slice(5, 7)) as Month)
				: 1;
	const occurrences = unitId === null ? [] : listOccurrences({ year, now, unitIds: [unitId] });
	const wheels = [
		...(unitId === null ? [] : wheelsOfUnit(unitId)).map((w) => ({ ...w, inUse: true })),
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
		month,
		units: units.map((u) => ({ id: u.id, name: u.name, depth: u.depth })),
		wheels,
		/** Every occurrence of the year, as the wheel draws it. */
		occurrences: occurrences.map((o) => ({
			taskId: o.taskId,
			unitId: o.unitId,
			wheelId: o.wheelId,
			period: o.period,
			month: o.month,
			title: o.title,
			status: o.status,
			inUse: o.inUse
		})),
		months: MONTHS.map((m) => ({
			month: m,
			count: occurrences.filter((o) => o.month === m).length
		})),
		/** The chosen month's occurrences in full, for the month table. */
		monthRows: occurrences
			.filter((o) => o.month === month)
			.map((o) => ({
				taskId: o.taskId,
				unitId: o.unitId,
				period: o.period,
				month: o.month,
				title: o.title,
				responsibleRole: o.responsibleRole,
				storedIn: o.storedIn,
				dueDate: o.dueDate,
				status: o.status,
				wheelName: o.wheelName,
				inUse: o.inUse,
				signature: o.signature
					? { signedAt: o.signature.signedAt, comment: o.signature.comment }
					: null
			}))
	};
}

/** Everyone signed in reads the wheels (DOMAIN.md: overdue items are visible to all). */
export function wheelsPage(user: SessionUser, url: URL, now: Date) {
	const view = unitWheelView(url, now, ledUnitIds(user));
	return {
		...view,
		governance: governanceRings(user.id, view.year, now),
		canSign: view.unitId !== null && canLeadUnit(user, view.unitId),
		// Links only to the pages this user may open.
		showCompliance: readsAsSteering(user)
	};
}
