/**
 * Gain arithmetic for priced benefits (seed 001, chapter 6 «Gevinstarbeid», page BRUKER).
 *
 * Money is whole kroner (integers) everywhere. Products are computed with BigInt and divided
 * once, so no binary-float error can leak into a sum: `0.1 + 0.2` style drift would make the
 * seed's family story miss its total by an øre and the audit trail disagree with the screen.
 */

import type { BenefitUnit } from './vocabulary';

export function assertSafeInteger(value: number, name: string): void {
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

export function toSafeNumber(value: bigint): number {
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

/**
 * Largest estimate a benefit may have, by unit, so that every figure and sum built from it
 * stays an exact integer: 10^12 kroner, and 10^7 hours, which at the highest timesats the
 * settings allow (100 000 kr) is again 10^12 kr.
 */
export const MAX_ESTIMATE: Record<BenefitUnit, number> = {
	kr: 1_000_000_000_000,
	timer: 10_000_000,
	antall: 1_000_000_000_000,
	prosent: 1_000_000_000_000
};

/** Whether the lines' total stays within MAX_ESTIMATE for the unit (and is computable at all). */
export function estimateFits(lines: readonly EstimateLine[], unit: BenefitUnit): boolean {
	try {
		return estimateTotal(lines) <= MAX_ESTIMATE[unit];
	} catch (e) {
		if (e instanceof RangeError) return false;
		throw e;
	}
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
