/**
 * The benefits register's fixed column headers (register.ts) and the notes on its sums: kept
 * apart so the workbook's assembly stays readable.
 */
import type { NetSumRow } from '$lib/domain/benefits/net';
import { countOf, formatNumber } from '$lib/format';
import { m } from '$lib/paraglide/messages';

/**
 * The register's sheets, headers fixed (the import's contract), named here in bokmål: a column
 * is found by these names, and written in the request's language (REGISTER_HEADER_TEXT).
 */
export const REGISTER_HEADERS = {
	benefits: [
		'Gevinst-ID',
		'Gevinst',
		'Prosjekt-ID',
		'Prosjekt',
		'Spor',
		'Nivå',
		'Type',
		'Enhet',
		'Gevinstansvarlig',
		'Indikator',
		'Måling',
		'Uttak',
		'Mottaker',
		'Nullpunkt',
		'Nullpunkt dato',
		'Målverdi',
		'Måldato',
		'Estimat (kr)',
		'Estimat (timer)',
		'Estimat (annen enhet)',
		'Siste måned',
		'Planlagt',
		'Realisert',
		'Status',
		// Dis-benefits (ulemper) count against the gains: their estimates stand here, not in the
		// gain columns, so each column's sum is gross or dis-benefits and «Om uttrekket» nets them.
		'Ulempe',
		'Ulempe estimat (kr)',
		'Ulempe estimat (timer)',
		// Gain minus dis-benefit per row (a dis-benefit's estimate negative): the column's sum is
		// the net the page and «Om uttrekket» state.
		'Netto estimat (kr)',
		'Netto estimat (timer)',
		// Governance (DOMAIN.md «Benefit governance»): when the plan was approved, the version in
		// force, and the target it was first approved with, so a changed target shows.
		'Plan godkjent',
		'Planversjon',
		'Opprinnelig mål',
		// What the benefit form holds and the import reads back (imports/benefits.ts), so a
		// downloaded benefit imports into an empty installation as it was: a reduction keeps
		// «Lavere er bedre», a baseline its method.
		'Beskrivelse',
		'Retning',
		'Metode for nullpunkt'
	],
	lines: [
		'Linje-ID',
		'Gevinst-ID',
		'Gevinst',
		'Enhet',
		'Beskrivelse',
		'Beløp per tilfelle',
		'Antall tilfeller',
		'Andel',
		'Sum linje'
	],
	realisations: [
		'Rad-ID',
		'Gevinst-ID',
		'Gevinst',
		'Enhet',
		'Måned',
		'Verdi',
		'Vurdering',
		'Kommentar',
		'Erstatter rad',
		'Registrert av',
		'Registrert',
		// A superseded row keeps its attestation: the log shows what was confirmed, then corrected.
		'Gjeldende',
		'Begrunnelse for korrigering',
		'Attestert av',
		'Attestert',
		'Validert av',
		'Validert'
	]
} as const;

type RegisterHeader = (typeof REGISTER_HEADERS)[keyof typeof REGISTER_HEADERS][number];

/** Each header in the request's language; the import reads it back in any (imports/file-words.ts). */
export const REGISTER_HEADER_TEXT: Record<RegisterHeader, () => string> = {
	'Gevinst-ID': m.export_col_benefit_id,
	Gevinst: m.export_col_benefit,
	'Prosjekt-ID': m.export_col_project_id,
	Prosjekt: m.export_col_project,
	Spor: m.export_col_tracks,
	Nivå: m.export_col_level,
	Type: m.export_col_kind,
	Enhet: m.export_col_unit,
	Gevinstansvarlig: m.export_col_benefit_owner,
	Indikator: m.export_col_indicator,
	Måling: m.export_col_measurement,
	Uttak: m.export_col_takeout,
	Mottaker: m.export_col_beneficiary,
	Nullpunkt: m.export_col_baseline,
	'Nullpunkt dato': m.export_col_baseline_date,
	Målverdi: m.export_col_target,
	Måldato: m.export_col_target_date,
	'Estimat (kr)': m.export_col_estimate_kr,
	'Estimat (timer)': m.export_col_estimate_hours,
	'Estimat (annen enhet)': m.export_col_estimate_other,
	'Siste måned': m.export_col_last_month,
	Planlagt: m.export_col_planned,
	Realisert: m.export_col_realised,
	Status: m.export_col_status,
	Ulempe: m.export_col_disbenefit,
	'Ulempe estimat (kr)': m.export_col_disbenefit_kr,
	'Ulempe estimat (timer)': m.export_col_disbenefit_hours,
	'Netto estimat (kr)': m.export_col_net_kr,
	'Netto estimat (timer)': m.export_col_net_hours,
	'Plan godkjent': m.export_col_plan_approved,
	Planversjon: m.export_col_plan_version,
	'Opprinnelig mål': m.export_col_original_target,
	Retning: m.export_col_direction,
	'Metode for nullpunkt': m.export_col_baseline_method,
	'Linje-ID': m.export_col_line_id,
	Beskrivelse: m.export_col_description,
	'Beløp per tilfelle': m.export_col_amount_per_case,
	'Antall tilfeller': m.export_col_cases,
	Andel: m.export_col_share,
	'Sum linje': m.export_col_line_sum,
	'Rad-ID': m.export_col_row_id,
	Måned: m.export_col_month,
	Verdi: m.export_col_value,
	Vurdering: m.export_col_assessment,
	Kommentar: m.export_col_comment,
	'Erstatter rad': m.export_col_supersedes,
	'Registrert av': m.export_col_logged_by,
	Registrert: m.export_col_logged,
	Gjeldende: m.export_col_current,
	'Begrunnelse for korrigering': m.export_col_correction_reason,
	'Attestert av': m.export_col_attested_by,
	Attestert: m.export_col_attested,
	'Validert av': m.export_col_validated_by,
	Validert: m.export_col_validated
};

/** The register's sheet names in the request's language. */
export const REGISTER_SHEET_TEXT = {
	benefits: m.export_sheet_benefits,
	lines: m.export_sheet_lines,
	realisations: m.export_sheet_realisations
} as const;

/** The scope's sums from SQL (every benefit, not only the rows within the cap), net. */
export function netNotes(row: NetSumRow): string[] {
	const kr = (n: number) => m.export_kroner_amount({ amount: formatNumber(n) });
	const h = (n: number) => m.export_hours_amount({ amount: formatNumber(n) });
	const line = (what: string, f: (n: number) => string, a: NetSumRow['kroner']) =>
		m.export_net_line({
			what,
			gross: f(a.gross.estimate),
			dis: f(a.disbenefits.estimate),
			net: f(a.net.estimate),
			grossRealised: f(a.gross.realised),
			disRealised: f(a.disbenefits.realised),
			netRealised: f(a.net.realised)
		});
	return [
		m.export_net_counts({
			benefits: countOf(row.benefitCount, m.count_benefit_one(), m.count_benefit_many()),
			disbenefits: countOf(row.disbenefitCount, m.count_disbenefit_one(), m.count_disbenefit_many())
		}),
		line(m.export_net_kroner(), kr, row.kroner),
		line(m.export_net_hours(), h, row.hours)
	];
}
