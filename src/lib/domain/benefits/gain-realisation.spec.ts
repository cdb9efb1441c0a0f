import { describe, expect, it } from 'vitest';
import { lastCompleteMonth } from './gain-realisation';

describe('lastCompleteMonth', () => {
	it('is the month before the day’s, across a year end', () => {
		expect(lastCompleteMonth('2026-12-02')).toBe('2026-11');
		expect(lastCompleteMonth('2027-01-01')).toBe('2026-12');
		expect(lastCompleteMonth('2024-03-31')).toBe('2024-02');
	});
});
