/**
 * Gains net of dis-benefits (DOMAIN.md, «Benefit governance»: dis-benefits are negative
 * effects, mapped and tracked like benefits). A dis-benefit's values are logged as positive
 * amounts of harm (200 000 kr of extra cost), so its sums are kept apart from the gains and
 * count against them: net = gross − dis-benefits. The sums themselves come from SQL
 * (db/queries/gain-views.ts); this module only combines a group's sums.
 */

/** Estimate, planned to date and realised to date, in one unit. */
export interface GainAmounts {
	estimate: number;
	planned: number;
	realised: number;
}

/** A group's gains, its dis-benefits and what is left. */
export interface NetAmounts {
	gross: GainAmounts;
	disbenefits: GainAmounts;
	net: GainAmounts;
}

export const NO_AMOUNTS: GainAmounts = { estimate: 0, planned: 0, realised: 0 };

const each = (a: GainAmounts, b: GainAmounts, f: (x: number, y: number) => number) => ({
	estimate: f(a.estimate, b.estimate),
	planned: f(a.planned, b.planned),
	realised: f(a.realised, b.realised)
});

/** Gross gains, dis-benefits and net (gross − dis-benefits; negative when harm outweighs gain). */
export function netAmounts(gross: GainAmounts, disbenefits: GainAmounts): NetAmounts {
	return { gross, disbenefits, net: each(gross, disbenefits, (g, d) => g - d) };
}

/** Hours at the timesats, whole kroner (hours × rate, both integers). */
export function hoursAsKroner(hours: NetAmounts, rate: number): NetAmounts {
	const kr = (a: GainAmounts) => each(a, a, (h) => h * rate);
	return { gross: kr(hours.gross), disbenefits: kr(hours.disbenefits), net: kr(hours.net) };
}

/** Kroner and hours in kroner added: what a chart in kroner shows; hours left out without a rate. */
export function kronerWithHours(
	kroner: NetAmounts,
	hours: NetAmounts,
	rate: number | null
): NetAmounts {
	if (rate === null) return kroner;
	const h = hoursAsKroner(hours, rate);
	const add = (a: GainAmounts, b: GainAmounts) => each(a, b, (x, y) => x + y);
	return netAmounts(add(kroner.gross, h.gross), add(kroner.disbenefits, h.disbenefits));
}

/** A row of a sums table: a group's counts and its net amounts in kroner and hours. */
export interface NetSumRow {
	key: string;
	label: string;
	benefitCount: number;
	disbenefitCount: number;
	kroner: NetAmounts;
	hours: NetAmounts;
	/** Hours at the mission's timesats; null when no timesats is set. */
	hoursInKroner: NetAmounts | null;
}

/** The sums of a group as SQL gives them: gains and dis-benefits per unit (gain-views.ts). */
export interface GroupSums {
	benefits: number;
	disbenefits: number;
	krEstimate: number;
	krPlanned: number;
	krRealised: number;
	hEstimate: number;
	hPlanned: number;
	hRealised: number;
	krDisEstimate: number;
	krDisPlanned: number;
	krDisRealised: number;
	hDisEstimate: number;
	hDisPlanned: number;
	hDisRealised: number;
}

export const NO_SUMS: GroupSums = {
	benefits: 0,
	disbenefits: 0,
	krEstimate: 0,
	krPlanned: 0,
	krRealised: 0,
	hEstimate: 0,
	hPlanned: 0,
	hRealised: 0,
	krDisEstimate: 0,
	krDisPlanned: 0,
	krDisRealised: 0,
	hDisEstimate: 0,
	hDisPlanned: 0,
	hDisRealised: 0
};

/** A group's sums as a table row: gross, dis-benefits and net per unit. */
export function netSumRow(
	row: GroupSums,
	key: string,
	label: string,
	rate: number | null
): NetSumRow {
	const hours = netAmounts(
		{ estimate: row.hEstimate, planned: row.hPlanned, realised: row.hRealised },
		{ estimate: row.hDisEstimate, planned: row.hDisPlanned, realised: row.hDisRealised }
	);
	return {
		key,
		label,
		benefitCount: row.benefits,
		disbenefitCount: row.disbenefits,
		kroner: netAmounts(
			{ estimate: row.krEstimate, planned: row.krPlanned, realised: row.krRealised },
			{ estimate: row.krDisEstimate, planned: row.krDisPlanned, realised: row.krDisRealised }
		),
		hours,
		hoursInKroner: rate === null ? null : hoursAsKroner(hours, rate)
	};
}
