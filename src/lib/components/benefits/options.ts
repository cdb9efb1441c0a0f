/** Option lists for the benefit forms, in bokmål. */
import {
	MEASUREMENT_FREQUENCIES,
	MEASUREMENT_FREQUENCY_LABEL
} from '$lib/domain/control/vocabulary';
import {
	BENEFICIARIES,
	BENEFICIARY_LABEL,
	BENEFIT_DIRECTION_LABEL,
	BENEFIT_DIRECTIONS,
	BENEFIT_LEVEL_LABEL,
	BENEFIT_LEVELS,
	BENEFIT_UNITS,
	TAKEOUT_LABEL,
	TAKEOUT_METHODS,
	UNIT_LABEL
} from '$lib/domain/benefits/vocabulary';

export const levelOptions = BENEFIT_LEVELS.map((v) => ({
	value: v,
	label: BENEFIT_LEVEL_LABEL[v]
}));
export const kindOptions = [
	{ value: 'kvantitativ', label: 'Kvantitativ (kan måles i tall)' },
	{ value: 'kvalitativ', label: 'Kvalitativ (vurderes)' }
];
export const unitOptions = BENEFIT_UNITS.map((v) => ({ value: v, label: UNIT_LABEL[v] }));
export const beneficiaryOptions = BENEFICIARIES.map((v) => ({
	value: v,
	label: BENEFICIARY_LABEL[v]
}));
export const measurementFrequencyOptions = MEASUREMENT_FREQUENCIES.map((v) => ({
	value: v,
	label: MEASUREMENT_FREQUENCY_LABEL[v]
}));
export const takeoutOptions = TAKEOUT_METHODS.map((v) => ({ value: v, label: TAKEOUT_LABEL[v] }));

export const directionOptions = BENEFIT_DIRECTIONS.map((v) => ({
	value: v,
	label: BENEFIT_DIRECTION_LABEL[v]
}));
