/**
 * Gain arithmetic for priced benefits (seed 001, chapter 6 «Gevinstarbeid», page BRUKER).
 *
 * Money is whole kroner (integers) everywhere. Products are computed with BigInt and divided
 * once, so no binary-float error can leak into a sum: `0.1 + 0.2` style drift would make the
 * seed's family story miss its total by an øre and the audit trail disagree with the screen.
 */

/** Units a quantitative benefit is measured in. */
export type BenefitUnit = 'kr' | 'timer' | 'antall' | 'prosent';

/** A calendar month, `YYYY-MM`. */
export type Period = string;

export const DEFAULT_BEHIND_MARGIN_PERCENT = 20;

const PERIOD_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;

function assertSafeInteger(value: number, name: string): void {
	if (!Number.isSafeInteger(value)) throw new RangeError(`${name} må være et heltall`);
}

/**
 * Integer division rounded half away from zero: 0,5 kr → 1 kr and −0,5 kr → −1 kr. This is
 * the rule people use by hand («avrunding til nærmeste hele krone»), and unlike banker's
 * rounding it gives the same result as a calculator for a single line.
 */
export function divideRounded(numerator: bigint, denominator: bigint): bigint {
	if (denominator === 0n) throw new RangeError('Kan ikke dele på null');
	const negative = numerator < 0n !== denominator < 0n;
	const n = numerator < 0n ? -numerator : numerator;
	const d = denominator < 0n ? -denominator : denominator;
	const quotient = n / d;
	const rounded = (n % d) * 2n >= d ? quotient + 1n : quotient;
	return negative ? -rounded : rounded;
}

/** Rounds a number to a whole unit, half away from zero (`Math.round` rounds −0,5 up to 0). */
export function roundHalfAwayFromZero(value: number): number {
	const rounded = Math.sign(value) * Math.round(Math.abs(value));
	return rounded === 0 ? 0 : rounded;
}

function toSafeNumber(value: bigint): number {
	const result = Number(value);
	if (!Number.isSafeInteger(result)) throw new RangeError('Beløpet er for stort');
	return result;
}

/**
 * A share in percent with at most two decimals (12,25 %) as an exact integer of
 * hundredths of a percent.
 */
function percentToHundredths(sharePercent: number): bigint {
	if (!Number.isFinite(sharePercent) || sharePercent < 0 || sharePercent > 100) {
		throw new RangeError('Andelen må være mellom 0 og 100 prosent');
	}
	return BigInt(Math.round(sharePercent * 100));
}

export interface EstimateLine {
	description?: string;
	/** Whole kroner (or whole units for other units) per case. */
	amountPerCase: number;
	/** Number of cases (saker, familier, elever …), a whole number. */
	cases: number;
	/** Expected share realised, 0–100 with at most two decimals. */
	sharePercent: number;
}

/**
 * amountPerCase × cases × sharePercent / 100, rounded half away from zero to whole kroner.
 * Rounded per line (not only on the sum) because each line is shown with its own total and
 * the sum must equal what the reader adds up from the table.
 */
export function estimateLineTotal(line: EstimateLine): number {
	assertSafeInteger(line.amountPerCase, 'Beløp per tilfelle');
	assertSafeInteger(line.cases, 'Antall tilfeller');
	const numerator =
		BigInt(line.amountPerCase) * BigInt(line.cases) * percentToHundredths(line.sharePercent);
	return toSafeNumber(divideRounded(numerator, 10_000n));
}

/** Sum of the rounded line totals. */
export function estimateTotal(lines: readonly EstimateLine[]): number {
	let sum = 0n;
	for (const line of lines) sum += BigInt(estimateLineTotal(line));
	return toSafeNumber(sum);
}

/**
 * Hours × the mission's hourly rate (timesats, whole kroner per hour), rounded half away
 * from zero. Hours may carry two decimals (1,25 t = 1 t 15 min).
 */
export function hoursToKroner(hours: number, hourlyRateKroner: number): number {
	assertSafeInteger(hourlyRateKroner, 'Timesats');
	if (!Number.isFinite(hours)) throw new RangeError('Timer må være et tall');
	const hundredths = BigInt(Math.round(hours * 100));
	return toSafeNumber(divideRounded(hundredths * BigInt(hourlyRateKroner), 100n));
}

export interface EstimateSummary {
	lineTotals: number[];
	/** In the benefit's own unit. */
	total: number;
	/** Kroner equivalent: the total itself for kr, hours × timesats for timer, else null. */
	kroner: number | null;
}

/** Line totals, the sum, and the kroner figure shown beside hours. */
export function summariseEstimate(
	lines: readonly EstimateLine[],
	unit: BenefitUnit,
	hourlyRateKroner?: number
): EstimateSummary {
	const lineTotals = lines.map(estimateLineTotal);
	const total = estimateTotal(lines);
	let kroner: number | null = null;
	if (unit === 'kr') kroner = total;
	else if (unit === 'timer' && hourlyRateKroner !== undefined) {
		kroner = hoursToKroner(total, hourlyRateKroner);
	}
	return { lineTotals, total, kroner };
}

// ── Periods ────────────────────────────────────────────────────────────────────────────────

export function isPeriod(value: string): boolean {
	return PERIOD_PATTERN.test(value);
}

function periodIndex(period: Period): number {
	const match = PERIOD_PATTERN.exec(period);
	if (!match) throw new RangeError(`Ugyldig periode «${period}», bruk ÅÅÅÅ-MM`);
	return Number(match[1]) * 12 + Number(match[2]) - 1;
}

function periodFromIndex(index: number): Period {
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
	/** Gains are measured from here; default 0. */
	baseline?: number;
	/** True when the goal is to bring the value down (e.g. waiting time). */
	decreasing?: boolean;
	/** Admin-set margin in percent; default 20. */
	marginPercent?: number;
}

/**
 * Behind plan when the realised gain is below the planned gain by more than the margin:
 * realisedGain < plannedGain × (1 − margin/100). Computed in integers (× 100 on both
 * sides) so a value exactly on the margin is not behind.
 */
export function isBehindPlan(
	planned: number,
	realised: number,
	options: BehindPlanOptions = {}
): boolean {
	const margin = options.marginPercent ?? DEFAULT_BEHIND_MARGIN_PERCENT;
	if (margin < 0 || margin > 100) throw new RangeError('Marginen må være mellom 0 og 100');
	const baseline = options.baseline ?? 0;
	const sign = options.decreasing ? -1 : 1;
	const plannedGain = sign * (planned - baseline);
	const realisedGain = sign * (realised - baseline);
	return realisedGain * 100 < plannedGain * (100 - margin);
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

// ── Roll-ups ───────────────────────────────────────────────────────────────────────────────

export type BenefitLevel = 'bruker' | 'tjeneste' | 'system';
export type RollUpDimension = 'project' | 'track' | 'level' | 'mission';

/** One row per (benefit, project, track) link; a benefit may appear in many rows. */
export interface BenefitMembership {
	benefitId: string | number;
	projectId: string | number;
	trackId: string | number;
	level: BenefitLevel;
	missionId: string | number;
}

export interface BenefitFigures {
	benefitId: string | number;
	unit: BenefitUnit;
	estimate: number;
	planned: number;
	realised: number;
}

export interface UnitSums {
	estimate: number;
	planned: number;
	realised: number;
}

export interface RollUpRow {
	key: string;
	benefitCount: number;
	kroner: UnitSums;
	hours: UnitSums;
}

function keyOf(membership: BenefitMembership, by: RollUpDimension): string {
	switch (by) {
		case 'project':
			return String(membership.projectId);
		case 'track':
			return String(membership.trackId);
		case 'level':
			return membership.level;
		case 'mission':
			return String(membership.missionId);
	}
}

/**
 * Sums per project, track, level or mission. A benefit shared by two tracks counts once in
 * each track and once (not twice) in the mission: membership is deduplicated by benefit id
 * within each group. Only kr and timer are summed; antall and prosent are counted.
 */
export function rollUp(
	figures: readonly BenefitFigures[],
	memberships: readonly BenefitMembership[],
	by: RollUpDimension
): RollUpRow[] {
	const figuresById = new Map(figures.map((f) => [String(f.benefitId), f]));
	const groups = new Map<string, Set<string>>();
	for (const membership of memberships) {
		const key = keyOf(membership, by);
		let ids = groups.get(key);
		if (!ids) groups.set(key, (ids = new Set()));
		ids.add(String(membership.benefitId));
	}
	const rows: RollUpRow[] = [];
	for (const [key, ids] of groups) {
		const kroner: UnitSums = { estimate: 0, planned: 0, realised: 0 };
		const hours: UnitSums = { estimate: 0, planned: 0, realised: 0 };
		for (const id of ids) {
			const f = figuresById.get(id);
			if (!f) continue;
			const sums = f.unit === 'kr' ? kroner : f.unit === 'timer' ? hours : null;
			if (!sums) continue;
			sums.estimate += f.estimate;
			sums.planned += f.planned;
			sums.realised += f.realised;
		}
		rows.push({ key, benefitCount: ids.size, kroner, hours });
	}
	return rows.sort((a, b) => a.key.localeCompare(b.key, 'nb'));
}

/**
 * Adds the series of several benefits month by month, once per benefit id. Before its own
 * path starts a benefit contributes its first planned value, after it ends its last; the
 * realised total carries each benefit's last cumulative value forward (its baseline until it
 * logs anything) and is null for months after the last logged month of any benefit.
 */
export function combineSeries(
	seriesByBenefit: ReadonlyMap<string | number, readonly SeriesRow[]>
): SeriesRow[] {
	const unique = new Map<string, readonly SeriesRow[]>();
	for (const [id, rows] of seriesByBenefit) {
		if (!unique.has(String(id)) && rows.length) unique.set(String(id), rows);
	}
	if (!unique.size) return [];
	let min = Infinity;
	let max = -Infinity;
	for (const rows of unique.values()) {
		min = Math.min(min, periodIndex(rows[0]!.period));
		max = Math.max(max, periodIndex(rows[rows.length - 1]!.period));
	}
	const lastRealisedIndex = Math.max(
		...[...unique.values()].map((rows) => {
			const last = rows.findLast((r) => r.realised !== null);
			return last ? periodIndex(last.period) : -Infinity;
		})
	);
	const result: SeriesRow[] = [];
	for (let index = min; index <= max; index++) {
		let planned = 0;
		let realised = 0;
		let anyRealised = false;
		for (const rows of unique.values()) {
			const offset = index - periodIndex(rows[0]!.period);
			const clamped = Math.min(Math.max(offset, 0), rows.length - 1);
			planned += rows[clamped]!.planned;
			const upTo = rows.slice(0, Math.max(0, Math.min(offset + 1, rows.length)));
			const lastValue = upTo.findLast((r) => r.realised !== null)?.realised;
			if (lastValue !== undefined && lastValue !== null) {
				realised += lastValue;
				anyRealised = true;
			} else {
				// Nothing logged yet means the benefit still stands at its baseline.
				realised += rows[0]!.planned;
			}
		}
		result.push({
			period: periodFromIndex(index),
			planned,
			realised: anyRealised && index <= lastRealisedIndex ? realised : null
		});
	}
	return result;
}
