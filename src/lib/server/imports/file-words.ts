/**
 * A file downloaded in nynorsk or English imports as one downloaded in bokmål: the downloads
 * write their sheet names, headers and fixed words («Vedtatt», «Kvantitativ», «Sum») in the
 * reader's language, and the import's matcher knows them in bokmål (domain/imports/*). Here
 * each word of every language is read back as its bokmål one, from the same messages the
 * downloads write, so the two cannot drift apart. Only for matching: the mapping step still
 * shows the file's own headers, and a title is never translated.
 */
import { locales } from '$lib/i18n';
import { m } from '$lib/paraglide/messages';
import { normaliseHeader, type RememberedMapping } from '$lib/domain/imports/mapping';
import { LIFECYCLE_STATUSES } from '$lib/domain/portfolio/vocabulary';
import {
	ASSESSMENTS,
	BENEFICIARIES,
	BENEFIT_DIRECTIONS,
	BENEFIT_LEVELS,
	BENEFIT_UNITS,
	TAKEOUT_METHODS
} from '$lib/domain/benefits/vocabulary';
import { lifecycleLabel } from '$lib/labels';
import {
	assessmentLabel,
	beneficiaryLabel,
	benefitLevelLabel,
	directionLabel,
	takeoutLabel,
	unitLabel
} from '$lib/labels-benefits';
import { withLocale } from '../i18n';
import { REGISTER_HEADER_TEXT, REGISTER_SHEET_TEXT } from '../benefits/views/register-headers';
import { PORTFOLIO_COLUMN_TEXT, PORTFOLIO_SHEET_TEXT } from '../portfolio/views/export-headers';
import type { StagedSheet } from './read';

type Text = () => string;

/** The downloads' sheet names (importable ones). */
export const SHEET_WORDS: readonly Text[] = [
	...Object.values(PORTFOLIO_SHEET_TEXT),
	...Object.values(REGISTER_SHEET_TEXT)
];

/**
 * The import's own field names that no download writes (the wheel's columns, seed 004's
 * «Ansvar», «Lagres»), so a file headed in nynorsk or English («Oppgåve», «Task») maps itself
 * as one headed in bokmål.
 */
const FIELD_WORDS: readonly Text[] = [
	m.import_field_task,
	m.import_field_responsible,
	m.import_field_stored_in,
	m.import_field_schedule,
	m.import_field_due_day,
	m.import_field_reference,
	m.import_field_problem_statement,
	m.import_field_barriers,
	m.import_field_direction,
	m.import_field_baseline_method,
	m.import_field_narrative
];

/** The downloads' column headers (importable ones), and the import's own field names. */
export const HEADER_WORDS: readonly Text[] = [
	...Object.values(PORTFOLIO_COLUMN_TEXT),
	...Object.values(REGISTER_HEADER_TEXT),
	...FIELD_WORDS
];

/** The fixed words the downloads write in cells the import reads: statuses, levels, yes/no. */
export const VALUE_WORDS: readonly Text[] = [
	...LIFECYCLE_STATUSES.map((s) => () => lifecycleLabel(s)),
	...BENEFIT_LEVELS.map((l) => () => benefitLevelLabel(l)),
	...BENEFIT_UNITS.map((u) => () => unitLabel(u)),
	...TAKEOUT_METHODS.map((t) => () => takeoutLabel(t)),
	...BENEFICIARIES.map((b) => () => beneficiaryLabel(b)),
	...ASSESSMENTS.map((a) => () => assessmentLabel(a)),
	...BENEFIT_DIRECTIONS.map((d) => () => directionLabel(d)),
	m.export_kind_quantitative,
	m.export_kind_qualitative,
	m.export_disbenefit,
	m.export_yes,
	m.export_no,
	m.export_superseded
];

/**
 * Each word in every language (normalised as the matcher compares) → its bokmål text, and the
 * texts two different words share in some language (none may: a test checks).
 */
export function wordTable(
	words: readonly Text[],
	keyOf: (text: string) => string = normaliseHeader
): {
	table: Map<string, string>;
	clashes: string[];
} {
	const table = new Map<string, string>();
	const clashes: string[] = [];
	for (const word of words) {
		const bokmaal = withLocale('nb', word);
		for (const locale of locales) {
			const key = keyOf(withLocale(locale, word));
			const before = table.get(key);
			if (before !== undefined && before !== bokmaal) clashes.push(`${key}: ${before}, ${bokmaal}`);
			else table.set(key, bokmaal);
		}
	}
	return { table, clashes };
}

// Built on first use: the messages are read in each language once per process.
let tables: {
	sheets: Map<string, string>;
	headers: Map<string, string>;
	values: Map<string, string>;
};
function tablesOf() {
	tables ??= {
		sheets: wordTable(SHEET_WORDS).table,
		headers: wordTable(HEADER_WORDS).table,
		values: wordTable(VALUE_WORDS, valueKey).table
	};
	return tables;
}

/**
 * A cell's word compares as the matcher's own vocabularies do (domain/imports/benefits.ts,
 * `plain`): case and spaces aside, punctuation kept, so «Vedtatt?» stays unknown.
 */
export const valueKey = (text: string) =>
	text.trim().replace(/\s+/g, ' ').toLocaleLowerCase('nb-NO');

const inTable = (
	table: Map<string, string>,
	text: string,
	keyOf: (text: string) => string = normaliseHeader
) => table.get(keyOf(text)) ?? text;

/** The «Om uttrekket» sheet a download ends with, in any language: notes, not data. */
export function isAboutSheet(name: string): boolean {
	aboutNames ??= new Set(locales.map((l) => normaliseHeader(withLocale(l, m.export_about_sheet))));
	return aboutNames.has(normaliseHeader(name));
}
let aboutNames: Set<string> | undefined;

/** The file's sheets as the matcher reads them: their names and headers in bokmål. */
export function sheetsInBokmaal(sheets: readonly StagedSheet[]): StagedSheet[] {
	const { sheets: names, headers } = tablesOf();
	return sheets.map((sheet) => ({
		...sheet,
		name: inTable(names, sheet.name),
		headers: sheet.headers.map((h) => inTable(headers, h))
	}));
}

/** A sheet's headers as the matcher reads them, in bokmål (a one-sheet kind: the wheel's). */
export function headersInBokmaal(headers: readonly string[]): string[] {
	const { headers: table } = tablesOf();
	return headers.map((h) => inTable(table, h));
}

/** A remembered mapping's header names in bokmål, as sheetsInBokmaal gives the file's. */
export function rememberedInBokmaal(
	remembered: RememberedMapping | undefined
): RememberedMapping | undefined {
	if (!remembered) return remembered;
	const { headers } = tablesOf();
	return Object.fromEntries(
		Object.entries(remembered).map(([k, v]) => [k, v === null ? null : inTable(headers, v)])
	);
}

/** A vocabulary cell («Adopted», «Vedteke») as its bokmål label («Vedtatt»); other text as it is. */
export function valueInBokmaal(text: string): string {
	return inTable(tablesOf().values, text, valueKey);
}

/** The first cell of a download's sum row, in any language («Sum», «Total»). */
export function isSumWord(text: string): boolean {
	return locales.some((locale) => text.trim() === m.export_sum({}, { locale }));
}

/** What the downloads write in a sheet with no rows («Ingen gevinster i utvalget.»). */
const EMPTY_NOTES: readonly Text[] = [
	m.export_no_benefits,
	m.export_no_lines,
	m.export_no_realisations,
	m.export_no_mission,
	m.export_no_tracks,
	m.export_no_projects,
	m.export_no_measures
];

/** A download's «no rows» line, in any language. */
export function isEmptyNote(text: string): boolean {
	return EMPTY_NOTES.some((note) =>
		locales.some((locale) => text.trim() === withLocale(locale, note))
	);
}
