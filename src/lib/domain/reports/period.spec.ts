import { describe, expect, it } from 'vitest';
import { tertialToDate } from './period';

describe('tertialToDate', () => {
	it('starts at the tertial the day falls in', () => {
		expect(tertialToDate('2026-01-01')).toEqual({ from: '2026-01-01', to: '2026-01-01' });
		expect(tertialToDate('2026-04-30')).toEqual({ from: '2026-01-01', to: '2026-04-30' });
		expect(tertialToDate('2026-05-01')).toEqual({ from: '2026-05-01', to: '2026-05-01' });
		expect(tertialToDate('2026-08-31')).toEqual({ from: '2026-05-01', to: '2026-08-31' });
		expect(tertialToDate('2026-09-01')).toEqual({ from: '2026-09-01', to: '2026-09-01' });
		expect(tertialToDate('2026-12-31')).toEqual({ from: '2026-09-01', to: '2026-12-31' });
	});
});
