/**
 * Occurrences of wheel tasks for a unit and year: computed from the current task schedules,
 * merged with the signatures actually recorded (README, «/arshjul»). Pure: the queries
 * read rows, this decides what the unit sees.
 */
import { osloDay } from '$lib/format';
import { descendantIds, type UnitLike } from '../org/units';
import {
	isMonth,
	MONTHS,
	occurrencesForYear,
	occurrenceStatus,
	type Month,
	type Occurrence,
	type Schedule
} from './schedule';
import { type OccurrenceStatus, type ScheduleKind } from './vocabulary';

export interface TaskLike {
	id: number;
	wheelId: number;
	title: string;
	responsibleRole: string;
	storedIn: string;
	scheduleKind: ScheduleKind;
	months: string;
	dueDay: number | null;
	/** `YYYY-MM`: no occurrences before it. */
	activeFrom: string;
	archivedAt: Date | null;
	/** Schedules in force before a change; the task's own columns hold the current one. */
	pastSchedules?: readonly PastSchedule[];
}

/** A schedule that applied to periods before `validUntil` (`YYYY-MM`, exclusive). */
export interface PastSchedule {
	validUntil: string;
	scheduleKind: ScheduleKind;
	months: string;
	dueDay: number | null;
}

export interface SignatureLike {
	id: number;
	taskId: number;
	unitId: number;
	period: string;
	dueDate: string;
	taskTitle: string;
	responsibleRole: string;
	signedAt: Date;
	signedById: number;
	late: boolean;
	comment: string | null;
	storedIn: string;
	link: string | null;
}

export interface OccurrenceView {
	taskId: number;
	wheelId: number;
	unitId: number;
	/** `YYYY-MM` */
	period: string;
	month: Month;
	dueDate: string;
	title: string;
	responsibleRole: string;
	storedIn: string;
	status: OccurrenceStatus;
	signature: SignatureLike | null;
}

/** The database keeps months as «3,9»; this turns a task row back into a Schedule. */
export function taskSchedule(task: Pick<TaskLike, 'scheduleKind' | 'months' | 'dueDay'>): Schedule {
	const months = task.months
		.split(',')
		.map(Number)
		.filter((m): m is Month => isMonth(m));
	switch (task.scheduleKind) {
		case 'monthly':
			return { kind: 'monthly', dueDay: task.dueDay };
		case 'months':
			return { kind: 'months', months, dueDay: task.dueDay };
		case 'yearly':
			return { kind: 'yearly', month: months[0] ?? 1, dueDay: task.dueDay };
	}
}

export function scheduleColumns(schedule: Schedule): {
	scheduleKind: ScheduleKind;
	months: string;
	dueDay: number | null;
} {
	const months =
		schedule.kind === 'monthly'
			? MONTHS
			: schedule.kind === 'months'
				? [...new Set(schedule.months)].sort((a, b) => a - b)
				: [schedule.month];
	return { scheduleKind: schedule.kind, months: months.join(','), dueDay: schedule.dueDay };
}

/**
 * A task's occurrences in `year`, each period under the schedule in force for it: a past
 * schedule up to the month it was changed in, the current one from then on. So a schedule
 * change moves occurrences from the month of the change, never earlier ones.
 */
export function taskOccurrencesForYear(
	task: Pick<TaskLike, 'id' | 'scheduleKind' | 'months' | 'dueDay' | 'pastSchedules'>,
	year: number
): Occurrence<number>[] {
	const past = [...(task.pastSchedules ?? [])].sort((a, b) =>
		a.validUntil < b.validUntil ? -1 : a.validUntil > b.validUntil ? 1 : 0
	);
	const segments = [
		...past.map((p) => ({ until: p.validUntil as string | null, schedule: taskSchedule(p) })),
		{ until: null, schedule: taskSchedule(task) }
	];
	const result: Occurrence<number>[] = [];
	let from = '';
	for (const segment of segments) {
		for (const occ of occurrencesForYear([{ id: task.id, schedule: segment.schedule }], year)) {
			if (occ.period >= from && (segment.until === null || occ.period < segment.until)) {
				result.push(occ);
			}
		}
		if (segment.until !== null && segment.until > from) from = segment.until;
	}
	return result.sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0));
}

/** `YYYY-MM` → month number. */
export function periodMonth(period: string): Month {
	const month = Number(period.slice(5, 7));
	if (!isMonth(month)) throw new RangeError(`Not a period: ${period}`);
	return month;
}

/**
 * The occurrences a unit has for `year`: one per task per due period from the schedule in
 * force for that period (taskOccurrencesForYear), except before the task's start month and, for an archived task, from its archive
 * day on. A signed occurrence always stays, shown as it was signed (its snapshot), even when
 * the schedule has since moved or the task was archived.
 */
export function unitOccurrences(
	unitId: number,
	tasks: readonly TaskLike[],
	signatures: readonly SignatureLike[],
	year: number,
	now: Date,
	/**
	 * Reopened signatures: their occurrence stays in the unit's history, open to sign again,
	 * even when the task no longer makes it (archived, or a wheel the unit no longer uses).
	 */
	reopened: readonly SignatureLike[] = []
): OccurrenceView[] {
	const key = (taskId: number, period: string) => `${taskId}:${period}`;
	const signed = new Map(
		signatures.filter((s) => s.unitId === unitId).map((s) => [key(s.taskId, s.period), s])
	);
	const history = new Map(
		reopened.filter((s) => s.unitId === unitId).map((s) => [key(s.taskId, s.period), s])
	);
	const byId = new Map(tasks.map((t) => [t.id, t]));
	const seen = new Set<string>();
	const views: OccurrenceView[] = [];

	for (const task of tasks) {
		const archivedDay = task.archivedAt ? osloDay(task.archivedAt) : null;
		for (const occ of taskOccurrencesForYear(task, year)) {
			const signature = signed.get(key(task.id, occ.period)) ?? null;
			const live =
				occ.period >= task.activeFrom && (archivedDay === null || occ.dueDate < archivedDay);
			if (!live && !signature && !history.has(key(task.id, occ.period))) continue;
			seen.add(key(task.id, occ.period));
			views.push(view(task, unitId, occ.period, occ.dueDate, signature, now));
		}
	}
	// Signed, or signed and reopened, in a period the schedule no longer makes: as recorded.
	for (const [record, active] of [
		...[...signed.values()].map((s) => [s, s] as const),
		...[...history.values()].map((s) => [s, null] as const)
	]) {
		const task = byId.get(record.taskId);
		const k = key(record.taskId, record.period);
		if (!task || seen.has(k) || !record.period.startsWith(`${year}-`)) continue;
		seen.add(k);
		views.push(view(task, unitId, record.period, record.dueDate, active, now));
	}
	return views.sort((a, b) =>
		a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.taskId - b.taskId
	);
}

function view(
	task: TaskLike,
	unitId: number,
	period: string,
	computedDue: string,
	signature: SignatureLike | null,
	now: Date
): OccurrenceView {
	// What was signed is shown as signed; an unsigned occurrence follows the template.
	const dueDate = signature?.dueDate ?? computedDue;
	return {
		taskId: task.id,
		wheelId: task.wheelId,
		unitId,
		period,
		month: periodMonth(period),
		dueDate,
		title: signature?.taskTitle ?? task.title,
		responsibleRole: signature?.responsibleRole ?? task.responsibleRole,
		storedIn: signature?.storedIn ?? task.storedIn,
		status: occurrenceStatus({ dueDate, signedAt: signature?.signedAt ?? null }, now),
		signature
	};
}

export interface AssignmentLike {
	wheelId: number;
	unitId: number;
	includeChildUnits: boolean;
}

/**
 * Which wheels each unit uses: its own assignments, and those of an ancestor assigned with
 * «gjelder også underenheter». Archived units use none. Map unit id → wheel ids.
 */
export function wheelsByUnit(
	assignments: readonly AssignmentLike[],
	units: readonly UnitLike[]
): Map<number, Set<number>> {
	const active = new Set(units.filter((u) => !u.archivedAt).map((u) => u.id));
	const result = new Map<number, Set<number>>();
	const add = (unitId: number, wheelId: number) => {
		if (!active.has(unitId)) return;
		const set = result.get(unitId) ?? new Set<number>();
		set.add(wheelId);
		result.set(unitId, set);
	};
	for (const a of assignments) {
		const targets = a.includeChildUnits ? descendantIds([...units], a.unitId) : [a.unitId];
		for (const unitId of targets) add(unitId, a.wheelId);
	}
	return result;
}

/** An occurrence counts for compliance once it is due (its day has passed) or signed. */
export function countsForCompliance(o: Pick<OccurrenceView, 'status'>): boolean {
	return o.status !== 'future' && o.status !== 'due';
}

/** Per month: occurrences that count, and how many of them were signed on time. */
export function complianceByMonth(
	occurrences: readonly OccurrenceView[]
): { month: Month; total: number; signedOnTime: number }[] {
	return MONTHS.map((month) => {
		const counted = occurrences.filter((o) => o.month === month && countsForCompliance(o));
		return {
			month,
			total: counted.length,
			signedOnTime: counted.filter((o) => o.status === 'signed').length
		};
	}).filter((m) => m.total > 0);
}
