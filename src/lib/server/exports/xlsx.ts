/**
 * Spreadsheets (xlsx) built on the server with ExcelJS (https://github.com/exceljs/exceljs),
 * from the same table descriptions as the PDF reports (reports/table.ts). Numbers are numbers
 * and dates are dates, each with a number format: kroner as `#,##0 "kr"`, which Norwegian
 * Excel shows as `# ##0 "kr"` (in the file, `,` is the thousands separator whatever the
 * language; Excel and LibreOffice draw it as the reader's own, a space in nb-NO). The header
 * row is bold, frozen and carries an autofilter; a sum row stays below the filter's range so
 * sorting leaves it last. Sheet names and headers are in the request's language (the caller's
 * texts; the «Om uttrekket» sheet's own here), at most 31 characters, without the
 * characters Excel refuses (ECMA-376 Part 1, §18.2.20 sheet: name).
 *
 *   const xlsx = new XlsxWorkbook({ title: 'Gevinstregister', organisation, createdAt: now });
 *   xlsx.sheet({ ...benefitsTable, name: 'Gevinster' }).sheet({ ...linesTable, name: 'Estimatlinjer' });
 *   const bytes = await xlsx.render();
 */
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import {
	formatCell,
	dayToDate,
	isDayText,
	isNumeric,
	type ColumnFormat,
	type TableSpec
} from '../reports/table';

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Excel number formats per column format. */
export const NUMBER_FORMATS: Record<ColumnFormat, string | undefined> = {
	text: undefined,
	integer: '#,##0',
	number: '#,##0.0',
	kroner: '#,##0 "kr"',
	percent: '0.0 %',
	date: 'dd.mm.yyyy',
	month: 'mmmm yyyy'
};

/**
 * The number format of a column in the request's language: kroner are «NOK 1,655,000» to an
 * English reader, as on the pages (src/lib/format.ts); every other format reads alike.
 */
export function numberFormat(format: ColumnFormat): string | undefined {
	return format === 'kroner' && getLocale() === 'en' ? '"NOK "#,##0' : NUMBER_FORMATS[format];
}

const ILLEGAL = /[\\/?*:[\]]/g;
const MAX_NAME = 31;

/**
 * A sheet name Excel accepts: the characters \ / ? * : [ ] replaced by a dash, no apostrophe
 * first or last, at most 31 characters, and different (case-insensitively, as Excel compares)
 * from the names already `taken`; «Ark» («Sheet») when nothing is left.
 */
export function sheetName(wanted: string, taken: Iterable<string> = []): string {
	const used = new Set([...taken].map((n) => n.toLocaleLowerCase('nb-NO')));
	let base = wanted
		.replace(ILLEGAL, '-')
		.replace(/\p{Cc}/gu, ' ')
		.replace(/\s+/g, ' ')
		.trim()
		.replace(/^'+|'+$/g, '')
		.trim();
	if (!base) base = m.export_sheet_fallback();
	let name = base.slice(0, MAX_NAME).trim();
	for (let n = 2; used.has(name.toLocaleLowerCase('nb-NO')); n++) {
		const suffix = ` (${n})`;
		name = base.slice(0, MAX_NAME - suffix.length).trim() + suffix;
	}
	return name;
}

export interface WorkbookMeta {
	/** The workbook's title, e.g. «Gevinstregister»; in its properties and the «Om» sheet. */
	title: string;
	organisation: string;
	/** When it was made; written as the workbook's created and modified dates. */
	createdAt: Date;
	/** ISO days, inclusive, when the export covers a period. */
	period?: { from: string; to: string };
	/** What the export shows, e.g. the filters applied: «Spor: 1B Samhandling». */
	notes?: string[];
}

export interface SheetSpec extends TableSpec {
	/** The sheet's name; the caption when not given. */
	name?: string;
	/**
	 * Rows read as they are written, for a sheet too long to hold (the change log): `rows` is
	 * then ignored, and `widths` (characters per column) size the columns.
	 */
	stream?: { rows: Iterable<TableSpec['rows'][number]>; widths: number[] };
}

type Cell = string | number | Date | { formula: string; result: number } | null;

function cellValue(value: TableSpec['rows'][number][number], format: ColumnFormat = 'text'): Cell {
	if (value === null || value === '') return null;
	if (format === 'date' || format === 'month') {
		if (typeof value === 'string' && !isDayText(value)) return value;
		return typeof value === 'number' ? value : dayToDate(value);
	}
	if (isNumeric(format)) {
		const n = typeof value === 'number' ? value : Number(value);
		return Number.isFinite(n) ? n : String(value);
	}
	return value instanceof Date ? value : String(value);
}

/** Excel's column letters: 1 → A, 27 → AA. */
function columnLetter(n: number): string {
	let s = '';
	for (let i = n; i > 0; i = Math.floor((i - 1) / 26))
		s = String.fromCharCode(65 + ((i - 1) % 26)) + s;
	return s;
}

/** Width in characters: the longest shown value, within reason; long text wraps. */
function columnWidth(spec: TableSpec, index: number): number {
	const format = spec.columns[index]?.format;
	const lengths = [
		spec.columns[index]?.header.length ?? 0,
		...spec.rows.slice(0, 500).map((r) => formatCell(r[index] ?? null, format).length),
		spec.totals ? formatCell(spec.totals[index] ?? null, format).length : 0
	];
	return Math.min(60, Math.max(8, Math.max(...lengths) + 2));
}

export class XlsxWorkbook {
	readonly #meta: WorkbookMeta;
	readonly #sheets: SheetSpec[] = [];

	constructor(meta: WorkbookMeta) {
		this.#meta = meta;
	}

	sheet(spec: SheetSpec): this {
		this.#sheets.push(spec);
		return this;
	}

	#addTable(wb: ExcelJS.stream.xlsx.WorkbookWriter, spec: SheetSpec, name: string): void {
		const ws = wb.addWorksheet(name, {
			views: [{ state: 'frozen', xSplit: 0, ySplit: 1, activeCell: 'A2' }],
			pageSetup: {
				paperSize: 9,
				orientation: 'landscape',
				fitToPage: true,
				fitToWidth: 1,
				fitToHeight: 0
			}
		});
		// Printed, the header row repeats on every page too.
		ws.pageSetup.printTitlesRow = '1:1';
		ws.columns = spec.columns.map((c, i) => {
			const width = spec.stream?.widths[i] ?? columnWidth(spec, i);
			const numFmt = numberFormat(c.format ?? 'text');
			// Long text wraps, set on the column before any row is written (rows are streamed).
			const wrap = (c.format ?? 'text') === 'text' && width >= 60;
			return {
				header: c.header,
				key: `c${i}`,
				width,
				style: {
					...(numFmt ? { numFmt } : {}),
					...(wrap ? { alignment: { wrapText: true, vertical: 'top' as const } } : {})
				}
			};
		});
		const header = ws.getRow(1);
		header.font = { bold: true };
		header.alignment = { vertical: 'middle', wrapText: true };
		header.eachCell((cell) => {
			cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF3F4F6' } };
			cell.border = { bottom: { style: 'thin', color: { argb: 'FF9CA3AF' } } };
		});
		header.commit();
		const last = columnLetter(spec.columns.length);
		let count = 0;
		for (const row of spec.stream?.rows ?? spec.rows) {
			ws.addRow(spec.columns.map((c, i) => cellValue(row[i] ?? null, c.format))).commit();
			count += 1;
		}
		const lastRow = count + 1;
		// Written with the sheet's end, so it can be set once the rows are counted.
		ws.autoFilter = { from: 'A1', to: `${last}${lastRow}` };
		if (!count && spec.empty) {
			const empty = ws.addRow([spec.empty]);
			empty.getCell(1).font = { italic: true };
			empty.commit();
		}
		if (spec.totals && count) {
			const totals = ws.addRow(
				spec.columns.map((c, i): Cell => {
					const v = spec.totals![i] ?? null;
					const col = columnLetter(i + 1);
					// A sum the reader can check: the formula, with the computed result cached. Not
					// for shares: a total share is a ratio of sums, never the sum of the shares.
					if (
						typeof v === 'number' &&
						isNumeric(c.format) &&
						c.format !== 'percent' &&
						!spec.totalsNotSum
					) {
						// ExcelJS drops a cached result of 0, and a reader that does not recalculate
						// then shows an empty cell: a zero sum is written as the number itself.
						if (v === 0) return 0;
						return { formula: `SUM(${col}2:${col}${lastRow})`, result: v };
					}
					return cellValue(v, c.format);
				})
			);
			totals.font = { bold: true };
			totals.eachCell((cell) => {
				cell.border = { top: { style: 'thin', color: { argb: 'FF1B1F24' } } };
			});
			totals.commit();
		}
		ws.commit();
	}

	#addAbout(wb: ExcelJS.stream.xlsx.WorkbookWriter, name: string): void {
		const meta = this.#meta;
		const ws = wb.addWorksheet(name);
		ws.columns = [
			{ header: m.export_about_field(), key: 'k', width: 18 },
			{
				header: m.export_about_value(),
				key: 'v',
				width: 70,
				style: { alignment: { horizontal: 'left', wrapText: true } }
			}
		];
		ws.getRow(1).font = { bold: true };
		ws.addRow([m.export_about_title(), meta.title]);
		ws.addRow([m.export_about_organisation(), meta.organisation]);
		if (meta.period) {
			ws.addRow([m.export_about_period_from(), dayToDate(meta.period.from)]).getCell(2).numFmt =
				'dd.mm.yyyy';
			ws.addRow([m.export_about_period_to(), dayToDate(meta.period.to)]).getCell(2).numFmt =
				'dd.mm.yyyy';
		}
		ws.addRow([m.export_about_made(), meta.createdAt]).getCell(2).numFmt = 'dd.mm.yyyy hh:mm';
		for (const note of meta.notes ?? []) ws.addRow([m.export_about_selection(), note]);
		ws.commit();
	}

	/**
	 * The workbook's bytes. Written with ExcelJS's streaming writer: each row is committed as it
	 * is added instead of the whole workbook held as cell objects, about three times faster at
	 * 10 000 rows (bench/results/exports-*.md).
	 */
	async render(): Promise<Uint8Array> {
		const chunks: Buffer[] = [];
		const stream = new PassThrough();
		stream.on('data', (chunk: Buffer) => chunks.push(chunk));
		const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
			stream,
			useStyles: true,
			useSharedStrings: false,
			created: this.#meta.createdAt,
			modified: this.#meta.createdAt,
			creator: 'Misjonskart',
			lastModifiedBy: 'Misjonskart'
		} as ConstructorParameters<typeof ExcelJS.stream.xlsx.WorkbookWriter>[0]);
		Object.assign(wb, { title: this.#meta.title, company: this.#meta.organisation });
		const taken: string[] = [];
		for (const spec of this.#sheets) {
			const name = sheetName(spec.name ?? spec.caption, taken);
			taken.push(name);
			this.#addTable(wb, spec, name);
		}
		this.#addAbout(wb, sheetName(m.export_about_sheet(), taken));
		await wb.commit();
		return new Uint8Array(Buffer.concat(chunks));
	}
}
