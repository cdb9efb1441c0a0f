/** One row of a portfolio sheet as the preview reads it: its cells by field, and its problems. */
import { cellName, type ColumnMapping } from '$lib/domain/imports/mapping';
import { isoDay, PORTFOLIO_FIELDS, type PortfolioSheet } from '$lib/domain/imports/portfolio';
import type { StagedRow, StagedSheet } from './read';
import type { PreviewIssue } from './preview';

const label = (key: string) => PORTFOLIO_FIELDS.find((f) => f.key === key)?.label ?? key;

export function dates(ctx: RowContext): string {
	const start = isoDay(ctx.cell('startDate'));
	const end = isoDay(ctx.cell('endDate'));
	return start || end ? `${start || '…'}–${end || '…'}` : '';
}

export interface RowContext {
	sheetName: string;
	rowNumber: number;
	issues: PreviewIssue[];
	cell(field: string): string;
	issue(field: string, message: string): void;
}

export function rowContext(
	sheet: StagedSheet,
	row: StagedRow,
	level: PortfolioSheet,
	columns: ColumnMapping,
	defaults: Record<string, string>
): RowContext {
	const issues: PreviewIssue[] = [];
	const column = (field: string) => columns[`${level}.${field}`] ?? null;
	return {
		sheetName: sheet.name,
		rowNumber: row.rowNumber,
		issues,
		cell(field) {
			const index = column(field);
			const value = index === null ? '' : (row.cells[index] ?? '').trim();
			return value || (defaults[`${level}.${field}`] ?? '').trim();
		},
		issue(field, message) {
			if (issues.some((i) => i.field === label(`${level}.${field}`))) return;
			const index = column(field) ?? column('title');
			const cell = index === null ? '–' : `${sheet.name}!${cellName(index, row.rowNumber)}`;
			issues.push({ cell, field: label(`${level}.${field}`), message });
		}
	};
}
