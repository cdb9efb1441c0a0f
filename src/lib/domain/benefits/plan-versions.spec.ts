import { describe, expect, it } from 'vitest';
import {
	decisionRefusal,
	formatEstimateLines,
	parsePlanPath,
	pathOutside,
	sameLines,
	splitEstimateLines
} from './plan-versions';

describe('estimate lines as typed', () => {
	it('takes the last three fields as numbers, so a description may hold semicolons', () => {
		expect(splitEstimateLines('Porto; brev; 1 000; 12; 50 %\r\n\nPapir;5;2;100')).toEqual({
			ok: true,
			lines: [
				{
					line: 1,
					description: 'Porto; brev',
					amountPerCase: '1 000',
					cases: '12',
					sharePercent: '50'
				},
				{ line: 3, description: 'Papir', amountPerCase: '5', cases: '2', sharePercent: '100' }
			]
		});
	});

	it('names the first line with too few fields', () => {
		expect(splitEstimateLines('Porto; 1; 2; 3\nPapir; 5; 2')).toEqual({ ok: false, line: 2 });
	});

	it('shows lines the way it reads them, decimal comma included', () => {
		const lines = [{ description: 'Porto', amountPerCase: 1_000, cases: 12, sharePercent: 12.5 }];
		expect(formatEstimateLines(lines)).toBe('Porto; 1000; 12; 12,5');
		expect(sameLines(lines, [{ ...lines[0]! }])).toBe(true);
		expect(sameLines(lines, [{ ...lines[0]!, cases: 13 }])).toBe(false);
	});
});

describe('the planned path as typed', () => {
	it('reads one month a line, with group spaces, sorted', () => {
		expect(parsePlanPath('2027-03: 1 500\n\n2027-01 = 250000')).toEqual({
			ok: true,
			plan: [
				{ period: '2027-01', value: 250_000 },
				{ period: '2027-03', value: 1_500 }
			]
		});
	});

	it('names the line that is wrong, or a month given twice', () => {
		expect(parsePlanPath('2027-01: 1\nmars: 2')).toEqual({ ok: false, line: 2 });
		expect(parsePlanPath('2027-01: 1\n2027-01: 2')).toEqual({ ok: false, line: 2 });
		expect(parsePlanPath('2027-13: 1')).toEqual({ ok: false, line: 1 });
	});

	it('finds a month outside baseline..target', () => {
		const plan = [{ period: '2028-01', value: 1 }];
		expect(pathOutside(plan, '2026-01-01', '2027-12-31')).toBe('2028-01');
		expect(pathOutside(plan, '2026-01-01', '2028-01-31')).toBeNull();
	});
});

describe('deciding a request', () => {
	const waiting = { status: 'requested', requestedById: 7, basedOnId: 1 };
	it('refuses the requester approving their own, but lets them withdraw by rejecting', () => {
		expect(decisionRefusal(waiting, 1, 7, 'approve')).toBe('own_request');
		expect(decisionRefusal(waiting, 1, 7, 'reject')).toBeNull();
	});
	it('refuses approving against a replaced version, and deciding twice', () => {
		expect(decisionRefusal(waiting, 2, 8, 'approve')).toBe('stale');
		expect(decisionRefusal(waiting, 2, 8, 'reject')).toBeNull();
		expect(decisionRefusal({ ...waiting, status: 'approved' }, 1, 8, 'approve')).toBe(
			'not_waiting'
		);
		expect(decisionRefusal(waiting, 1, 8, 'approve')).toBeNull();
	});
});
