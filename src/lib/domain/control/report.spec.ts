import { describe, expect, it } from 'vitest';
import { parseReportPeriod, parseReportScope, reportPeriod, reportScope } from './report';

describe('the report period', () => {
	it('is a year or one of its tertials, leap years included', () => {
		expect(reportPeriod(2028, 0)).toMatchObject({ from: '2028-01-01', to: '2028-12-31' });
		expect(reportPeriod(2028, 1)).toMatchObject({
			from: '2028-01-01',
			to: '2028-04-30',
			months: [1, 2, 3, 4]
		});
		expect(reportPeriod(2026, 2)).toMatchObject({ from: '2026-05-01', to: '2026-08-31' });
		expect(reportPeriod(2026, 3).months).toEqual([9, 10, 11, 12]);
	});

	it('is read from the address, this year by default, and refuses what it cannot read', () => {
		expect(parseReportPeriod(null, null, 2026)).toMatchObject({ ok: true, period: { year: 2026 } });
		expect(parseReportPeriod('2025', '3', 2026)).toMatchObject({
			ok: true,
			period: { year: 2025, tertial: 3 }
		});
		const bad: [string, string | null][] = [
			['26', null],
			['abcd', null],
			['1999', null],
			['2026', '4'],
			['2026', 'x']
		];
		for (const [ar, t] of bad) {
			expect(parseReportPeriod(ar, t, 2026), `${ar} ${t}`).toMatchObject({
				ok: false,
				message: expect.stringMatching(/^Ugyldig/)
			});
		}
	});

	it('names a frozen report so the year picker finds it again', () => {
		expect(parseReportScope(reportScope(2026, 2, 7))).toEqual({
			year: 2026,
			tertial: 2,
			unitId: 7
		});
		expect(parseReportScope(reportScope(2026, 0, null))).toEqual({
			year: 2026,
			tertial: 0,
			unitId: null
		});
		expect(parseReportScope('project:12')).toBeNull();
	});
});
