/**
 * One row of a sheet with levels (portfolio, benefits) as the preview reads it: its cells by
 * field, and its problems.
 */
import { cellName, type ColumnMapping, type ImportField } from '$lib/domain/imports/mapping';
import { isoDay, PORTFOLIO_FIELDS } from '$lib/domain/imports/portfolio';
import type { PortfolioSheet } from '$lib/domain/imports/vocabulary';
import type { StagedRow, StagedSheet } from './read';
import type { PreviewIssue, PreviewRow, StagedMapping } from './preview';
import { takesOf, wrongKind } from '$lib/domain/imports/cell-kinds';
import { fieldLabel } from './field-text';
import { cellKindMessage } from './messages';

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
	const label = (key: string) => {
		const field = fields.find((f) => f.key === key);
		return field ? fieldLabel(field) : key;
	};
	const issues: PreviewIssue[] = [];
	const column = (field: string) => columns[`${level}.${field}`] ?? null;
	const ctx: RowContext = {
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
	// A cell of a kind its field does not take (a number as a title, TRUE as a name) is the
	// row's error on that cell, before anything reads its text.
	for (const field of fields) {
		if (field.sheet !== level) continue;
		const found = wrongKind(row.kinds, columns[field.key], takesOf(field.key));
		if (found) ctx.issue(field.key.slice(level.length + 1), cellKindMessage(found, field.key));
	}
	return ctx;
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

/** What is known of a row besides its problems: that it is there already, or earlier in the file. */
export type RowOutcome = { existing?: string; repeated?: string };

/**
 * The row into the preview, under its sheet's label, with its status: an error when it has a
 * problem, else skipped as existing or repeated, else new. True when it will be created.
 * `noteOnError`: a row with problems keeps its note too (the benefit preview says which rows
 * repeat an earlier one even when they also have problems; the portfolio preview does not).
 */
export function pushRow(
	rows: PreviewRow[],
	ctx: RowContext,
	sheetLabel: string,
	cells: string[],
	outcome: RowOutcome = {},
	noteOnError = false
): boolean {
	// A row that is there already is skipped as it is: what else it says is not read.
	if (outcome.existing) ctx.issues.length = 0;
	const status =
		ctx.issues.length > 0
			? 'error'
			: outcome.existing
				? 'existing'
				: outcome.repeated
					? 'repeated'
					: 'new';
	rows.push({
		sheet: ctx.sheetName,
		rowNumber: ctx.rowNumber,
		issues: ctx.issues,
		cells: [sheetLabel, ...cells],
		status,
		note: status === 'error' && !noteOnError ? null : (outcome.existing ?? outcome.repeated ?? null)
	});
	return status === 'new';
}

/**
 * Each row of a level's sheet (none when the file has no such sheet) with its context; `skip`
 * passes over what is no row (a download's note). A file that cannot be imported at all (no
 * mission) says so once, as the preview's `blocked`, not on every row.
 */
export function readLevel(
	sheet: StagedSheet | undefined,
	level: string,
	mapping: StagedMapping,
	opts: { fields?: readonly ImportField[]; skip?: (row: StagedRow) => boolean },
	run: (row: StagedRow, ctx: RowContext) => void
): void {
	if (!sheet) return;
	for (const row of sheet.rows) {
		if (opts.skip?.(row)) continue;
		run(row, rowContext(sheet, row, level, mapping.columns, mapping.defaults, opts.fields));
	}
}
