/**
 * An xlsx cell as the import reads it: its text, the kind of value it holds, and the sum row
 * our own downloads end a table with (exports/xlsx.ts), which is left out.
 */
import type ExcelJS from 'exceljs';
import { columnLetter } from '$lib/domain/imports/mapping';
import type { CellKind } from '$lib/domain/imports/cell-kinds';
import { isSumWord } from './file-words';
import { Refused } from './refusal';

export type CellValue = ExcelJS.CellValue;

/** The kind of a cell's value (cell-kinds.ts), one letter. */
export function cellKind(value: CellValue): CellKind {
	if (typeof value === 'number') return 'n';
	if (typeof value === 'boolean') return 'b';
	if (value instanceof Date) return 'd';
	return 's';
}

export function cellText(value: CellValue, where: string, numFmt?: string): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'string') return value;
	// A percent cell holds a fraction and shows a percent: it is read as shown («60 %»).
	if (typeof value === 'number' && numFmt?.includes('%')) {
		return `${Math.round(value * 10_000) / 100} %`;
	}
	if (typeof value === 'number') return String(value);
	if (typeof value === 'boolean') return value ? 'Ja' : 'Nei';
	if (value instanceof Date) return value.toISOString().slice(0, 10);
	if ('formula' in value || 'sharedFormula' in value) throw new Refused('formula', where);
	if ('error' in value) throw new Refused('error_value', where);
	if ('richText' in value) return value.richText.map((r) => r.text).join('');
	if ('text' in value && typeof value.text === 'string') return value.text;
	throw new Refused('unreadable', where);
}

/**
 * The one formula an import lets through: the sum row our own downloads write under a table
 * (exports/xlsx.ts), so a downloaded file reads back unchanged. It is the sheet's last row, its
 * first cell is «Sum» (in any language: «Total»), and every other filled cell is a number or `SUM(<col>2:<col><n>)` over
 * its own column, ending on the row just above. That row is left out whole; any other formula,
 * anywhere, still refuses the file.
 */
export function isSumRow(
	values: readonly CellValue[],
	rowNumber: number,
	lastRowNumber: number
): boolean {
	if (rowNumber !== lastRowNumber || rowNumber < 3) return false;
	const [first, ...rest] = values;
	if (typeof first !== 'string' || !isSumWord(first)) return false;
	return rest.every((value, i) => {
		if (value === null || value === undefined || typeof value === 'number') return true;
		if (typeof value !== 'object' || !('formula' in value) || typeof value.formula !== 'string')
			return false;
		const col = columnLetter(i + 1);
		return (
			value.formula.replace(/\s+/g, '').toUpperCase() === `SUM(${col}2:${col}${rowNumber - 1})`
		);
	});
}

/** The number of the sheet's last row with a value in it. */
export function lastRowWithContent(worksheet: ExcelJS.Worksheet): number {
	let last = 0;
	worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
		if (row.hasValues) last = rowNumber;
	});
	return last;
}
