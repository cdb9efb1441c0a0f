/** Option lists for the benefit forms, in the reader's language (read when a form is drawn). */
import { MEASUREMENT_FREQUENCIES, type MeasurementFrequency } from '$lib/domain/control/vocabulary';
import {
	BENEFICIARIES,
	BENEFIT_DIRECTIONS,
	BENEFIT_LEVELS,
	BENEFIT_UNITS,
	TAKEOUT_METHODS
} from '$lib/domain/benefits/vocabulary';
import {
	beneficiaryLabel,
	benefitLevelLabel,
	directionLabel,
	takeoutLabel,
	unitLabel
} from '$lib/labels-benefits';
import { m } from '$lib/paraglide/messages';

export const levelOptions = () =>
	BENEFIT_LEVELS.map((v) => ({ value: v, label: benefitLevelLabel(v) }));
export const kindOptions = () => [
	{ value: 'kvantitativ', label: m.benefits_kind_quantitative_long() },
	{ value: 'kvalitativ', label: m.benefits_kind_qualitative_long() }
];
export const unitOptions = () => BENEFIT_UNITS.map((v) => ({ value: v, label: unitLabel(v) }));
export const beneficiaryOptions = () =>
	BENEFICIARIES.map((v) => ({ value: v, label: beneficiaryLabel(v) }));

const FREQUENCY: Record<MeasurementFrequency, () => string> = {
	monthly: m.benefits_frequency_monthly,
	quarterly: m.benefits_frequency_quarterly,
	tertial: m.benefits_frequency_tertial,
	half_year: m.benefits_frequency_half_year,
	yearly: m.benefits_frequency_yearly
};
export const measurementFrequencyOptions = () =>
	MEASUREMENT_FREQUENCIES.map((v) => ({ value: v, label: FREQUENCY[v]() }));
export const takeoutOptions = () =>
	TAKEOUT_METHODS.map((v) => ({ value: v, label: takeoutLabel(v) }));

export const directionOptions = () =>
	BENEFIT_DIRECTIONS.map((v) => ({ value: v, label: directionLabel(v) }));
