import { describe, expect, it } from 'vitest';
import { safeScale } from './export';

describe('safeScale', () => {
	it('keeps the asked scale for a small drawing', () => {
		expect(safeScale(1368, 336, 2)).toBe(2);
	});

	it('shrinks a tall map to fit Safari canvas limits', () => {
		const scale = safeScale(1600, 6437.5, 2);
		expect(scale).toBeLessThan(2);
		expect(1600 * scale * 6437.5 * scale).toBeLessThanOrEqual(16_000_001);
		expect(Math.max(1600, 40_000) * safeScale(1600, 40_000, 2)).toBeLessThanOrEqual(16_384);
	});
});
