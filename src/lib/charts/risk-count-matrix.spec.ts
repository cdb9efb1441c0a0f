import { describe, expect, it } from 'vitest';
import { riskCountMatrixSpec } from './risk-count-matrix';

describe('riskCountMatrixSpec', () => {
	const spec = riskCountMatrixSpec(
		[
			{ likelihood: 4, consequence: 3, n: 12 },
			{ likelihood: 5, consequence: 5, n: 1 },
			{ likelihood: 1, consequence: 1, n: 3 }
		],
		(l, c) => `?sannsynlighet=${l}&konsekvens=${c}`,
		{ likelihood: 4, consequence: 3 }
	);

	it('lays out 25 cells, likelihood 5 on top and consequence 1 on the left', () => {
		expect(spec.rows).toHaveLength(5);
		expect(spec.rows.every((row) => row.length === 5)).toBe(true);
		expect(spec.rows[0]?.[4]).toMatchObject({ likelihood: 5, consequence: 5, count: 1 });
		expect(spec.rows[0]?.[4]?.countLabel).toBe('1 risiko');
	});

	it('counts per cell and per severity, and links each cell to its list', () => {
		const cell = spec.rows[1]?.[2];
		expect(cell).toMatchObject({
			count: 12,
			countLabel: '12 risikoer',
			label: 'Middels 12',
			href: '?sannsynlighet=4&konsekvens=3',
			selected: true
		});
		expect(spec.total).toBe(16);
		expect(spec.bySeverity).toEqual({ low: 3, medium: 12, high: 1 });
		expect(spec.rows.flat().filter((c) => c.selected)).toHaveLength(1);
	});
});
