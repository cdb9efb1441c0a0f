/**
 * One description of a table for every output: the PDF report (reports/pdf.ts) and the
 * spreadsheet (exports/xlsx.ts) take the same columns and raw values, so a report and its
 * spreadsheet cannot disagree. Values stay raw here (numbers, ISO days); each output formats
 * them its own way: text in the request's language for the PDF, typed cells with a number format for Excel.
 */
import { formatDay, formatKroner, formatNumber, formatPercent } from '$lib/format';
import type { Locale } from '$lib/i18n';
import { getLocale } from '$lib/paraglide/runtime';

/**
 * How a column's values are read and shown.
 * - `text`: a string.
 * - `integer`, `number`: a number (nb-NO grouping; `number` keeps one decimal).
 * - `kroner`: whole kroner, «1 655 000 kr».
 * - `percent`: a share 0–1, «42,5 %» (Excel's convention for percentages).
 * - `date`: a calendar day `YYYY-MM-DD` or a Date, «31. januar 2026».
 * - `month`: a period `YYYY-MM`, «januar 2026».
 */
export type ColumnFormat = 'text' | 'integer' | 'number' | 'kroner' | 'percent' | 'date' | 'month';

export type CellValue = string | number | Date | null;

export interface TableColumn {
	header: string;
	format?: ColumnFormat;
	/** Relative width in the PDF (`*` shares what is left); the spreadsheet sizes by content. */
	width?: number | '*' | 'auto';
}

export interface TableSpec {
	/** Shown above the table in the PDF; the sheet name in a workbook if none is given. */
	caption: string;
	columns: TableColumn[];
	rows: CellValue[][];
	/** A sum row, bold, after the rows (e.g. «Sum» and the kroner total). */
	totals?: CellValue[];
	/**
	 * The totals are not the sum of the rows (rows that nest, a unit with the units under it;
	 * or a count that takes each thing once): a workbook writes them as values, not SUM().
	 */
	totalsNotSum?: boolean;
	/** Said instead of an empty table (steering issue: an empty selection says so). */
	empty?: string;
}

// Per language, built once: whole numbers and «januar 2026» in the request's language (nynorsk
// falls back to bokmål where ICU lacks it, as src/lib/format.ts does).
const INTL: Readonly<Record<Locale, string[]>> = {
	nb: ['nb-NO'],
	nn: ['nn-NO', 'nb-NO'],
	en: ['en-GB']
};
const formats = new Map<Locale, { integer: Intl.NumberFormat; month: Intl.DateTimeFormat }>();
function formatsOf(locale: Locale) {
	let f = formats.get(locale);
	if (!f) {
		f = {
			integer: new Intl.NumberFormat(INTL[locale], { maximumFractionDigits: 0 }),
			month: new Intl.DateTimeFormat(INTL[locale], {
				month: 'long',
				year: 'numeric',
				timeZone: 'UTC'
			})
		};
		formats.set(locale, f);
	}
	return f;
}

/** `YYYY-MM` or `YYYY-MM-DD`: text a date column reads as a date; other text (a «Sum» label) stays text. */
export function isDayText(value: string): boolean {
	return /^\d{4}-\d{2}(?:-\d{2})?/.test(value);
}

/** `YYYY-MM-DD` (or a Date) as a Date at midnight UTC: Excel and the formatters agree on the day. */
export function dayToDate(value: string | Date): Date {
	if (value instanceof Date) return value;
	const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(value);
	if (!m) throw new Error(`Ugyldig dato: ${value}`);
	return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3] ?? 1)));
}

/** A value as the text a reader sees in the PDF. */
export function formatCell(value: CellValue, format: ColumnFormat = 'text'): string {
	if (value === null || value === '') return '–';
	if (typeof value === 'string' && !isDayText(value)) return value;
	if (typeof value === 'string' && format !== 'date' && format !== 'month') return value;
	switch (format) {
		case 'kroner':
			return formatKroner(Number(value));
		case 'integer':
			return formatsOf(getLocale()).integer.format(Number(value));
		case 'number':
			return formatNumber(Number(value));
		case 'percent':
			return formatPercent(Number(value) * 100);
		case 'date': {
			const d = dayToDate(value as string | Date);
			return formatDay(d.toISOString().slice(0, 10));
		}
		case 'month':
			return formatsOf(getLocale()).month.format(dayToDate(value as string | Date));
		case 'text':
			return value instanceof Date ? formatDay(value.toISOString().slice(0, 10)) : String(value);
	}
}

/** Right-aligned: numbers line up by their last digit. */
export function isNumeric(format: ColumnFormat = 'text'): boolean {
	return format === 'integer' || format === 'number' || format === 'kroner' || format === 'percent';
}
