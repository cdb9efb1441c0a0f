/** What the årshjul pages show: the wheels per unit, compliance, templates, own tasks, feed. */
import { error } from '@sveltejs/kit';
import { canLeadUnit, hasRole, isAdmin, ledUnitIds } from '../auth/guards';
import type { SessionUser } from '../auth/session';
import {
	findOccurrence,
	listOccurrences,
	occurrenceHistory,
	unitIdsWithSignatures,
	wheelUsage,
	type OccurrenceKey
} from '../db/queries/wheel-occurrences';
import {
	getWheelTask,
	listWheelAssignments,
	listWheels,
	listWheelTasks,
	type WheelRow
} from '../db/queries/wheel';
import { hasCalendarFeed } from '../db/queries/wheel-feed';
import { listRoleAssignmentsForUser } from '../db/queries/sessions';
import type { UserRow } from '../db/queries/users';
import { canEditWheel, canReopenSignature } from './access';
import { assignableUnits, ownerOptions } from './units';
import { occurrencesCalendar } from './ical';
export { ICAL_CONTENT_TYPE } from './ical';
import { osloDay } from '$lib/format';
import { buildUnitTree, flattenUnitTree, unitOption } from '$lib/domain/units';
import { complianceByMonth, taskSchedule } from '$lib/domain/wheel-occurrences';
import { periodHasBegun } from '$lib/domain/schedule';
import { taskValues, wheelValues } from '$lib/wheel/form-values';
import type { ComplianceRow } from '$lib/charts/compliance';

function intParam(url: URL, name: string): number | null {
	const raw = url.searchParams.get(name);
	return raw && /^\d{1,10}$/.test(raw) ? Number(raw) : null;
}

/** `?ar=` when it is a plausible year, else this year (Oslo). */
function yearParam(url: URL, thisYear: number): number {
	const asked = intParam(url, 'ar');
	return asked && asked >= 2000 && asked <= 2100 ? asked : thisYear;
}

const yearOf = (now: Date) => Number(osloDay(now).slice(0, 4));

/** Everyone signed in reads the wheels (README, «Hva du finner hvor»: overdue items are visible to all). */
export function wheelsPage(user: SessionUser, url: URL, now: Date) {
	const today = osloDay(now);
	const thisYear = yearOf(now);
	const usage = wheelUsage();
	// A unit with signed history stays selectable after its wheels are taken away.
	const signed = unitIdsWithSignatures();
	const shown = (id: number) =>
		usage.byUnit.has(id) || (signed.has(id) && !usage.units.find((u) => u.id === id)?.archivedAt);
	const units = flattenUnitTree(buildUnitTree(usage.units.filter((u) => shown(u.id))));
	const led = ledUnitIds(user).filter((id) => usage.byUnit.has(id));
	const asked = intParam(url, 'enhet');
	const unitId = asked !== null && shown(asked) ? asked : (led[0] ?? units[0]?.id ?? null);
	const year = yearParam(url, thisYear);
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
}

/** For the steering group: which units sign on time, and what is overdue where. */
export function compliancePage(url: URL, now: Date) {
	const thisYear = yearOf(now);
	const usage = wheelUsage();
	const askedWheel = intParam(url, 'hjul');
	const wheelId = usage.wheels.some((w) => w.id === askedWheel) ? askedWheel : null;
	const year = yearParam(url, thisYear);
	const occurrences = listOccurrences({ year, now, wheelId });
	const unitIds = [...new Set(occurrences.map((o) => o.unitId))];
	const collator = new Intl.Collator('nb');
	const units = unitIds
		.map((id) => ({ id, name: occurrences.find((o) => o.unitId === id)!.unitName }))
		.sort((a, b) => collator.compare(a.name, b.name));
	const rows: ComplianceRow[] = units.flatMap((unit) =>
		complianceByMonth(occurrences.filter((o) => o.unitId === unit.id)).map((m) => ({
			unitId: unit.id,
			unitName: unit.name,
			...m
		}))
	);
	const overdue = units
		.map((unit) => ({
			...unit,
			items: occurrences.filter((o) => o.unitId === unit.id && o.status === 'overdue')
		}))
		.filter((u) => u.items.length > 0);
	return {
		year,
		thisYear,
		wheelId,
		wheels: usage.wheels.map((w) => ({ id: w.id, name: w.name })),
		rows,
		overdue
	};
}

/** One task for one unit and month, its signatures and reopenings, and what the user may do. */
export function occurrencePage(user: SessionUser, key: OccurrenceKey, now: Date) {
	const occurrence = findOccurrence(key, now);
	if (!occurrence) error(404, 'Fant ikke denne oppgaven for enheten og måneden.');
	const task = getWheelTask(key.taskId)!;
	const signature = occurrence.signature;
	return {
		occurrence,
		task: {
			description: task.description,
			reference: task.reference,
			storedIn: task.storedIn,
			archived: task.archivedAt !== null
		},
		history: occurrenceHistory(key),
		canSign: !signature && canLeadUnit(user, key.unitId) && periodHasBegun(key.period, now),
		canReopen: !!signature && canReopenSignature(user, signature)
	};
}

/** This month's and overdue tasks of the units the user leads (last year's overdue too). */
export function myTasksPage(user: SessionUser, now: Date) {
	const year = yearOf(now);
	const unitIds = ledUnitIds(user);
	const open = [year - 1, year]
		.flatMap((y) => (unitIds.length ? listOccurrences({ year: y, now, unitIds }) : []))
		.filter((o) => o.status === 'due' || o.status === 'overdue');
	return {
		today: osloDay(now),
		leadsUnits: unitIds.length > 0,
		overdue: open.filter((o) => o.status === 'overdue'),
		due: open.filter((o) => o.status === 'due')
	};
}

export function templatesPage(user: SessionUser) {
	return {
		wheels: listWheels().map((w) => ({ ...w, canEdit: canEditWheel(user, w.ownerUnitId) })),
		ownerOptions: ownerOptions(user)
	};
}

export function templatePage(ctx: { user: SessionUser; wheel: WheelRow; canEdit: boolean }) {
	const { user, wheel, canEdit } = ctx;
	return {
		wheel: {
			id: wheel.id,
			name: wheel.name,
			description: wheel.description,
			ownerUnitId: wheel.ownerUnitId
		},
		values: wheelValues(wheel),
		canEdit,
		tasks: listWheelTasks(wheel.id).map((t) => {
			const schedule = taskSchedule(t);
			return { ...t, schedule, archived: t.archivedAt !== null, values: taskValues(t, schedule) };
		}),
		assignments: listWheelAssignments(wheel.id),
		unitOptions: (canEdit ? assignableUnits(isAdmin(user), wheel.ownerUnitId) : []).map(unitOption),
		ownerOptions: ownerOptions(user)
	};
}

export function calendarPage(user: SessionUser) {
	return { hasFeed: hasCalendarFeed(user.id) };
}

/** The feed's owner's units' occurrences of last, this and next year, as iCalendar text. */
export function calendarFeed(owner: UserRow, origin: string, now: Date): string {
	const unitIds = ledUnitIds({ roles: listRoleAssignmentsForUser(owner.id) });
	const year = yearOf(now);
	const occurrences = unitIds.length
		? [year - 1, year, year + 1].flatMap((y) => listOccurrences({ year: y, now, unitIds }))
		: [];
	return occurrencesCalendar(
		occurrences.map((o) => ({
			uid: `arshjul-${o.taskId}-${o.unitId}-${o.period}@misjonskart`,
			title: `${o.title} (${o.unitName})`,
			description: `${o.wheelName}. Ansvar: ${o.responsibleRole}. Lagres: ${o.storedIn}.`,
			dueDate: o.dueDate,
			url: `${origin}/arshjul/forekomst/${o.taskId}/${o.unitId}/${o.period}`
		}))
	);
}
