import { describe, expect, it } from 'vitest';
import {
	findsDeviationsRepeatedly,
	isDeviationOverdue,
	repeatedFindingsFrom,
	riskHasNoControl
} from './deviations';

describe('deviation rules', () => {
	it('an open deviation is overdue only after its deadline day', () => {
		const open = { status: 'open' as const, deadline: '2026-03-10' };
		expect(isDeviationOverdue(open, '2026-03-10')).toBe(false);
		expect(isDeviationOverdue(open, '2026-03-11')).toBe(true);
		expect(isDeviationOverdue({ ...open, status: 'closed' }, '2026-04-01')).toBe(false);
		expect(isDeviationOverdue({ ...open, deadline: null }, '2026-04-01')).toBe(false);
	});

	it('looks twelve months back, this month included', () => {
		expect(repeatedFindingsFrom('2026-03-15')).toBe('2025-04');
		expect(repeatedFindingsFrom('2026-12-01')).toBe('2026-01');
		expect(repeatedFindingsFrom('2026-01-31')).toBe('2025-02');
	});

	it('flags a control with deviations in two or more periods', () => {
		expect(findsDeviationsRepeatedly(1)).toBe(false);
		expect(findsDeviationsRepeatedly(2)).toBe(true);
	});

	it('flags an open or mitigating risk with no control, not a closed one', () => {
		expect(riskHasNoControl({ status: 'open', controlCount: 0 })).toBe(true);
		expect(riskHasNoControl({ status: 'mitigating', controlCount: 0 })).toBe(true);
		expect(riskHasNoControl({ status: 'open', controlCount: 1 })).toBe(false);
		expect(riskHasNoControl({ status: 'closed', controlCount: 0 })).toBe(false);
	});
});
