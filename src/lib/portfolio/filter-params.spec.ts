import { describe, expect, it } from 'vitest';
import { filterValues, parseFilterParams, parseRankBy } from './filter-params';

describe('parseFilterParams', () => {
	it('reads every filter from the URL', () => {
		const f = parseFilterParams(
			new URLSearchParams('spor=3&status=in_progress&eier=2&enhet=5&minsnitt=3')
		);
		expect(f).toEqual({ trackId: 3, status: 'in_progress', ownerId: 2, unitId: 5, minScore: 3 });
		expect(filterValues(f)).toEqual({
			spor: '3',
			status: 'in_progress',
			eier: '2',
			enhet: '5',
			minsnitt: '3'
		});
	});

	it('ignores malformed values instead of failing', () => {
		const f = parseFilterParams(new URLSearchParams('spor=abc&status=done&eier=0&minsnitt=9'));
		expect(f).toEqual({
			trackId: undefined,
			status: undefined,
			ownerId: undefined,
			unitId: undefined,
			minScore: undefined
		});
	});

	it('ranks by total unless a known key is asked for', () => {
		expect(parseRankBy(new URLSearchParams(''))).toBe('total');
		expect(parseRankBy(new URLSearchParams('rangering=benefit'))).toBe('benefit');
		expect(parseRankBy(new URLSearchParams('rangering=drop table'))).toBe('total');
	});
});
