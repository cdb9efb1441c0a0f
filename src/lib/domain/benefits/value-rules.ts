/**
 * Which way a benefit's values may point, pure. A target says where the benefit is going from
 * its baseline: up when higher is better, down when lower is better (DOMAIN.md «Benefit
 * governance»: direction decides what «worse than plan» means). A target on the other side of
 * the baseline would make every month «in rute» that moves away from it, so it is refused with
 * the reason, rather than stored and judged backwards. Kroner and hours are amounts: neither a
 * target nor a month's forecast of a gain in them can be negative when higher is better, and a
 * target for a reduction cannot go below zero.
 */
import type { BenefitDirection } from './vocabulary';

const AMOUNT_UNITS: readonly string[] = ['kr', 'timer'];

/** Why this target cannot be saved for the benefit, in Norwegian; null when it can. */
export function targetProblem(input: {
	direction: BenefitDirection;
	unit: string | null;
	baselineValue: number;
	targetValue: number;
}): string | null {
	const { direction, unit, baselineValue: base, targetValue: target } = input;
	if (direction === 'higher' && target < base) {
		return (
			'Målet kan ikke være lavere enn nullpunktet når høyere verdi er bedre: da ville gevinsten ' +
			'se ut til å gå etter planen mens den går tilbake. Sett et mål over nullpunktet, eller ' +
			'endre gevinsten til «Lavere er bedre» hvis det er en reduksjon.'
		);
	}
	if (direction === 'lower' && target > base) {
		return (
			'Målet kan ikke være høyere enn nullpunktet når lavere verdi er bedre: da ville gevinsten ' +
			'se ut til å gå etter planen mens den blir verre. Sett et mål under nullpunktet, eller ' +
			'endre gevinsten til «Høyere er bedre» hvis det er en økning.'
		);
	}
	if (unit !== null && AMOUNT_UNITS.includes(unit) && target < 0) {
		return 'Målet kan ikke være negativt for en gevinst i kroner eller timer.';
	}
	return null;
}

/**
 * Why a month's forecast cannot be saved, or null. The forecast is what the month adds; for a
 * gain in kroner or hours where higher is better that is an amount gained, never negative.
 */
export function forecastProblem(input: {
	direction: BenefitDirection;
	unit: string | null;
	value: number;
}): string | null {
	const { direction, unit, value } = input;
	if (direction === 'higher' && unit !== null && AMOUNT_UNITS.includes(unit) && value < 0) {
		return (
			'Prognosen er det du venter at gevinsten øker med i måneden, og kan ikke være negativ i ' +
			'kroner eller timer. Venter du ingen gevinst den måneden, skriv 0.'
		);
	}
	return null;
}
