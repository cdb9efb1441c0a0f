/**
 * The benefits register's fixed column headers (register.ts) and the notes on its sums: kept
 * apart so the workbook's assembly stays readable.
 */
import type { NetSumRow } from '$lib/domain/benefits/net';
import { countOf } from '$lib/format';

/** The register's sheets, headers fixed (the import's contract). */
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
		'Opprinnelig mål'
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

/** The scope's sums from SQL (every benefit, not only the rows within the cap), net. */
export function netNotes(row: NetSumRow): string[] {
	const kr = (n: number) => `${n.toLocaleString('nb-NO')} kr`;
	const h = (n: number) => `${n.toLocaleString('nb-NO')} timer`;
	const line = (what: string, f: (n: number) => string, a: NetSumRow['kroner']) =>
		`${what}, estimat: brutto ${f(a.gross.estimate)}, ulemper ${f(a.disbenefits.estimate)}, netto ${f(a.net.estimate)}; realisert hittil: brutto ${f(a.gross.realised)}, ulemper ${f(a.disbenefits.realised)}, netto ${f(a.net.realised)}.`;
	return [
		`Utvalget har ${countOf(row.benefitCount, 'gevinst', 'gevinster')} og ${countOf(row.disbenefitCount, 'ulempe', 'ulemper')}. Ulemper trekkes fra gevinstene: netto = brutto − ulemper.`,
		line('Kroner', kr, row.kroner),
		line('Timer', h, row.hours)
	];
}
