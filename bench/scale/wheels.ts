/**
 * Annual wheels at scale (seed 004, «Årshjul (Internkontroll)»): three wheels of 40 tasks
 * (monthly, twice a year, yearly), assigned both with «gjelder også underenheter» and unit by
 * unit, and a year of sign-offs by each unit's leader. Units differ: most sign on time, some
 * late, a few leave many undone, as the compliance page must show. Occurrences come from the
 * app's own schedule rules (src/lib/domain), so the generated signatures match what the app
 * computes. What stays unsigned is returned, for the benchmark's sign-off POSTs.
 */
import {
	wheel,
	wheelAssignment,
	wheelReopening,
	wheelSignature,
	wheelTask,
	wheelTaskMonth
} from '../../src/lib/server/db/schema';
import { taskCalendar } from '../../src/lib/domain/wheel/calendar';
import { occurrencesForYear, type Month, type Schedule } from '../../src/lib/domain/wheel/schedule';
import { scheduleColumns, wheelsByUnit } from '../../src/lib/domain/wheel/occurrences';
import { addMonths, dayStart, firstDay, osloDayOf, workingTime, type Context } from './context';
import type { Org } from './org';
import type { Rng } from './random';
import {
	MONTHLY_TASKS,
	REOPEN_REASONS,
	RESPONSIBLE_ROLES,
	SIGN_COMMENTS,
	STORED_IN,
	TWICE_A_YEAR_TASKS,
	YEARLY_TASKS
} from './words';

const WHERE = 'bench/scale/wheels.ts';
const DAY = 86_400_000;

/** An occurrence by its key: task, unit, due period. */
export type OccurrenceKey = [taskId: number, unitId: number, period: string];

export interface Wheels {
	/** Unsigned occurrences whose month has begun, by unit: what a unit leader could sign now. */
	open: Map<number, OccurrenceKey[]>;
	/** Units by how many wheels they use, most first. */
	busiestUnits: number[];
}

interface Task {
	id: number;
	wheelId: number;
	title: string;
	responsibleRole: string;
	storedIn: string;
	/** This task's occurrences in the window (from activeFrom to this month), oldest first. */
	occurrences: { period: string; dueDate: string }[];
}

const TWICE: Month[][] = [
	[3, 9],
	[1, 8],
	[6, 12],
	[2, 8],
	[4, 10],
	[5, 11]
];

const WHEELS = [
	{
		name: 'Årshjul for ledere',
		description: 'Internkontroll for ledere. Signeres ved gjennomført.'
	},
	{
		name: 'Årshjul for primærkontakter',
		description: 'Oppgaver for primærkontakter i tjenester med vedtak.'
	},
	{ name: 'Årshjul for fag og kompetanseheving', description: 'Gjelder også enhetene under.' }
];

function schedules(rng: Rng, w: number): [string, Schedule][] {
	const tasks: [string, Schedule][] = [];
	for (let k = 0; k < 8; k++) {
		const title = MONTHLY_TASKS[(k + w * 3) % MONTHLY_TASKS.length]!;
		tasks.push([title, { kind: 'monthly', dueDay: rng.pick([null, null, 10, 15]) }]);
	}
	for (let k = 0; k < 6; k++) {
		const title = TWICE_A_YEAR_TASKS[(k + w) % TWICE_A_YEAR_TASKS.length]!;
		tasks.push([title, { kind: 'months', months: TWICE[k]!, dueDay: rng.pick([null, 20]) }]);
	}
	for (let k = 0; k < 26; k++) {
		const title = YEARLY_TASKS[(k + w * 7) % YEARLY_TASKS.length]!;
		const month = ((k % 12) + 1) as Month;
		tasks.push([title, { kind: 'yearly', month, dueDay: rng.pick([null, null, 15]) }]);
	}
	return tasks;
}

export function seedWheels(ctx: Context, org: Org): Wheels {
	const rng = ctx.rng('wheels');
	const nowMs = ctx.now.getTime();
	const activeFrom = addMonths(ctx.month, -12);
	const setupMs = dayStart(firstDay(activeFrom)) - 20 * DAY;
	const [sectors, services, departments] = org.byDepth;
	const admin = org.byRole.admin[0]!;

	const wheels_ = ctx.writer(
		wheel,
		['id', 'name', 'description', 'ownerUnitId', 'createdAt'],
		WHERE
	);
	const tasks_ = ctx.writer(
		wheelTask,
		[
			'id',
			'wheelId',
			'title',
			'description',
			'responsibleRole',
			'storedIn',
			'reference',
			'scheduleKind',
			'months',
			'dueDay',
			'activeFrom',
			'createdAt'
		],
		WHERE
	);
	// The task calendar, as the app writes it with every task (queries/wheel-calendar.ts).
	const calendar_ = ctx.writer(
		wheelTaskMonth,
		[
			'id',
			'taskId',
			'wheelId',
			'month',
			'dueDay',
			'fromPeriod',
			'untilPeriod',
			'activeFrom',
			'archivedDay'
		],
		WHERE
	);
	const assignments_ = ctx.writer(
		wheelAssignment,
		['id', 'wheelId', 'unitId', 'includeChildUnits', 'createdAt'],
		WHERE
	);
	const years = [Number(activeFrom.slice(0, 4)), Number(ctx.month.slice(0, 4))];
	const tasksByWheel = new Map<number, Task[]>();
	WHEELS.forEach((w, i) => {
		const wheelId = i + 1;
		const owner = sectors[Math.min(i === 2 ? 1 : 0, sectors.length - 1)]!;
		wheels_.row([wheelId, w.name, w.description, owner, setupMs]);
		const tasks: Task[] = [];
		for (const [title, schedule] of schedules(rng, i)) {
			const id = tasks_.count + 1;
			const columns = scheduleColumns(schedule);
			const storedIn = rng.pick(STORED_IN);
			const responsibleRole = rng.pick(RESPONSIBLE_ROLES);
			tasks_.row([
				id,
				wheelId,
				title,
				rng.chance(0.3) ? 'Se prosedyren i kvalitetssystemet.' : null,
				responsibleRole,
				storedIn,
				null,
				columns.scheduleKind,
				columns.months,
				columns.dueDay,
				activeFrom,
				setupMs + id * 60_000
			]);
			const calendar = taskCalendar({ ...columns, activeFrom, archivedAt: null });
			for (const m of calendar.months) {
				calendar_.row([
					calendar_.count + 1,
					id,
					wheelId,
					m.month,
					m.dueDay,
					m.fromPeriod,
					m.untilPeriod,
					calendar.activeFrom,
					calendar.archivedDay
				]);
			}
			const occurrences = [...new Set(years)]
				.flatMap((y) => occurrencesForYear([{ id, schedule }], y))
				.filter((o) => o.period >= activeFrom && o.period <= ctx.month);
			tasks.push({ id, wheelId, title, responsibleRole, storedIn, occurrences });
		}
		tasksByWheel.set(wheelId, tasks);
	});

	const assignments: { wheelId: number; unitId: number; includeChildUnits: boolean }[] = [];
	const assign = (wheelId: number, unitId: number, includeChildUnits: boolean) => {
		assignments.push({ wheelId, unitId, includeChildUnits });
		assignments_.row([
			assignments_.count + 1,
			wheelId,
			unitId,
			includeChildUnits ? 1 : 0,
			setupMs + DAY
		]);
	};
	// Every unit keeps the leaders' wheel (from its sector down); the primary contacts' wheel
	// is given department by department in half the sectors; the competence wheel per service.
	for (const s of sectors) assign(1, s, true);
	const firstHalf = new Set(sectors.slice(0, Math.max(1, Math.ceil(sectors.length / 2))));
	const serviceSector = new Map(org.units.map((u) => [u.id, u.parentId]));
	for (const d of departments) {
		const sector = serviceSector.get(serviceSector.get(d) ?? -1);
		if (sector !== undefined && sector !== null && firstHalf.has(sector)) assign(2, d, false);
	}
	for (const s of services) assign(3, s, true);
	const uses = wheelsByUnit(
		assignments,
		org.units.map((u) => ({ id: u.id, name: u.name, parentId: u.parentId, archivedAt: null }))
	);

	const signatures_ = ctx.writer(
		wheelSignature,
		[
			'id',
			'taskId',
			'unitId',
			'period',
			'dueDate',
			'taskTitle',
			'responsibleRole',
			'signedById',
			'signedAt',
			'late',
			'comment',
			'storedIn',
			'link',
			'reopenedAt'
		],
		WHERE
	);
	const reopenings_ = ctx.writer(
		wheelReopening,
		['id', 'signatureId', 'reopenedById', 'reopenedAt', 'reason'],
		WHERE
	);
	const sign = (
		task: Task,
		unitId: number,
		period: string,
		due: string,
		signer: number,
		at: number,
		reopenedAt: number | null
	) => {
		const id = signatures_.count + 1;
		signatures_.row([
			id,
			task.id,
			unitId,
			period,
			due,
			task.title,
			task.responsibleRole,
			signer,
			at,
			osloDayOf(at) > due ? 1 : 0,
			rng.chance(0.25) ? rng.pick(SIGN_COMMENTS) : null,
			task.storedIn,
			rng.chance(0.1) ? `https://kvalitet.kommune.no/dok/${id}` : null,
			reopenedAt
		]);
		return id;
	};

	const open = new Map<number, OccurrenceKey[]>();
	const monthStartMs = dayStart(firstDay(ctx.month));
	const elapsed = Math.min(1, (nowMs - monthStartMs) / (30 * DAY));
	for (const u of org.units) {
		const wheelIds = [...(uses.get(u.id) ?? [])].sort((a, b) => a - b);
		const signer = org.leaderOf.get(u.id)?.id ?? admin.id;
		const struggling = rng.chance(0.06);
		const onTime = struggling ? 0.3 + rng.next() * 0.2 : 0.6 + rng.next() * 0.32;
		const late = struggling ? 0.15 + rng.next() * 0.1 : 0.03 + rng.next() * 0.17;
		const unsigned: OccurrenceKey[] = [];
		for (const wheelId of wheelIds) {
			for (const task of tasksByWheel.get(wheelId)!) {
				for (const { period, dueDate } of task.occurrences) {
					const periodStart = dayStart(firstDay(period));
					const dueEnd = dayStart(dueDate, 1);
					// The holiday month goes worse everywhere.
					const july = period.endsWith('-07') ? 0.8 : 1;
					const current = period === ctx.month;
					const roll = rng.next();
					let at: number | null = null;
					if (roll < onTime * july * (current ? elapsed : 1)) {
						const earliest = Math.max(periodStart, dueEnd - 12 * DAY);
						at = workingTime(rng, osloDayOf(earliest + rng.next() * (dueEnd - DAY - earliest)));
					} else if (!current && roll < onTime * july + late) {
						at = workingTime(rng, dueDate, rng.int(1, 25));
					}
					if (at !== null && at >= nowMs) at = null;
					if (at === null) {
						unsigned.push([task.id, u.id, period]);
						continue;
					}
					if (rng.chance(0.004)) {
						// Reopened with a reason, and signed again later, when time allows.
						const reopenedAt = Math.min(nowMs - 60_000, at + rng.int(1, 10) * DAY);
						const first = sign(task, u.id, period, dueDate, signer, at, reopenedAt);
						reopenings_.row([
							reopenings_.count + 1,
							first,
							signer,
							reopenedAt,
							rng.pick(REOPEN_REASONS)
						]);
						const again = reopenedAt + rng.int(1, 10) * DAY;
						if (again < nowMs) sign(task, u.id, period, dueDate, signer, again, null);
						else unsigned.push([task.id, u.id, period]);
						continue;
					}
					sign(task, u.id, period, dueDate, signer, at, null);
				}
			}
		}
		if (unsigned.length) open.set(u.id, unsigned);
	}
	const busiestUnits = org.units
		.map((u) => ({ id: u.id, wheels: uses.get(u.id)?.size ?? 0 }))
		.sort((a, b) => b.wheels - a.wheels || a.id - b.id)
		.map((u) => u.id);
	return { open, busiestUnits };
}
