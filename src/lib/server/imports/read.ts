/**
 * Reads an uploaded spreadsheet into rows of text, refusing what an import must not take
 * (OWASP File Upload Cheat Sheet): a file over the size limit, a type other than xlsx or CSV
 * (decided by the content, never the name), macros, a zip bomb, formulas, merged cells, error
 * values, more rows than the limit. An xlsx is judged from its ZIP directory first, then every
 * entry is inflated with its declared size as a hard ceiling (so an archive that lies about its
 * sizes stops there) while the sheets' rows are counted and merged cells looked for in their
 * XML; only a workbook that passes is parsed by ExcelJS. (Its streaming reader would parse a
 * sheet before the workbook part when the ZIP puts that first, as ExcelJS's own streaming
 * writer may, and then fails on date cells; a workbook within these limits is small enough to
 * read whole.)
 */
import { createHash } from 'node:crypto';
import { inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { fileTypeFromBuffer } from 'file-type';
import { parseCsv } from '$lib/domain/imports/csv';
import { cellName } from '$lib/domain/imports/mapping';
import {
	IMPORT_MAX_BYTES,
	IMPORT_MAX_COLUMNS,
	IMPORT_MAX_ROWS,
	IMPORT_MAX_TEXT,
	IMPORT_MAX_UNPACKED_BYTES
} from '$lib/domain/imports/limits';
import { entryDataOffset, zipEntries, zipProblem } from '$lib/domain/imports/zip';
import type { CellKind } from '$lib/domain/imports/cell-kinds';
import { isAboutSheet, isSumWord } from './file-words';
import { compoundKind, zipKind, type KindRefusal } from './file-kind';
import { Refused, type ReadRefusal } from './refusal';
import { cellKind, cellText, isSumRow, lastRowWithContent, type CellValue } from './sheet-cells';

export interface StagedRow {
	/** The row's number in the spreadsheet (CSV: the record's number), as the user sees it. */
	rowNumber: number;
	cells: string[];
	/**
	 * What each cell of an xlsx row held, one letter a cell (`CellKind`): the text of a number
	 * or a TRUE is not the same as typed text, and a field judges it by this (cell-kinds.ts).
	 * Absent for CSV, whose cells are all text.
	 */
	kinds?: string;
}

export interface StagedSheet {
	name: string;
	headers: string[];
	rows: StagedRow[];
}

export type { ReadRefusal } from './refusal';

export type ReadResult =
	| { ok: true; format: 'xlsx' | 'csv'; sheets: StagedSheet[]; sha256: string; rows: number }
	| { ok: false; reason: ReadRefusal; where?: string };

const refusedAs = (kind: KindRefusal) =>
	new Refused(kind.reason, 'where' in kind ? kind.where : undefined);

const isZip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

/** A file's extension, lower case, when its name has one («.md»); else null. */
const extensionOf = (name: string) =>
	/\.([a-z0-9]{1,8})$/i.exec(name.trim())?.[1]?.toLowerCase() ?? null;

/** Extensions a spreadsheet is saved with: xlsx, and text tables (Excel's «Tekst» saves .txt). */
const TABLE_EXTENSIONS = new Set(['xlsx', 'csv', 'tsv', 'txt']);

/**
 * `name` is the uploaded file's name, or undefined for pasted rows. The content decides what a
 * file is; the name can only refuse it (OWASP: an allow-list of extensions as well): a `.md` or
 * `.docx` is no spreadsheet whatever it holds.
 */
export async function readSpreadsheet(bytes: Uint8Array, name?: string): Promise<ReadResult> {
	if (bytes.byteLength === 0) return { ok: false, reason: 'empty' };
	if (bytes.byteLength > IMPORT_MAX_BYTES) return { ok: false, reason: 'too_large' };
	const extension = name ? extensionOf(name) : null;
	if (extension !== null && !TABLE_EXTENSIONS.has(extension)) {
		// A type the content shows (a PDF named .pdf) is named as the content says.
		const sniffed = await fileTypeFromBuffer(bytes);
		if (sniffed?.ext === 'cfb') return { ok: false, ...compoundKind(bytes) };
		if (sniffed?.ext === 'ods' || sniffed?.ext === 'ots') return { ok: false, reason: 'ods' };
		if (sniffed?.ext === 'xlsm' || sniffed?.ext === 'xltm') return { ok: false, reason: 'macro' };
		return { ok: false, reason: 'wrong_type', where: `.${sniffed?.ext ?? extension}` };
	}
	const sha256 = createHash('sha256').update(bytes).digest('hex');
	try {
		const sheets = isZip(bytes)
			? await readXlsx(bytes)
			: await readCsv(bytes, extension === 'txt' || extension === 'tsv', extension === 'xlsx');
		const rows = sheets.reduce((n, s) => n + s.rows.length, 0);
		if (rows === 0) return { ok: false, reason: 'no_rows' };
		return { ok: true, format: isZip(bytes) ? 'xlsx' : 'csv', sheets, sha256, rows };
	} catch (e) {
		if (e instanceof Refused) return { ok: false, reason: e.reason, where: e.where };
		// ExcelJS and the ZIP reader throw plain errors on a damaged file: the file's fault.
		return { ok: false, reason: 'unreadable' };
	}
}

/**
 * `mustHaveColumns`: a text file named .txt or .tsv (as Excel saves «Tekst (tabulatordelt)») is
 * a table only when its header has columns (separated by `;`, `,` or a tab); a page of plain
 * text is refused as such rather than read as one column and answered «no rows». A .csv and
 * pasted rows may have one column (a list of task titles). `namedXlsx`: the file's name ends
 * in .xlsx, so it is refused as no workbook rather than read as text.
 */
async function readCsv(
	bytes: Uint8Array,
	mustHaveColumns: boolean,
	namedXlsx: boolean
): Promise<StagedSheet[]> {
	const sniffed = await fileTypeFromBuffer(bytes);
	if (sniffed?.ext === 'cfb') throw refusedAs(compoundKind(bytes));
	if (sniffed) throw new Refused('wrong_type', `.${sniffed.ext}`);
	// A file named .xlsx that is no ZIP archive is no workbook, whatever its bytes decode to.
	if (namedXlsx) throw new Refused('not_xlsx');
	let text: string;
	try {
		text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		throw new Refused('encoding');
	}
	// A NUL is no part of any text a spreadsheet writes: this is a binary file.
	if (text.includes('\u0000')) throw new Refused('wrong_type');
	const parsed = parseCsv(text, IMPORT_MAX_ROWS + 1);
	if (!parsed.ok) throw new Refused('open_quote', `linje ${parsed.line}`);
	const header = parsed.rows.find((cells) => cells.some((c) => c.trim() !== ''));
	if (mustHaveColumns && header && header.length < 2) throw new Refused('plain_text');
	const sheet = sheetOf(
		'CSV',
		parsed.rows.map((cells, i) => ({ rowNumber: i + 1, cells }))
	);
	return sheet ? [sheet] : [];
}

/** The first row with content is the header; blank rows are left out. */
function sheetOf(name: string, rows: StagedRow[]): StagedSheet | null {
	const filled = rows.filter((r) => r.cells.some((c) => c.trim() !== ''));
	const [header, ...data] = filled;
	if (!header) return null;
	if (data.length > IMPORT_MAX_ROWS) throw new Refused('too_many_rows');
	const width = Math.max(header.cells.length, ...data.slice(0, 1).map((r) => r.cells.length));
	if (width > IMPORT_MAX_COLUMNS) throw new Refused('too_many_columns');
	return { name, headers: header.cells.map((c) => c.trim()), rows: data };
}

/**
 * An upper bound on the rows the sheets hold: their `<row` elements, empty formatted rows
 * included (Excel writes those), so the bound is generous; the exact count of rows with
 * content is checked while the sheets are read.
 */
const IMPORT_MAX_ROW_TAGS = 4 * IMPORT_MAX_ROWS;

function countRowTags(xml: Buffer): number {
	let n = 0;
	for (let at = xml.indexOf('<row'); at >= 0; at = xml.indexOf('<row', at + 4)) {
		// `<row ` or `<row>`, not `<rowBreaks>`.
		const next = xml[at + 4];
		if (next === 0x20 || next === 0x3e || next === 0x2f) n += 1;
	}
	return n;
}

/** ZIP directory, then a real inflate of every entry, then the sheets. */
async function readXlsx(bytes: Uint8Array): Promise<StagedSheet[]> {
	const entries = zipEntries(bytes);
	if (!entries) throw new Refused('unreadable');
	const problem = zipProblem(entries);
	if (problem) throw new Refused(problem);
	const sniffed = await fileTypeFromBuffer(bytes);
	if (sniffed?.ext === 'xlsm' || sniffed?.ext === 'xltm') throw new Refused('macro');
	if (sniffed?.ext !== 'xlsx') throw refusedAs(zipKind(bytes, entries, sniffed?.ext));
	let total = 0;
	// Rows are counted in the sheets' XML before anything is parsed, so a sheet of a million
	// rows is refused without being read into a workbook.
	let rowTags = 0;
	for (const entry of entries) {
		const start = entryDataOffset(bytes, entry);
		if (start === null) throw new Refused('unreadable');
		const data = bytes.subarray(start, start + entry.compressedSize);
		let content: Buffer;
		try {
			// The declared size is the ceiling: inflating past it throws, and so stops a bomb.
			content =
				entry.method === 0
					? Buffer.from(data)
					: inflateRawSync(data, { maxOutputLength: Math.max(entry.uncompressedSize, 1) });
		} catch (e) {
			throw new Refused(
				(e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' ? 'zip_bomb' : 'unreadable'
			);
		}
		total += content.byteLength;
		if (total > IMPORT_MAX_UNPACKED_BYTES) throw new Refused('zip_bomb');
		if (/^xl\/worksheets\/[^/]+\.xml$/.test(entry.name)) {
			rowTags += countRowTags(content);
			const at = content.indexOf('<mergeCell ');
			if (at >= 0) {
				const ref = /ref="([A-Z]+\d+:[A-Z]+\d+)"/.exec(content.toString('utf8', at, at + 80));
				throw new Refused('merged', ref?.[1]);
			}
		}
	}
	if (rowTags > IMPORT_MAX_ROW_TAGS) throw new Refused('too_many_rows');
	return parseSheets(bytes);
}

async function parseSheets(bytes: Uint8Array): Promise<StagedSheet[]> {
	const workbook = new ExcelJS.Workbook();
	await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
	const sheets: StagedSheet[] = [];
	let dataRows = 0;
	// Shared strings make a small file hold much text; what is staged stays within a bound.
	let text = 0;
	for (const worksheet of workbook.worksheets) {
		// A download's «Om uttrekket» (title, filters, what was cut) is not rows to import.
		const counted = !isAboutSheet(worksheet.name);
		const rows: StagedRow[] = [];
		let last: number | undefined;
		worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
			// Only a row that starts «Sum» («Total») is looked at twice; the sheet's end is found once.
			const first = row.getCell(1).value;
			if (typeof first === 'string' && isSumWord(first)) {
				const values: CellValue[] = [];
				row.eachCell({ includeEmpty: false }, (cell, column) => {
					values[column - 1] = cell.value;
				});
				last ??= lastRowWithContent(worksheet);
				if (isSumRow(Array.from(values), rowNumber, last)) return;
			}
			const cells: string[] = [];
			const kinds: CellKind[] = [];
			row.eachCell({ includeEmpty: false }, (cell, column) => {
				if (column > IMPORT_MAX_COLUMNS) throw new Refused('too_many_columns');
				// «Estimatlinjer!F2», as the preview names a cell: a workbook has several sheets.
				const where = `${worksheet.name}!${cellName(column - 1, rowNumber)}`;
				cells[column - 1] = cellText(cell.value, where, cell.numFmt).trim();
				kinds[column - 1] = cellKind(cell.value);
			});
			if (cells.every((c) => !c)) return;
			for (const c of cells) text += c?.length ?? 0;
			if (text > IMPORT_MAX_TEXT) throw new Refused('too_much_text');
			rows.push({
				rowNumber,
				cells: Array.from(cells, (c) => c ?? ''),
				kinds: Array.from(kinds, (k) => k ?? 's').join('')
			});
			// The first row is the header; the rest count, over all sheets.
			if (counted && rows.length > 1 && ++dataRows > IMPORT_MAX_ROWS) {
				throw new Refused('too_many_rows');
			}
		});
		const sheet = sheetOf(worksheet.name, rows);
		if (sheet) sheets.push(sheet);
	}
	return sheets;
}
