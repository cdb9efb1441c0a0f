/**
 * A benefit's health (DOMAIN.md «Benefit governance»): on track, at risk or behind, judged
 * from the cumulative realised value and the forecast against the cumulative plan with the
 * benefit's tolerance, in the benefit's direction. Also the forecast roll-up across benefits.
 *
 * The rule, as said to the user:
 * - realised is worse than plan by more than the tolerance → behind;
 * - else, the forecast for the target month is worse than the plan by more than the
 *   tolerance → at risk;
 * - else → on track.
 * «Worse» is below plan when higher is better, above plan when lower is better. The deviation
 * is measured in percent of the plan value, in integers, so a value exactly on the tolerance is
 * within it.
 */
import type { BenefitDirection, BenefitHealth } from './vocabulary';
import { BENEFIT_HEALTH_LABEL } from './vocabulary';

export interface HealthInput {
	direction: BenefitDirection;
	/** 0–100. */
	tolerancePercent: number;
	/** Cumulative plan and realised at the last month with a realised value. */
	planned: number;
	realised: number;
	/** Cumulative plan at the target month, and what the forecast says it will be then. */
	plannedAtEnd?: number | null;
	forecastAtEnd?: number | null;
	/** How a value is written in the sentence (e.g. «1 200 000 kr»). */
	format: (value: number) => string;
}

export interface HealthJudgement {
	status: BenefitHealth;
	label: string;
	/** The rule in words, e.g. «Realisert 1 200 000 kr er 14 % under plan (1 400 000 kr); …». */
	sentence: string;
	/** What the sentence says, for a page that writes it in another language. */
	now: Deviation;
	/** The forecast at the target month against the plan then, when there is a forecast. */
	end: (Deviation & { forecast: number; planned: number }) | null;
}

export interface Deviation {
	/** Worse than plan by more than the tolerance. */
	outside: boolean;
	/** Whole percent away from plan, rounded; null when the plan is 0. */
	percent: number | null;
	side: 'over' | 'under' | 'på';
}

function deviation(
	planned: number,
	actual: number,
	direction: BenefitDirection,
	tolerancePercent: number
): Deviation {
	const diff = actual - planned;
	const side = diff > 0 ? 'over' : diff < 0 ? 'under' : 'på';
	const worse = direction === 'higher' ? diff < 0 : diff > 0;
	const base = Math.abs(planned);
	// |diff| / |plan| > tolerance / 100, in integers; with a plan of 0 any worse value is outside.
	const outside = worse && (base === 0 || Math.abs(diff) * 100 > tolerancePercent * base);
	const percent = base === 0 ? null : Math.round((Math.abs(diff) * 100) / base);
	return { outside, percent, side };
}

function phrase(d: Deviation, planned: string): string {
	if (d.side === 'på') return `er på plan (${planned})`;
	const amount = d.percent === null ? '' : `${d.percent} % `;
	return `er ${amount}${d.side} plan (${planned})`;
}

/**
 * The tolerance that judges a benefit: its own, or the mission's «bak plan» margin when it
 * has none. The one rule behind every «bak plan» (the benefit page, /gevinster, /styring, the
 * register and the reports); gain-lists.ts says the same in SQL (`coalesce`).
 */
export function toleranceOf(own: number | null | undefined, missionMargin: number): number {
	return own ?? missionMargin;
}

/**
 * Behind plan: the realised value is worse than the plan by more than the tolerance, in the
 * benefit's direction (`benefitHealth` says «bak plan» exactly then).
 */
export function isBehind(input: {
	direction: BenefitDirection;
	tolerancePercent: number;
	planned: number;
	realised: number;
}): boolean {
	const tol = input.tolerancePercent;
	if (!Number.isFinite(tol) || tol < 0 || tol > 100) {
		throw new RangeError('Toleransen må være mellom 0 og 100');
	}
	return deviation(input.planned, input.realised, input.direction, tol).outside;
}

/**
 * In the danger zone («I faresonen»): not behind plan now, but the forecast for the target month
 * is worse than the plan there by more than the tolerance, in the benefit's direction
 * (`benefitHealth` says «i faresonen» exactly then). No forecast: not at risk. gain-lists.ts says
 * the same in SQL (`AT_RISK`).
 */
export function isAtRisk(input: {
	direction: BenefitDirection;
	tolerancePercent: number;
	planned: number;
	realised: number;
	plannedAtEnd: number | null;
	forecastAtEnd: number | null;
}): boolean {
	if (isBehind(input)) return false;
	const { plannedAtEnd, forecastAtEnd } = input;
	if (plannedAtEnd == null || forecastAtEnd == null) return false;
	return deviation(plannedAtEnd, forecastAtEnd, input.direction, input.tolerancePercent).outside;
}

/** A listed benefit's status from the SQL flags (`BEHIND`, `AT_RISK`): one order everywhere. */
export function planStatusOf(row: {
	statusPeriod: string | null;
	behind: number | boolean;
	atRisk: number | boolean;
}): 'behind' | 'at_risk' | 'on_plan' | 'none' {
	if (row.statusPeriod === null) return 'none';
	return row.behind ? 'behind' : row.atRisk ? 'at_risk' : 'on_plan';
}

/** «I faresonen» in words, for lists and reports beside `behindRuleText`. */
export const AT_RISK_RULE_TEXT =
	'En gevinst er i faresonen når den ikke er bak plan nå, men prognosen for måldatoen er ' +
	'dårligere enn planlagt verdi da med mer enn toleransen, regnet på samme måte. ' +
	'Uten prognose regnes gevinsten ikke som i faresonen.';

/** The rule in words, for lists and reports that judge many benefits at once. */
export function behindRuleText(missionMargin: number): string {
	return (
		'En gevinst er bak plan når realisert verdi i siste målte måned er dårligere enn planlagt ' +
		'med mer enn gevinstens toleranse, regnet i prosent av planlagt verdi: under plan når ' +
		'høyere er bedre, over plan når lavere er bedre. ' +
		`En gevinst uten egen toleranse bruker marginen på ${missionMargin} %.`
	);
}

export function benefitHealth(input: HealthInput): HealthJudgement {
	const { direction, tolerancePercent: tol, format } = input;
	if (!Number.isFinite(tol) || tol < 0 || tol > 100) {
		throw new RangeError('Toleransen må være mellom 0 og 100');
	}
	const now = deviation(input.planned, input.realised, direction, tol);
	const head = `Realisert ${format(input.realised)} ${phrase(now, format(input.planned))}; toleransen er ${tol} %`;
	const judge = (
		status: BenefitHealth,
		sentence: string,
		end: HealthJudgement['end'] = null
	): HealthJudgement => ({
		status,
		label: BENEFIT_HEALTH_LABEL[status],
		sentence,
		now,
		end
	});
	if (now.outside) return judge('behind', `${head}, så gevinsten er bak plan.`);
	const { plannedAtEnd, forecastAtEnd } = input;
	if (plannedAtEnd != null && forecastAtEnd != null) {
		const end = deviation(plannedAtEnd, forecastAtEnd, direction, tol);
		const tail = `prognosen ved måldato, ${format(forecastAtEnd)}, ${phrase(end, format(plannedAtEnd))}`;
		const atEnd = { ...end, forecast: forecastAtEnd, planned: plannedAtEnd };
		if (end.outside) {
			return judge('at_risk', `${head}, men ${tail}, så gevinsten er i faresonen.`, atEnd);
		}
		return judge('on_track', `${head}, og ${tail}, så gevinsten er i rute.`, atEnd);
	}
	return judge('on_track', `${head}, så gevinsten er i rute.`);
}

export interface ForecastRow {
	period: string;
	/** Cumulative plan in this month. */
	planned: number;
	realised: number | null;
}

export interface ForecastMonth {
	period: string;
	/** What the month adds: the owner's forecast, or the plan's step when none is given. */
	step: number;
	/** Cumulative: the last realised value plus every step so far. */
	value: number;
	/** False: no forecast for this month, so the plan's step is carried. */
	forecast: boolean;
}

/**
 * The forecast month by month, from the month after the last realised one to the target
 * month (the last row). A month the owner gave no forecast for carries the plan's step for
 * that month — the plan is expected to hold where nobody has said otherwise — rather than
 * counting as 0, which would read as «nothing more will be realised». Empty when nothing is
 * realised yet or no month ahead has a forecast (then there is no forecast at all).
 */
export function forecastMonths(
	rows: readonly ForecastRow[],
	forecasts: readonly { period: string; value: number }[]
): ForecastMonth[] {
	const lastIndex = rows.findLastIndex((r) => r.realised !== null);
	if (lastIndex < 0) return [];
	const byPeriod = new Map(forecasts.map((f) => [f.period, f.value]));
	const ahead = rows.slice(lastIndex + 1);
	if (!ahead.some((r) => byPeriod.has(r.period))) return [];
	let value = rows[lastIndex]!.realised!;
	return ahead.map((r, i) => {
		const given = byPeriod.get(r.period);
		const step = given ?? r.planned - rows[lastIndex + i]!.planned;
		value += step;
		return { period: r.period, step, value, forecast: given !== undefined };
	});
}

/** The cumulative value the forecast gives at the target month, or null without a forecast. */
export function forecastAtEnd(
	rows: readonly ForecastRow[],
	forecasts: readonly { period: string; value: number }[]
): number | null {
	return forecastMonths(rows, forecasts).at(-1)?.value ?? null;
}

/**
 * The forecast per month summed across benefits, in month order: each benefit's steps as
 * `forecastMonths` gives them, so a month one benefit has no forecast for counts its plan's
 * step, not 0. A benefit without any forecast is left out.
 */
export function forecastRollup(
	benefits: readonly {
		rows: readonly ForecastRow[];
		forecasts: readonly { period: string; value: number }[];
	}[]
): { period: string; value: number }[] {
	const sums = new Map<string, number>();
	for (const b of benefits) {
		for (const m of forecastMonths(b.rows, b.forecasts)) {
			sums.set(m.period, (sums.get(m.period) ?? 0) + m.step);
		}
	}
	return [...sums]
		.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
		.map(([period, value]) => ({ period, value }));
}
