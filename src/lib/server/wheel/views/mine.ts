/**
 * «Mine oppgaver»: what the units a leader leads have to sign now, the overdue first (last
 * year's too, as they are still to be done in January) and this month's after, each list a
 * page at a time in due-date order (keyset: the address names the last item shown). Read
 * set-based for all the leader's units at once (queries/wheel-sets.ts).
 */
import { osloDay } from '$lib/format';
import { ledUnitIds } from '$lib/server/auth/guards';
import type { SessionUser } from '$lib/server/auth/session';
import { monthEndsOfYear } from '$lib/domain/wheel/calendar';
import {
	countOpenOccurrences,
	openOccurrences,
	type OpenOccurrenceRow,
	type SetWindow
} from '$lib/server/db/queries/wheel-sets';
import { cursorParam, parseCursor } from './compliance';
import { type OccurrenceStatus } from '$lib/domain/wheel/vocabulary';
import { governanceTasks } from './governance';

export const MINE_PAGE_SIZE = 50;

export interface MineItem {
	taskId: number;
	unitId: number;
	period: string;
	title: string;
	unitName: string;
	wheelName: string;
	responsibleRole: string;
	storedIn: string;
	dueDate: string;
	status: OccurrenceStatus;
}

function item(row: OpenOccurrenceRow, status: OccurrenceStatus): MineItem {
	return {
		taskId: row.taskId,
		unitId: row.unitId,
		period: row.period,
		title: row.title,
		unitName: row.unitName,
		wheelName: row.wheelName,
		responsibleRole: row.responsibleRole,
		storedIn: row.storedIn,
		dueDate: row.dueDate,
		status
	};
}

function page(rows: OpenOccurrenceRow[], status: OccurrenceStatus) {
	const items = rows.slice(0, MINE_PAGE_SIZE).map((r) => item(r, status));
	const last = items[items.length - 1];
	return { items, next: rows.length > MINE_PAGE_SIZE && last ? cursorParam(last) : null };
}

export function mineView(unitIds: number[], url: URL, now: Date) {
	const today = osloDay(now);
	const year = Number(today.slice(0, 4));
	const thisMonth = today.slice(0, 7);
	const overdueAfter = parseCursor(url.searchParams.get('forfalt'));
	const dueAfter = parseCursor(url.searchParams.get('denne'));
	if (unitIds.length === 0) {
		return {
			today,
			leadsUnits: false,
			counts: { overdue: 0, due: 0 },
			overdue: [] as MineItem[],
			due: [] as MineItem[],
			overduePage: { after: null, next: null },
			duePage: { after: null, next: null }
		};
	}
	// Last January to the end of this month: later months are not due yet.
	const monthEnds = [...monthEndsOfYear(year - 1), ...monthEndsOfYear(year)].filter(
		(end) => end.slice(0, 7) <= thisMonth
	);
	const window: SetWindow = {
		monthEnds,
		today,
		wheelId: null,
		scope: { kind: 'units', unitIds }
	};
	const overdue = page(
		openOccurrences(window, { before: today, after: overdueAfter, limit: MINE_PAGE_SIZE + 1 }),
		'overdue'
	);
	const due = page(
		openOccurrences(
			{ ...window, monthEnds: monthEnds.slice(-1) },
			{ before: null, from: today, after: dueAfter, limit: MINE_PAGE_SIZE + 1 }
		),
		'due'
	);
	return {
		today,
		leadsUnits: true,
		counts: countOpenOccurrences(window, null),
		overdue: overdue.items,
		due: due.items,
		overduePage: { after: overdueAfter ? cursorParam(overdueAfter) : null, next: overdue.next },
		duePage: { after: dueAfter ? cursorParam(dueAfter) : null, next: due.next }
	};
}

/**
 * «Mine oppgaver»: the tasks of the units this user leads, the measurements of the benefits
 * they own, and the steering group's next meeting.
 */
export function myTasksPage(user: SessionUser, url: URL, now: Date) {
	return { ...mineView(ledUnitIds(user), url, now), governance: governanceTasks(user.id, now) };
}
