/**
 * Benefit rows as the flat values their edit forms post, so a form can be filled from the
 * database: on first load, and with the newer values after a lost-update conflict.
 */
import type { FormValues } from '$lib/schemas/form';

const str = (v: string | number | null | undefined) =>
	v === null || v === undefined ? '' : String(v);

export function benefitValues(b: {
	title: string;
	description: string;
	level: string;
	kind: string;
	unit: string | null;
	beneficiary: string;
	beneficiaryOther: string;
	qualityDimensions: readonly string[];
	ownerId: number | null;
	indicator: string;
	measurement: string;
	measurementFrequency: string | null;
	takeout: string;
	validatorId?: number | null;
	direction?: string;
	tolerancePercent?: number;
	disbenefit?: boolean;
	version: number;
}): FormValues {
	return {
		title: b.title,
		description: b.description,
		level: b.level,
		kind: b.kind,
		unit: str(b.unit),
		beneficiary: b.beneficiary,
		beneficiaryOther: b.beneficiaryOther,
		qualityDimensions: [...b.qualityDimensions],
		ownerId: str(b.ownerId),
		indicator: b.indicator,
		measurement: b.measurement,
		measurementFrequency: str(b.measurementFrequency),
		takeout: b.takeout,
		validatorId: str(b.validatorId ?? null),
		direction: b.direction ?? 'higher',
		tolerancePercent: String(b.tolerancePercent ?? 10),
		disbenefit: b.disbenefit ? 'on' : '',
		version: String(b.version)
	};
}

/** «Nullpunkt og mål»: the same row as the benefit form, so the same version. */
export function planValues(b: {
	baselineValue: number | null;
	baselineDate: string | null;
	baselineMethod: string | null;
	targetValue: number | null;
	targetDate: string | null;
	version: number;
}): FormValues {
	return {
		baselineValue: str(b.baselineValue),
		baselineDate: str(b.baselineDate),
		baselineMethod: str(b.baselineMethod),
		targetValue: str(b.targetValue),
		targetDate: str(b.targetDate),
		version: String(b.version)
	};
}

/** An estimate line; the share is shown with a decimal comma, as it is typed. */
export function lineValues(l: {
	id: number;
	description: string;
	amountPerCase: number;
	cases: number;
	shareHundredths: number;
	version: number;
}): FormValues {
	return {
		lineId: String(l.id),
		description: l.description,
		amountPerCase: String(l.amountPerCase),
		cases: String(l.cases),
		sharePercent: String(l.shareHundredths / 100).replace('.', ','),
		version: String(l.version)
	};
}

export function changeValues(c: {
	id: number;
	title: string;
	description: string;
	version: number;
}): FormValues {
	return {
		changeId: String(c.id),
		title: c.title,
		description: c.description,
		version: String(c.version)
	};
}

/** The gain settings are columns of the mission row and carry its version. */
export function gainSettingsValues(m: {
	hourlyRateKroner: number | null;
	behindPlanMarginPercent: number;
	version: number;
}): FormValues {
	return {
		hourlyRate: str(m.hourlyRateKroner),
		behindMarginPercent: String(m.behindPlanMarginPercent),
		version: String(m.version)
	};
}
