/** What a preview is, for every kind of import: rows as they will be stored, and the problems. */
import { createHash } from 'node:crypto';
import type { ColumnMapping } from '$lib/domain/imports/mapping';

export type RowStatus = 'new' | 'existing' | 'repeated' | 'error';

export interface PreviewIssue {
	/** «C7», or «–» when the value came from a default rather than a cell. */
	cell: string;
	/** The field's label, e.g. «Ansvar». */
	field: string;
	message: string;
}

export interface PreviewRow {
	/** The sheet the row is on, when a kind reads several; null otherwise. */
	sheet: string | null;
	rowNumber: number;
	status: RowStatus;
	/** The values as they will be stored, one per preview column, in the reader's language. */
	cells: string[];
	issues: PreviewIssue[];
	/** Why the row is skipped, when it is. */
	note: string | null;
}

export interface Preview<Input> {
	columns: string[];
	rows: PreviewRow[];
	/** The validated input of each row that will be created, in file order. */
	creates: Input[];
	/**
	 * Why nothing in the file can be imported, whatever its rows say (no mission yet): said
	 * once for the file; the commit is refused while it stands.
	 */
	blocked?: string | null;
}

/** The mapping chosen on the mapping step, as staged. */
export interface StagedMapping {
	columns: ColumnMapping;
	defaults: Record<string, string>;
}

export function previewCounts(rows: readonly PreviewRow[]) {
	const count = (s: RowStatus) => rows.filter((r) => r.status === s).length;
	return {
		rows: rows.length,
		new: count('new'),
		skipped: count('existing') + count('repeated'),
		errors: count('error')
	};
}

/**
 * A digest of what the commit would write: the file, the mapping, each row's outcome and the
 * inputs that would be created. The preview page posts it with the commit; a commit that finds
 * another digest (the mapping was changed in another tab, or someone created the same item
 * meanwhile) writes nothing. It is made of what is stored, never of the shown cells, which are
 * in the reader's language: a preview read in English commits on a page read in bokmål.
 */
export function previewDigest(
	sha256: string,
	mapping: StagedMapping,
	rows: readonly PreviewRow[],
	creates: readonly unknown[]
) {
	const outcome = rows.map((r) => `${r.sheet ?? ''}:${r.rowNumber}:${r.status}`);
	return createHash('sha256')
		.update(JSON.stringify([sha256, mapping, outcome, creates]))
		.digest('hex');
}
