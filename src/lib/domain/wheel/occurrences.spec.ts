import { describe, expect, it } from 'vitest';
import {
	complianceByMonth,
	scheduleColumns,
	taskOccurrencesForYear,
	taskSchedule,
	unitOccurrences,
	wheelsByUnit,
	type SignatureLike,
	type TaskLike
} from './occurrences';
import type { Schedule } from './schedule';

const NOW = new Date('2026-11-25T12:00:00Z');

function task(id: number, schedule: Schedule, extra: Partial<TaskLike> = {}): TaskLike {
	return {
		id,
		wheelId: 1,
		title: `Oppgave ${id}`,
		responsibleRole: 'Avdelingsleder',
		storedIn: 'Compilo',
		activeFrom: '2026-01',
		archivedAt: null,
		...scheduleColumns(schedule),
		...extra
	};
}

function signature(
	taskId: number,
	period: string,
	extra: Partial<SignatureLike> = {}
): SignatureLike {
	return {
		id: 1,
		taskId,
		unitId: 7,
		period,
		dueDate: `${period}-28`,
		taskTitle: 'Tittel da det ble signert',
		responsibleRole: 'Avdelingsleder',
		signedAt: new Date(`${period}-20T10:00:00Z`),
		signedById: 3,
		late: false,
		comment: null,
		storedIn: 'Teams',
		link: null,
		...extra
	};
}

describe('schedule columns', () => {
	it('round-trip every schedule kind', () => {
		const schedules: Schedule[] = [
			{ kind: 'monthly', dueDay: null },
			{ kind: 'months', months: [3, 9], dueDay: 31 },
			{ kind: 'yearly', month: 2, dueDay: 29 }
		];
		for (const s of schedules) expect(taskSchedule(scheduleColumns(s))).toEqual(s);
		expect(scheduleColumns({ kind: 'months', months: [9, 3, 9], dueDay: null }).months).toBe('3,9');
	});
});

describe('unitOccurrences', () => {
	it('gives a «last day» task its month ends, February included', () => {
		const list = unitOccurrences(7, [task(1, { kind: 'monthly', dueDay: null })], [], 2028, NOW);
		expect(list.slice(0, 4).map((o) => o.dueDate)).toEqual([
			'2028-01-31',
			'2028-02-29',
			'2028-03-31',
			'2028-04-30'
		]);
	});

	it('keeps a reopened occurrence of a stopped task, unsigned, and an active signature wins', () => {
		const stopped = task(
			1,
			{ kind: 'yearly', month: 3, dueDay: 10 },
			{ archivedAt: new Date('2020-01-01T00:00:00Z') }
		);
		const reopened = [signature(1, '2026-03', { dueDate: '2026-03-10' })];
		const list = unitOccurrences(7, [stopped], [], 2026, NOW, reopened);
		expect(list.map((o) => [o.period, o.dueDate, o.status, o.signature])).toEqual([
			['2026-03', '2026-03-10', 'overdue', null]
		]);
		const signedAgain = signature(1, '2026-03', {
			id: 2,
			signedAt: new Date('2026-11-20T10:00:00Z')
		});
		const both = unitOccurrences(7, [stopped], [signedAgain], 2026, NOW, reopened);
		expect(both.map((o) => [o.period, o.status, o.signature?.id])).toEqual([
			['2026-03', 'signed_late', 2]
		]);
	});

	it('starts in the task’s first month and stops on the day it is archived', () => {
		const t = task(
			1,
			{ kind: 'monthly', dueDay: 15 },
			{
				activeFrom: '2026-03',
				archivedAt: new Date('2026-06-15T08:00:00Z')
			}
		);
		// June's is due on the archive day itself: archived before the deadline, so it stops.
		expect(unitOccurrences(7, [t], [], 2026, NOW).map((o) => o.period)).toEqual([
			'2026-03',
			'2026-04',
			'2026-05'
		]);
	});

	it('keeps a signed occurrence as signed, even after the schedule moved away from it', () => {
		const moved = task(1, { kind: 'yearly', month: 9, dueDay: null }, { title: 'Ny tittel' });
		const list = unitOccurrences(7, [moved], [signature(1, '2026-02')], 2026, NOW);
		expect(list.map((o) => [o.period, o.dueDate, o.title, o.status])).toEqual([
			['2026-02', '2026-02-28', 'Tittel da det ble signert', 'signed'],
			['2026-09', '2026-09-30', 'Ny tittel', 'overdue']
		]);
	});

	it('ignores other units’ signatures and other years', () => {
		const t = task(1, { kind: 'yearly', month: 2, dueDay: null });
		const list = unitOccurrences(
			7,
			[t],
			[signature(1, '2026-02', { unitId: 8 }), signature(1, '2025-02')],
			2026,
			NOW
		);
		expect(list.map((o) => o.status)).toEqual(['overdue']);
	});

	it('marks due, overdue, future and late by Oslo days', () => {
		const t = task(1, { kind: 'monthly', dueDay: null });
		const late = signature(1, '2026-03', {
			dueDate: '2026-03-31',
			signedAt: new Date('2026-03-31T22:30:00Z')
		});
		const list = unitOccurrences(7, [t], [late], 2026, NOW);
		expect(list.find((o) => o.period === '2026-03')?.status).toBe('signed_late');
		expect(list.find((o) => o.period === '2026-10')?.status).toBe('overdue');
		expect(list.find((o) => o.period === '2026-11')?.status).toBe('due');
		expect(list.find((o) => o.period === '2026-12')?.status).toBe('future');
	});
});

describe('taskOccurrencesForYear with past schedules', () => {
	const monthly10 = { ...scheduleColumns({ kind: 'monthly', dueDay: 10 }) };
	it('keeps each period under the schedule in force for it', () => {
		// Monthly on the 10th until May, then last day until November, now March/September only.
		const t = task(
			1,
			{ kind: 'months', months: [3, 9], dueDay: 15 },
			{
				pastSchedules: [
					{ validUntil: '2026-11', ...scheduleColumns({ kind: 'monthly', dueDay: null }) },
					{ validUntil: '2026-05', ...monthly10 }
				]
			}
		);
		const dates = taskOccurrencesForYear(t, 2026).map((o) => o.dueDate);
		expect(dates).toEqual([
			'2026-01-10',
			'2026-02-10',
			'2026-03-10',
			'2026-04-10',
			'2026-05-31',
			'2026-06-30',
			'2026-07-31',
			'2026-08-31',
			'2026-09-30',
			'2026-10-31'
		]);
		// The next year runs wholly on the current schedule.
		expect(taskOccurrencesForYear(t, 2027).map((o) => o.dueDate)).toEqual([
			'2027-03-15',
			'2027-09-15'
		]);
	});

	it('without past schedules it is the current schedule', () => {
		const t = task(2, { kind: 'yearly', month: 2, dueDay: null });
		expect(taskOccurrencesForYear(t, 2028).map((o) => o.dueDate)).toEqual(['2028-02-29']);
	});
});

describe('wheelsByUnit', () => {
	const units = [
		{ id: 1, name: 'Bo og habilitering', parentId: null },
		{ id: 2, name: 'Avdeling Nord', parentId: 1 },
		{ id: 3, name: 'Avdeling Sør', parentId: 1 },
		{ id: 4, name: 'Bolig Nordlys', parentId: 2 },
		{ id: 5, name: 'Avdeling Fjord', parentId: 1, archivedAt: new Date('2026-01-01') }
	];

	it('gives child units, all levels down, the wheels assigned with them', () => {
		const map = wheelsByUnit(
			[
				{ wheelId: 10, unitId: 1, includeChildUnits: true },
				{ wheelId: 20, unitId: 2, includeChildUnits: false }
			],
			units
		);
		expect([...map.entries()].map(([u, w]) => [u, [...w].sort()])).toEqual([
			[1, [10]],
			[2, [10, 20]],
			[3, [10]],
			[4, [10]]
		]);
	});
});

describe('complianceByMonth', () => {
	it('counts what is due or signed, and on time only what was signed by the due day', () => {
		const t = task(1, { kind: 'monthly', dueDay: null });
		const list = unitOccurrences(
			7,
			[t],
			[
				signature(1, '2026-01', { dueDate: '2026-01-31' }),
				signature(1, '2026-02', {
					dueDate: '2026-02-28',
					signedAt: new Date('2026-03-02T10:00:00Z')
				})
			],
			2026,
			NOW
		);
		const months = complianceByMonth(list);
		expect(months.slice(0, 3)).toEqual([
			{ month: 1, total: 1, signedOnTime: 1 },
			{ month: 2, total: 1, signedOnTime: 0 },
			{ month: 3, total: 1, signedOnTime: 0 }
		]);
		// November is due, not yet overdue; December is in the future: neither counts.
		expect(months.map((m) => m.month)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
	});
});
