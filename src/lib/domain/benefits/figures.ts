/**
 * Per-benefit figures for pages and roll-ups: the estimate, the planned path with
 * cumulative realised values, and whether the benefit is behind plan. Pure glue over
 * `gains.ts`; the database rows are mapped to these inputs by the caller.
 */
import {
	hoursToKroner,
	summariseEstimate,
	type EstimateLine,
	type EstimateSummary
} from './gain-estimates';
import { type BenefitDirection, type BenefitUnit } from './vocabulary';
import { toleranceOf } from './health';
import {
	benefitSeries,
	effectiveEntries,
	latestPlanStatus,
	type PlannedPoint,
	type PlanStatus,
	type RealisationEntry,
	type SeriesRow
} from './gain-realisation';
import { combineSeries, type BenefitFigures } from './gain-rollups';

export interface BenefitFacts {
	id: number;
	kind: 'kvantitativ' | 'kvalitativ';
	unit: BenefitUnit | null;
	baselineValue: number | null;
	baselineDate: string | null;
	targetValue: number | null;
	targetDate: string | null;
	lines: readonly EstimateLine[];
	/** Quantitative entries only (value not null). */
	realisations: readonly RealisationEntry[];
	given?: readonly PlannedPoint[];
	/** Judge «bak plan» by (benefits/health.ts); default higher is better. */
	direction?: BenefitDirection;
	/** The benefit's own tolerance; null or left out: the mission's margin. */
	tolerancePercent?: number | null;
}

export interface GainSettings {
	hourlyRateKroner: number | null;
	/** The mission's «bak plan» margin: the tolerance of a benefit without its own. */
	marginPercent: number;
}

export interface BenefitResult {
	id: number;
	estimate: EstimateSummary | null;
	series: SeriesRow[];
	status: PlanStatus | null;
	/** True when the target is below the baseline (e.g. waiting time down). */
	decreasing: boolean;
}

export function hasPlan(b: BenefitFacts): boolean {
	return (
		b.kind === 'kvantitativ' &&
		b.unit !== null &&
		b.baselineValue !== null &&
		b.baselineDate !== null &&
		b.targetValue !== null &&
		b.targetDate !== null &&
		b.targetDate >= b.baselineDate
	);
}

export function benefitResult(b: BenefitFacts, settings: GainSettings): BenefitResult {
	const estimate =
		b.kind === 'kvantitativ' && b.unit
			? summariseEstimate(b.lines, b.unit, settings.hourlyRateKroner ?? undefined)
			: null;
	if (!hasPlan(b)) return { id: b.id, estimate, series: [], status: null, decreasing: false };
	const decreasing = b.targetValue! < b.baselineValue!;
	const series = benefitSeries(
		{
			baseline: { date: b.baselineDate!, value: b.baselineValue! },
			target: { date: b.targetDate!, value: b.targetValue! },
			given: b.given
		},
		b.realisations
	);
	const status = latestPlanStatus(series, {
		direction: b.direction ?? 'higher',
		tolerancePercent: toleranceOf(b.tolerancePercent, settings.marginPercent)
	});
	return { id: b.id, estimate, series, status, decreasing };
}

/** The figures `rollUp` sums: estimate, and planned/realised gain at the latest logged month. */
export function figuresFor(b: BenefitFacts, r: BenefitResult): BenefitFigures | null {
	if (b.kind !== 'kvantitativ' || !b.unit) return null;
	const baseline = b.baselineValue ?? 0;
	return {
		benefitId: b.id,
		unit: b.unit,
		estimate: r.estimate?.total ?? 0,
		planned: r.status ? r.status.planned - baseline : 0,
		realised: r.status ? r.status.realised - baseline : 0
	};
}

/**
 * Planned and realised in kroner, month by month, for several benefits: kr as is, hours at
 * the timesats, other units left out. Each benefit id counts once (see `combineSeries`).
 */
export function combinedKronerSeries(
	results: readonly { facts: BenefitFacts; result: BenefitResult }[],
	hourlyRateKroner: number | null
): SeriesRow[] {
	const byId = new Map<number, SeriesRow[]>();
	for (const { facts, result } of results) {
		if (!result.series.length) continue;
		if (facts.unit === 'kr') byId.set(facts.id, result.series);
		else if (facts.unit === 'timer' && hourlyRateKroner !== null) {
			const toKr = (v: number) => hoursToKroner(v, hourlyRateKroner);
			byId.set(
				facts.id,
				result.series.map((row) => ({
					period: row.period,
					planned: toKr(row.planned),
					realised: row.realised === null ? null : toKr(row.realised)
				}))
			);
		}
	}
	return combineSeries(byId);
}

/** Count of effective entries: what the realisation log shows as «gjeldende». */
export function effectiveCount(entries: readonly RealisationEntry[]): number {
	return effectiveEntries(entries).length;
}

/** One row of a sums table: kroner and hours side by side. */
export interface SumRow {
	key: string;
	label: string;
	benefitCount: number;
	kroner: { estimate: number; planned: number; realised: number };
	hours: { estimate: number; planned: number; realised: number };
	/** Hours at the mission's timesats; null when no timesats is set. */
	hoursInKroner: { estimate: number; planned: number; realised: number } | null;
}
