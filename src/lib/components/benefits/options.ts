/** Option lists for the benefit forms, in bokmål. */
import {
	BENEFICIARIES,
	BENEFIT_LEVELS,
	BENEFIT_UNITS,
	TAKEOUT_LABEL,
	TAKEOUT_METHODS
} from '$lib/schemas/benefits';
import { BENEFIT_LEVEL_LABEL } from '$lib/domain/benefit-levels';

export const BENEFICIARY_LABEL: Record<(typeof BENEFICIARIES)[number], string> = {
	helse: 'Helse',
	utdanning: 'Utdanning',
	kommunalt: 'Kommunalt',
	familie: 'Familie',
	stat: 'Stat',
	annet: 'Annet (skriv selv)'
};

export const UNIT_LABEL: Record<(typeof BENEFIT_UNITS)[number], string> = {
	kr: 'Kroner',
	timer: 'Timer',
	antall: 'Antall',
	prosent: 'Prosent'
};

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
export const takeoutOptions = TAKEOUT_METHODS.map((v) => ({ value: v, label: TAKEOUT_LABEL[v] }));
