import { describe, expect, it } from 'vitest';
import { osloDayStartMs } from './oslo-day';

describe('osloDayStartMs', () => {
	it('starts a winter day at 23:00 UTC the evening before', () => {
		expect(new Date(osloDayStartMs('2026-02-01')).toISOString()).toBe('2026-01-31T23:00:00.000Z');
	});

	it('starts a summer day at 22:00 UTC the evening before', () => {
		expect(new Date(osloDayStartMs('2026-07-01')).toISOString()).toBe('2026-06-30T22:00:00.000Z');
	});

	it('adds days across the spring clock change', () => {
		expect(new Date(osloDayStartMs('2026-03-28', 2)).toISOString()).toBe(
			'2026-03-29T22:00:00.000Z'
		);
	});
});
