import { describe, expect, it } from 'vitest';
import { calendarOccurrences, isLiveOccurrence, lastDaysOfYear, taskCalendar } from './calendar';
import { taskOccurrencesForYear, unitOccurrences, type TaskLike } from './occurrences';
import { daysInMonth, MONTHS, type Month } from './schedule';

const NOW = new Date('2026-06-15T10:00:00Z');

function task(overrides: Partial<TaskLike> = {}): TaskLike {
	return {
		id: 1,
		wheelId: 1,
		title: 'Oppgave',
		responsibleRole: 'Avdelingsleder',
		storedIn: 'Compilo',
		scheduleKind: 'monthly',
		months: MONTHS.join(','),
		dueDay: null,
		activeFrom: '2025-01',
		archivedAt: null,
		...overrides
	};
}

/** A small seeded generator, so the cases are the same on every run. */
function lcg(seed: number) {
	let s = seed;
	return () => {
		s = (s * 1_103_515_245 + 12_345) % 2_147_483_648;
		return s / 2_147_483_648;
	};
}

function randomTask(next: () => number, id: number): TaskLike {
	const pick = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]!;
	const schedule = () => {
		const kind = pick(['monthly', 'months', 'yearly'] as const);
		const months =
			kind === 'monthly'
				? MONTHS.join(',')
				: kind === 'yearly'
					? String(pick(MONTHS))
					: [...new Set([pick(MONTHS), pick(MONTHS), pick(MONTHS)])].join(',');
		return { scheduleKind: kind, months, dueDay: pick([null, 1, 10, 15, 29, 30, 31]) };
	};
	const changes = Math.floor(next() * 3);
	const untils = [
		...new Set(
			Array.from(
				{ length: changes },
				() => `${pick([2025, 2026, 2027])}-${pick(['02', '06', '11'])}`
			)
		)
	];
	return task({
		id,
		...schedule(),
		activeFrom: pick(['2024-05', '2025-01', '2026-03']),
		archivedAt: next() < 0.3 ? new Date(Date.UTC(2026, Math.floor(next() * 12), 28, 22, 30)) : null,
		pastSchedules: untils.map((validUntil) => ({ validUntil, ...schedule() }))
	});
}

describe('taskCalendar', () => {
	it('gives the same scheduled occurrences as taskOccurrencesForYear, for any year', () => {
		const next = lcg(7);
		for (let id = 1; id <= 300; id++) {
			const t = randomTask(next, id);
			const calendar = taskCalendar(t);
			for (const year of [2024, 2025, 2026, 2027, 2028, 2100]) {
				expect(calendarOccurrences(t.id, calendar.months, year)).toEqual(
					taskOccurrencesForYear(t, year)
				);
			}
		}
	});

	it('marks live the occurrences unitOccurrences makes without a signature', () => {
		const next = lcg(11);
		for (let id = 1; id <= 200; id++) {
			const t = randomTask(next, id);
			const calendar = taskCalendar(t);
			for (const year of [2025, 2026, 2027]) {
				const live = calendarOccurrences(t.id, calendar.months, year)
					.filter((o) => isLiveOccurrence(calendar, o))
					.map((o) => o.period);
				expect(live).toEqual(unitOccurrences(7, [t], [], year, NOW).map((o) => o.period));
			}
		}
	});

	it('keeps a past schedule for the periods before the change, the current one after', () => {
		const t = task({
			scheduleKind: 'yearly',
			months: '9',
			dueDay: 15,
			pastSchedules: [
				{ validUntil: '2026-06', scheduleKind: 'months', months: '3,9', dueDay: null }
			]
		});
		expect(taskCalendar(t).months).toEqual([
			{ month: 3, dueDay: null, fromPeriod: '', untilPeriod: '2026-06' },
			{ month: 9, dueDay: null, fromPeriod: '', untilPeriod: '2026-06' },
			{ month: 9, dueDay: 15, fromPeriod: '2026-06', untilPeriod: null }
		]);
	});

	it('names the archive day in Oslo time: 23:30 UTC on 31 May is 1 June in Oslo', () => {
		const t = task({ archivedAt: new Date('2026-05-31T23:30:00Z') });
		expect(taskCalendar(t).archivedDay).toBe('2026-06-01');
	});
});

describe('lastDaysOfYear', () => {
	it('has each month’s last day, February by the leap-year rule', () => {
		for (const year of [1900, 2000, 2024, 2026]) {
			const text = lastDaysOfYear(year);
			expect(text).toHaveLength(24);
			MONTHS.forEach((m: Month, i) =>
				expect(Number(text.slice(i * 2, i * 2 + 2))).toBe(daysInMonth(year, m))
			);
		}
		expect(lastDaysOfYear(2028).slice(2, 4)).toBe('29');
	});
});
