import { describe, expect, it } from 'vitest';
import {
	MATRIX_LINK,
	MATRIX_TEXT,
	SEVERITY_STYLES,
	riskMatrixSpec,
	type MatrixRisk
} from './risk-matrix';
import { contrastRatio } from './contrast';

// Seed 004, «ROS-analyse 24.4.25», Tiltak 1: the main risk areas (scores are examples).
const risks: MatrixRisk[] = [
	{
		id: 1,
		title: 'Forankring av tjenestebeskrivelsene og vedtak',
		href: '/r/1',
		likelihood: 4,
		consequence: 4,
		status: 'open'
	},
	{
		id: 2,
		title: 'Tid og prioritering',
		href: '/r/2',
		likelihood: 5,
		consequence: 3,
		status: 'mitigating'
	},
	{ id: 3, title: 'Lederforankring', href: '/r/3', likelihood: 3, consequence: 4, status: 'open' },
	{ id: 4, title: 'Roller og ansvar', href: '/r/4', likelihood: 3, consequence: 4 },
	{ id: 5, title: 'Samhandling', href: '/r/5', likelihood: 1, consequence: 2, status: 'closed' }
];

describe('riskMatrixSpec', () => {
	const spec = riskMatrixSpec(risks);

	it('lays out 5 × 5 cells with likelihood 5 on top and consequence 1 on the left', () => {
		expect(spec.rows).toHaveLength(5);
		expect(spec.rows.every((row) => row.length === 5)).toBe(true);
		const topLeft = spec.rows[0]?.[0];
		const bottomRight = spec.rows[4]?.[4];
		expect(topLeft).toMatchObject({ x: 1, y: 5, row: 1, column: 1, score: 5 });
		expect(bottomRight).toMatchObject({ x: 5, y: 1, row: 5, column: 5, score: 5 });
		expect(spec.rows[0]?.[4]).toMatchObject({ score: 25, severity: 'high', label: 'Høy 25' });
		expect(spec.yAxis.map((t) => t.value)).toEqual([5, 4, 3, 2, 1]);
		expect(spec.xAxis.map((t) => t.value)).toEqual([1, 2, 3, 4, 5]);
	});

	it('puts each risk in its cell and leaves closed risks out by default', () => {
		const cell = spec.rows[2]?.[3];
		expect(cell?.risks.map((r) => r.id)).toEqual([3, 4]);
		expect(cell?.description).toBe('Sannsynlighet 3, konsekvens 4: middels (12), 2 risikoer');
		expect(spec.total).toBe(4);
		expect(spec.hiddenClosed).toBe(1);
		expect(spec.bySeverity).toEqual({ low: 0, medium: 2, high: 2 });
		expect(riskMatrixSpec(risks, { includeClosed: true }).rows[4]?.[1]?.risks).toEqual([
			{ id: 5, title: 'Samhandling', href: '/r/5' }
		]);
	});

	it('gives a table alternative, highest score first', () => {
		expect(spec.table.map((r) => [r.title, r.score, r.severityLabel, r.statusLabel])).toEqual([
			['Forankring av tjenestebeskrivelsene og vedtak', 16, 'Høy', 'Åpen'],
			['Tid og prioritering', 15, 'Høy', 'Håndteres'],
			['Lederforankring', 12, 'Middels', 'Åpen'],
			['Roller og ansvar', 12, 'Middels', null]
		]);
		expect(spec.table[0]?.likelihood).toEqual({ value: 4, label: 'Sannsynlig' });
	});

	it('is stable for fixed data', () => {
		const grid = spec.rows.map((row) =>
			row
				.map((c) => `${c.label}${c.risks.length ? `(${c.risks.map((r) => r.id).join(',')})` : ''}`)
				.join(' | ')
		);
		expect(grid).toMatchInlineSnapshot(`
			[
			  "Middels 5 | Middels 10 | Høy 15(2) | Høy 20 | Høy 25",
			  "Lav 4 | Middels 8 | Middels 12 | Høy 16(1) | Høy 20",
			  "Lav 3 | Middels 6 | Middels 9 | Middels 12(3,4) | Høy 15",
			  "Lav 2 | Lav 4 | Middels 6 | Middels 8 | Middels 10",
			  "Lav 1 | Lav 2 | Lav 3 | Lav 4 | Middels 5",
			]
		`);
	});
});

describe('colours', () => {
	it('keeps text and links at ≥ 4.5:1 on every fill, and the stripe at ≥ 3:1', () => {
		for (const style of Object.values(SEVERITY_STYLES)) {
			expect(contrastRatio(MATRIX_TEXT, style.fill)).toBeGreaterThanOrEqual(4.5);
			expect(contrastRatio(MATRIX_LINK, style.fill)).toBeGreaterThanOrEqual(4.5);
			expect(contrastRatio(style.accent, style.fill)).toBeGreaterThanOrEqual(3);
		}
	});

	it('uses a different pattern per severity, so colour is not the only cue', () => {
		const patterns = Object.values(SEVERITY_STYLES).map((s) => s.pattern);
		expect(new Set(patterns).size).toBe(3);
	});

	it('computes WCAG contrast', () => {
		expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
		expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
	});
});
