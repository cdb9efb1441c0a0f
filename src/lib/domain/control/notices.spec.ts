import { describe, expect, it } from 'vitest';
import {
	daysBetween,
	DEFAULT_NOTICE_RULES,
	escalationLeaders,
	planNotices,
	type NoticeInput,
	type NoticeOccurrence
} from './notices';

// Units: 1 (top, leader 10) → 2 (no leader) → 3 (leader 30); 4 under 1 (leader 40).
const parentOf = new Map<number, number | null>([
	[1, null],
	[2, 1],
	[3, 2],
	[4, 1]
]);
const leadersOf = new Map<number, number[]>([
	[1, [10]],
	[3, [30, 31]],
	[4, [40]]
]);

const occurrence = (dueDate: string, signed = false): NoticeOccurrence => ({
	taskId: 5,
	unitId: 3,
	period: dueDate.slice(0, 7),
	dueDate,
	title: 'Tilgangskontroll',
	unitName: 'Avdeling Nord',
	signed
});

const plan = (today: string, input: Partial<NoticeInput> = {}) =>
	planNotices({
		today,
		rules: DEFAULT_NOTICE_RULES,
		occurrences: [],
		deviations: [],
		parentOf,
		leadersOf,
		...input
	});

const summary = (today: string, input: Partial<NoticeInput>) =>
	plan(today, input).map((n) => `${n.kind}→${n.userId}`);

describe('daysBetween', () => {
	it('counts calendar days, across a clock change', () => {
		expect(daysBetween('2026-10-24', '2026-10-26')).toBe(2);
		expect(daysBetween('2026-11-30', '2026-11-23')).toBe(-7);
	});
});

describe('occurrence notices', () => {
	const occurrences = [occurrence('2026-11-30')];

	it('tells the unit leaders when the due day is within the days given, not before', () => {
		expect(summary('2026-11-22', { occurrences })).toEqual([]);
		expect(summary('2026-11-23', { occurrences })).toEqual(['due_soon→30', 'due_soon→31']);
		expect(summary('2026-11-30', { occurrences })).toEqual(['due_soon→30', 'due_soon→31']);
	});

	it('tells them when it is overdue, and the leaders above after the set days', () => {
		expect(summary('2026-12-01', { occurrences })).toEqual(['overdue→30', 'overdue→31']);
		expect(summary('2026-12-13', { occurrences })).toEqual(['overdue→30', 'overdue→31']);
		// Unit 2 has no leader: the escalation goes on to unit 1's.
		expect(summary('2026-12-14', { occurrences })).toEqual([
			'overdue→30',
			'overdue→31',
			'escalation→10'
		]);
	});

	it('says nothing about a signed occurrence', () => {
		expect(plan('2026-12-20', { occurrences: [occurrence('2026-11-30', true)] })).toEqual([]);
	});

	it('gives stable keys and a link to the occurrence', () => {
		const [n] = plan('2026-12-01', { occurrences });
		expect(n).toMatchObject({ key: 'overdue:5:3:2026-11', href: '/arshjul/forekomst/5/3/2026-11' });
		expect(n!.title).toBe('«Tilgangskontroll» for Avdeling Nord er over fristen');
	});

	it('never tells anyone outside the unit and the units above it', () => {
		const users = plan('2027-02-01', { occurrences }).map((n) => n.userId);
		expect(users).not.toContain(40);
	});
});

describe('escalationLeaders', () => {
	it('finds the nearest leaders above, or none at the top', () => {
		expect(escalationLeaders(3, parentOf, leadersOf)).toEqual([10]);
		expect(escalationLeaders(1, parentOf, leadersOf)).toEqual([]);
	});
});

describe('deviation notices', () => {
	const deviation = {
		id: 9,
		unitId: 4,
		unitName: 'Avdeling Sør',
		title: 'Manglende opplæring',
		deadline: '2026-11-30',
		responsibleId: 77,
		open: true
	};

	it('tells the responsible person and the unit leaders once past the deadline', () => {
		expect(summary('2026-11-30', { deviations: [deviation] })).toEqual([]);
		expect(summary('2026-12-01', { deviations: [deviation] })).toEqual([
			'deviation_overdue→77',
			'deviation_overdue→40'
		]);
	});

	it('says nothing about a closed deviation or one without a deadline', () => {
		const deviations = [
			{ ...deviation, open: false },
			{ ...deviation, id: 10, deadline: null }
		];
		expect(plan('2027-01-01', { deviations })).toEqual([]);
	});
});
