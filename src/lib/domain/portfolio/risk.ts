/**
 * Risk (ROS) rules: scales, score, severity bands, consequence areas, status and the 5×5 grid.
 * Pure: no I/O.
 *
 * Seed 004 («ROS-analyse 24.4.25», Tiltak 1) names risk areas, their consequences and
 * mitigations; scores follow the usual ROS formula risiko = sannsynlighet × konsekvens.
 */
import { SCALE, type ScaleValue, type Severity } from './vocabulary';

export function isScaleValue(value: number): value is ScaleValue {
	return Number.isInteger(value) && value >= 1 && value <= 5;
}

export function riskScore(likelihood: ScaleValue, consequence: ScaleValue): number {
	return likelihood * consequence;
}

/**
 * Bands over the product 1–25, the green/yellow/red acceptance criteria (risikoakseptkriterier)
 * common in Norwegian ROS work: green acceptable, yellow needs risk-reducing measures, red not
 * acceptable without them. DSB's guide for municipal ROS leaves the exact cut-offs to each
 * organisation, so they live here, in one place:
 *   lav 1–4, middels 5–12, høy 13–25 (in practice 15–25: no product of two 1–5 values is
 *   13 or 14).
 * With these, every cell with consequence 5 and likelihood ≥ 3, or both ≥ 4, is high.
 */
export const SEVERITY_BANDS: readonly { severity: Severity; min: number; max: number }[] = [
	{ severity: 'low', min: 1, max: 4 },
	{ severity: 'medium', min: 5, max: 12 },
	{ severity: 'high', min: 13, max: 25 }
];

export function severityFor(score: number): Severity {
	if (score <= 4) return 'low';
	if (score <= 12) return 'medium';
	return 'high';
}

export interface RiskLike {
	likelihood: ScaleValue;
	consequence: ScaleValue;
}

/** Key of a matrix cell, `likelihood:consequence`. */
export type CellKey = `${ScaleValue}:${ScaleValue}`;

export function cellKey(likelihood: ScaleValue, consequence: ScaleValue): CellKey {
	return `${likelihood}:${consequence}`;
}

/**
 * Groups risks into the 25 cells; every cell is present (empty ones too) so a matrix can be
 * drawn from the result without further checks. Input order is kept within a cell.
 */
export function groupByCell<T extends RiskLike>(risks: readonly T[]): Map<CellKey, T[]> {
	const cells = new Map<CellKey, T[]>();
	for (const l of SCALE) for (const c of SCALE) cells.set(cellKey(l, c), []);
	for (const risk of risks) cells.get(cellKey(risk.likelihood, risk.consequence))?.push(risk);
	return cells;
}

/** Highest score first, then the most likely; the order risks are listed in tables. */
export function compareRisks(a: RiskLike, b: RiskLike): number {
	return (
		riskScore(b.likelihood, b.consequence) - riskScore(a.likelihood, a.consequence) ||
		b.likelihood - a.likelihood
	);
}
