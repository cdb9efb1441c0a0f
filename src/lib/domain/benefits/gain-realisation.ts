/**
 * Planned path, realisations and the behind-plan rule for a benefit, by month (seed 001,
 * chapter 6 «Gevinstarbeid»). Whole units throughout, like the estimates in gain-estimates.ts.
 */
import { assertSafeInteger, divideRounded, toSafeNumber } from './gain-estimates';
import { isBehind } from './health';
import type { BenefitDirection } from './vocabulary';

/** A calendar month, `YYYY-MM`. */
export type Period = string;

export const DEFAULT_BEHIND_MARGIN_PERCENT = 20;

const PERIOD_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;

// ── Periods ────────────────────────────────────────────────────────────────────────────────

export function isPeriod(value: string): boolean {
	return PERIOD_PATTERN.test(value);
}

export function periodIndex(period: Period): number {
	const match = PERIOD_PATTERN.exec(period);
	if (!match) throw new RangeError(`Ugyldig periode «${period}», bruk ÅÅÅÅ-MM`);
	return Number(match[1]) * 12 + Number(match[2]) - 1;
}

export function periodFromIndex(index: number): Period {
	const year = Math.floor(index / 12);
	const month = (index % 12) + 1;
	return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

/** `2026-03-15` → `2026-03`; a period passes through. */
export function periodOf(date: string): Period {
	const period = date.slice(0, 7);
	periodIndex(period);
	return period;
}

/** Every month from `from` to `to`, both included. */
/**
 * The month a value is usually logged for: the one before `today`'s (a month is measured when
 * it has ended). `today` is a day `YYYY-MM-DD`, in Oslo time from the caller.
 */
export function lastCompleteMonth(today: string): Period {
	return periodFromIndex(periodIndex(today.slice(0, 7)) - 1);
}

export function periodRange(from: Period, to: Period): Period[] {
	const start = periodIndex(from);
	const end = periodIndex(to);
	const periods: Period[] = [];
	for (let i = start; i <= end; i++) periods.push(periodFromIndex(i));
	return periods;
}

export function comparePeriods(a: Period, b: Period): number {
	return periodIndex(a) - periodIndex(b);
}

/**
 * A planned value belongs to a month from the baseline's to the target's, both included; with
 * no baseline or target there is no plan to put it in. Null when the month fits.
 */
export function plannedPeriodProblem(
	period: Period,
	plan: { baselineDate: string | null; targetDate: string | null }
): 'no_plan' | 'outside_plan' | null {
	if (!plan.baselineDate || !plan.targetDate) return 'no_plan';
	const inside = period >= plan.baselineDate.slice(0, 7) && period <= plan.targetDate.slice(0, 7);
	return inside ? null : 'outside_plan';
}

// ── Planned path ───────────────────────────────────────────────────────────────────────────

export interface Milestone {
	/** A day `YYYY-MM-DD` or a month `YYYY-MM`; only the month is used. */
	date: string;
	/** Whole units (kroner, hours …). */
	value: number;
}

export interface PlannedPoint {
	period: Period;
	planned: number;
}

/**
 * The planned value per month from the baseline (nullpunkt) to the target. Linear by
 * default; `given` values per period are fixed points and the months between them are
 * interpolated linearly, so a plan «given per period» for every month is returned as is.
 * Values are whole units, rounded half away from zero.
 */
export function plannedPath(
	baseline: Milestone,
	target: Milestone,
	given: readonly PlannedPoint[] = []
): PlannedPoint[] {
	assertSafeInteger(baseline.value, 'Nullpunkt');
	assertSafeInteger(target.value, 'Målverdi');
	const start = periodIndex(periodOf(baseline.date));
	const end = periodIndex(periodOf(target.date));
	if (end < start) throw new RangeError('Måldato kan ikke være før nullpunktet');

	const anchors = new Map<number, number>([
		[start, baseline.value],
		[end, target.value]
	]);
	for (const point of given) {
		assertSafeInteger(point.planned, 'Planlagt verdi');
		const index = periodIndex(point.period);
		if (index < start || index > end) continue;
		anchors.set(index, point.planned);
	}
	const anchorIndices = [...anchors.keys()].sort((a, b) => a - b);

	const path: PlannedPoint[] = [];
	for (let k = 0; k < anchorIndices.length; k++) {
		const from = anchorIndices[k]!;
		const to = anchorIndices[k + 1];
		const fromValue = anchors.get(from)!;
		if (to === undefined) {
			path.push({ period: periodFromIndex(from), planned: fromValue });
			break;
		}
		const toValue = anchors.get(to)!;
		const span = BigInt(to - from);
		for (let i = from; i < to; i++) {
			const step = divideRounded(BigInt(toValue - fromValue) * BigInt(i - from), span);
			path.push({ period: periodFromIndex(i), planned: fromValue + Number(step) });
		}
	}
	return path;
}

// ── Realisations ───────────────────────────────────────────────────────────────────────────

export interface RealisationEntry {
	id: string | number;
	period: Period;
	value: number;
	/** When it was logged; orders the history. */
	createdAt: number | Date;
	/** The entry this one corrects. A correction is a new entry, never an edit. */
	supersedesId?: string | number | null;
}

export interface RealisationHistoryEntry<E extends RealisationEntry> {
	entry: E;
	effective: boolean;
	supersededById: E['id'] | null;
}

function createdAtMillis(entry: RealisationEntry): number {
	return entry.createdAt instanceof Date ? entry.createdAt.getTime() : entry.createdAt;
}

function byCreatedAt(a: RealisationEntry, b: RealisationEntry): number {
	return createdAtMillis(a) - createdAtMillis(b) || String(a.id).localeCompare(String(b.id));
}

/**
 * Every entry, oldest first, marked effective or superseded. An entry is superseded as soon
 * as any later entry names it; a chain A ← B ← C leaves only C effective. Nothing is
 * dropped, so the history stays visible.
 */
export function realisationHistory<E extends RealisationEntry>(
	entries: readonly E[]
): RealisationHistoryEntry<E>[] {
	const supersededBy = new Map<string, E['id']>();
	for (const entry of [...entries].sort(byCreatedAt)) {
		if (entry.supersedesId === undefined || entry.supersedesId === null) continue;
		const key = String(entry.supersedesId);
		if (!supersededBy.has(key)) supersededBy.set(key, entry.id);
	}
	return [...entries].sort(byCreatedAt).map((entry) => {
		const by = supersededBy.get(String(entry.id));
		return { entry, effective: by === undefined, supersededById: by ?? null };
	});
}

/** The entries that count: those no other entry supersedes. */
export function effectiveEntries<E extends RealisationEntry>(entries: readonly E[]): E[] {
	return realisationHistory(entries)
		.filter((h) => h.effective)
		.map((h) => h.entry);
}

export interface CumulativePoint {
	period: Period;
	realised: number;
}

/**
 * Running total of effective entries per month over `periods`. Several effective entries in
 * one month add up (e.g. two municipalities reporting the same month). Months after the
 * last logged one are left out, so a chart line stops where the data stops.
 */
export function cumulativeRealised(
	entries: readonly RealisationEntry[],
	periods: readonly Period[],
	start = 0
): CumulativePoint[] {
	const perPeriod = new Map<number, bigint>();
	let last = -Infinity;
	for (const entry of effectiveEntries(entries)) {
		const index = periodIndex(entry.period);
		perPeriod.set(index, (perPeriod.get(index) ?? 0n) + BigInt(entry.value));
		last = Math.max(last, index);
	}
	const first = periods.length ? periodIndex(periods[0]!) : 0;
	// Entries logged before the first shown month still count towards the running total.
	let running = BigInt(start);
	for (const [index, value] of perPeriod) if (index < first) running += value;

	const points: CumulativePoint[] = [];
	for (const period of periods) {
		const index = periodIndex(period);
		if (index > last) break;
		running += perPeriod.get(index) ?? 0n;
		points.push({ period, realised: toSafeNumber(running) });
	}
	return points;
}

export interface SeriesRow {
	period: Period;
	planned: number;
	/** Null after the last logged month. */
	realised: number | null;
}

export interface BenefitPlan {
	baseline: Milestone;
	target: Milestone;
	given?: readonly PlannedPoint[];
}

/**
 * Planned and cumulative realised per month for one benefit. Realised starts from the
 * baseline value so both lines share an origin; entries are the gain logged for each month.
 */
export function benefitSeries(
	plan: BenefitPlan,
	entries: readonly RealisationEntry[]
): SeriesRow[] {
	const path = plannedPath(plan.baseline, plan.target, plan.given);
	const realised = cumulativeRealised(
		entries,
		path.map((p) => p.period),
		plan.baseline.value
	);
	return path.map((point, i) => ({
		period: point.period,
		planned: point.planned,
		realised: realised[i]?.realised ?? null
	}));
}

// ── Behind plan ────────────────────────────────────────────────────────────────────────────

export interface BehindPlanOptions {
	/** Which way is better; default higher. */
	direction?: BenefitDirection;
	/** The benefit's tolerance (`toleranceOf`: its own, or the mission's margin); default 20. */
	tolerancePercent?: number;
}

/**
 * Behind plan: the benefit's health says «bak plan» (benefits/health.ts, `isBehind`): the
 * realised value worse than the planned by more than the tolerance, in the benefit's
 * direction, in percent of the planned value; a value exactly on the tolerance is within it.
 */
export function isBehindPlan(
	planned: number,
	realised: number,
	options: BehindPlanOptions = {}
): boolean {
	return isBehind({
		direction: options.direction ?? 'higher',
		tolerancePercent: options.tolerancePercent ?? DEFAULT_BEHIND_MARGIN_PERCENT,
		planned,
		realised
	});
}

export interface PlanStatus {
	period: Period;
	planned: number;
	realised: number;
	behind: boolean;
}

/** Status at the last month with a realised value, or null when nothing is logged yet. */
export function latestPlanStatus(
	series: readonly SeriesRow[],
	options: BehindPlanOptions = {}
): PlanStatus | null {
	for (let i = series.length - 1; i >= 0; i--) {
		const row = series[i]!;
		if (row.realised === null) continue;
		return {
			period: row.period,
			planned: row.planned,
			realised: row.realised,
			behind: isBehindPlan(row.planned, row.realised, options)
		};
	}
	return null;
}
