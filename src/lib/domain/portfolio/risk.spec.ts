import { describe, expect, it } from 'vitest';
import {
	SEVERITY_BANDS,
	cellKey,
	compareRisks,
	groupByCell,
	isScaleValue,
	riskScore,
	severityFor
} from './risk';
import {
	CONSEQUENCE_AREAS,
	CONSEQUENCE_AREA_LABEL as CONSEQUENCE_AREA_LABELS,
	SCALE,
	type ScaleValue
} from './vocabulary';

describe('risk score and severity', () => {
	it('multiplies likelihood by consequence', () => {
		expect(riskScore(1, 1)).toBe(1);
		expect(riskScore(3, 4)).toBe(12);
		expect(riskScore(5, 5)).toBe(25);
	});

	it('bands at 1–4 lav, 5–12 middels, 15–25 høy', () => {
		expect([1, 4, 5, 12, 15, 25].map(severityFor)).toEqual([
			'low',
			'low',
			'medium',
			'medium',
			'high',
			'high'
		]);
	});

	it('has bands that cover every possible product exactly once', () => {
		for (const l of SCALE) {
			for (const c of SCALE) {
				const score = riskScore(l, c);
				const bands = SEVERITY_BANDS.filter((b) => score >= b.min && score <= b.max);
				expect(bands.map((b) => b.severity)).toEqual([severityFor(score)]);
			}
		}
	});

	it('counts the cells per band: 8 lav, 11 middels, 6 høy', () => {
		const counts = { low: 0, medium: 0, high: 0 };
		for (const l of SCALE) for (const c of SCALE) counts[severityFor(riskScore(l, c))] += 1;
		expect(counts).toEqual({ low: 8, medium: 11, high: 6 });
	});

	it('recognises scale values', () => {
		expect([0, 1, 5, 6, 2.5].map(isScaleValue)).toEqual([false, true, true, false, false]);
	});
});

describe('consequence areas', () => {
	it('labels every area in bokmål', () => {
		expect(CONSEQUENCE_AREAS.map((a) => CONSEQUENCE_AREA_LABELS[a])).toContain('Tjenestekvalitet');
		expect(new Set(Object.values(CONSEQUENCE_AREA_LABELS)).size).toBe(CONSEQUENCE_AREAS.length);
	});
});

describe('grouping into cells', () => {
	const risk = (id: number, likelihood: ScaleValue, consequence: ScaleValue) => ({
		id,
		likelihood,
		consequence
	});

	it('returns all 25 cells and keeps input order inside a cell', () => {
		const cells = groupByCell([risk(1, 4, 3), risk(2, 1, 5), risk(3, 4, 3)]);
		expect(cells.size).toBe(25);
		expect(cells.get(cellKey(4, 3))?.map((r) => r.id)).toEqual([1, 3]);
		expect(cells.get(cellKey(1, 5))?.map((r) => r.id)).toEqual([2]);
		expect(cells.get(cellKey(5, 1))).toEqual([]);
	});

	it('orders by score, then likelihood', () => {
		const sorted = [risk(1, 2, 3), risk(2, 3, 2), risk(3, 5, 5), risk(4, 1, 1)].sort(compareRisks);
		expect(sorted.map((r) => r.id)).toEqual([3, 2, 1, 4]);
	});
});
