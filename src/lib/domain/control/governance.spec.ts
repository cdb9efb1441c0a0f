import { describe, expect, it } from 'vitest';
import { measurementsOfYear, meetingStatus, meetingStatusLabel } from './governance';

const quarterly = {
	id: 7,
	title: 'Færre telefoner',
	frequency: 'quarterly' as const,
	fromPeriod: '2025-01'
};

describe('measurementsOfYear', () => {
	it('a quarter is measured in the month after it: due the last day of that month', () => {
		const rows = measurementsOfYear([quarterly], 2026, new Map(), '2025-12-10');
		expect(rows.map((r) => [r.period, r.dueDate])).toEqual([
			['2025-12', '2026-01-31'],
			['2026-03', '2026-04-30'],
			['2026-06', '2026-07-31'],
			['2026-09', '2026-10-31']
		]);
		expect(rows.map((r) => r.month)).toEqual([1, 4, 7, 10]);
		expect(rows.every((r) => r.status === 'future')).toBe(true);
	});

	it('judges logged, late, overdue and due against the Oslo day', () => {
		const logged = new Map([
			['7:2026-03', '2026-04-02'],
			['7:2026-06', '2026-08-01']
		]);
		const rows = measurementsOfYear([quarterly], 2026, logged, '2026-10-01');
		expect(rows.map((r) => r.status)).toEqual(['overdue', 'signed', 'signed_late', 'due']);
		// On the due day itself a measurement is still this month's, not overdue.
		const onDay = measurementsOfYear([quarterly], 2026, new Map(), '2026-10-31');
		expect(onDay[3]?.status).toBe('due');
		expect(measurementsOfYear([quarterly], 2026, new Map(), '2026-11-01')[3]?.status).toBe(
			'overdue'
		);
	});

	it('asks for nothing before the benefit is measured from', () => {
		const rows = measurementsOfYear(
			[{ ...quarterly, frequency: 'monthly', fromPeriod: '2026-10' }],
			2026,
			new Map(),
			'2026-11-02'
		);
		expect(rows.map((r) => r.period)).toEqual(['2026-10', '2026-11']);
	});

	it('leap years: January is logged by 29 February', () => {
		const rows = measurementsOfYear(
			[{ ...quarterly, frequency: 'monthly' }],
			2028,
			new Map(),
			'2028-02-29'
		);
		expect(rows[1]).toMatchObject({ period: '2028-01', dueDate: '2028-02-29', status: 'due' });
	});
});

describe('meetings', () => {
	it('a meeting is held after its day, today on it, planned before', () => {
		expect(meetingStatus('2026-03-04', '2026-03-05')).toBe('signed');
		expect(meetingStatusLabel('2026-03-05', '2026-03-05')).toBe('I dag');
		expect(meetingStatus('2026-03-20', '2026-03-05')).toBe('due');
		expect(meetingStatus('2026-04-20', '2026-03-05')).toBe('future');
	});
});
