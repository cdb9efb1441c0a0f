/**
 * One row of a sheet with levels (portfolio, benefits) as the preview reads it: its cells by
 * field, and its problems.
 */
import { cellName, type ColumnMapping, type ImportField } from '$lib/domain/imports/mapping';
import { isoDay, PORTFOLIO_FIELDS, type PortfolioSheet } from '$lib/domain/imports/portfolio';
import type { StagedRow, StagedSheet } from './read';
import type { PreviewIssue } from './preview';

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
	level: PortfolioSheet | string,
	columns: ColumnMapping,
	defaults: Record<string, string>,
	/** The kind's fields, for the labels its problems name (benefits reuse this reader). */
	fields: readonly ImportField[] = PORTFOLIO_FIELDS
): RowContext {
	const label = (key: string) => fields.find((f) => f.key === key)?.label ?? key;
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

/**
 * The items by a key, built once per preview: every row looks its names up here instead of
 * scanning the lists, which made a file of thousands of rows against a large portfolio
 * quadratic. `first` keeps the first item of a key, as `Array.find` found it.
 */
export function lookup<T, K>(items: readonly T[], keyOf: (item: T) => K) {
	const all = new Map<K, T[]>();
	for (const item of items) {
		const key = keyOf(item);
		const list = all.get(key);
		if (list) list.push(item);
		else all.set(key, [item]);
	}
	return {
		first: (key: K): T | undefined => all.get(key)?.[0],
		all: (key: K): readonly T[] => all.get(key) ?? [],
		has: (key: K): boolean => all.has(key)
	};
}
