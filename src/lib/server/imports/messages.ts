/**
 * The import's messages: why a file is refused, and what a commit answers. Read when an answer
 * is made, so each is in the request's language (messages/imports/*.json), as are a preview
 * row's notes, problems and cells (status words, sheet names, numbers); the preview's digest
 * (preview.ts) is made of what is stored, so it does not change with the reader's language
 * between the preview and the commit.
 */
import {
	formatByteSize,
	IMPORT_MAX_BYTES,
	IMPORT_MAX_COLUMNS,
	IMPORT_MAX_ROWS,
	IMPORT_MAX_TEXT,
	IMPORT_MAX_UNPACKED_BYTES
} from '$lib/domain/imports/limits';
import { SCHEDULE_EXAMPLES, type ScheduleProblem } from '$lib/domain/imports/wheel-schedule';
import { formatNumber } from '$lib/format';
import { m } from '$lib/paraglide/messages';
import { takesOf, type CellKind } from '$lib/domain/imports/cell-kinds';
import type { ReadRefusal } from './refusal';
import { columnLabel } from './field-text';

const ID_NAMES_OTHER = {
	title: m.import_issue_id_names_other,
	code: m.import_issue_id_names_other_code,
	description: m.import_issue_id_names_other_description
};

const nothing = (text: string) => `${text} ${m.import_nothing()}`;

/** «Spor», «Prosjekter» eller «Tiltak». */
const list = (names: string[], last: string) => {
	const quoted = names.map((x) => `«${x}»`);
	return quoted.length < 2
		? quoted.join('')
		: `${quoted.slice(0, -1).join(', ')} ${last} ${quoted[quoted.length - 1]}`;
};

/** A refused file, in words: what is wrong, and what to do. */
export function refusalMessage(reason: ReadRefusal | 'no_file', where?: string): string {
	const at = where ? ` (${where})` : '';
	const cell = where ?? '';
	switch (reason) {
		case 'no_file':
			return m.import_refusal_no_file();
		case 'empty':
			return nothing(m.import_refusal_empty());
		case 'too_large':
			return nothing(m.import_refusal_too_large({ size: formatByteSize(IMPORT_MAX_BYTES) }));
		case 'too_many_rows':
			return nothing(m.import_refusal_too_many_rows({ rows: formatNumber(IMPORT_MAX_ROWS) }));
		case 'too_many_columns':
			return nothing(m.import_refusal_too_many_columns({ columns: IMPORT_MAX_COLUMNS }));
		case 'too_much_text':
			return nothing(m.import_refusal_too_much_text({ size: formatByteSize(IMPORT_MAX_TEXT) }));
		case 'wrong_type':
			// The type the content or the name shows («.pdf», «.md»), when known.
			return nothing(
				where ? m.import_refusal_file_type({ type: where }) : m.import_refusal_wrong_type()
			);
		case 'plain_text':
			return nothing(m.import_refusal_plain_text());
		case 'old_excel':
			return nothing(m.import_refusal_old_excel());
		case 'encrypted':
			return nothing(m.import_refusal_encrypted());
		case 'not_xlsx':
			return nothing(m.import_refusal_not_xlsx());
		case 'ods':
			return nothing(m.import_refusal_ods());
		case 'macro':
			return nothing(m.import_refusal_macro());
		case 'zip_bomb':
			return nothing(
				m.import_refusal_zip_bomb({ size: formatByteSize(IMPORT_MAX_UNPACKED_BYTES) })
			);
		case 'unreadable':
			return nothing(m.import_refusal_unreadable({ at }));
		case 'encoding':
			return nothing(m.import_refusal_encoding());
		case 'open_quote':
			return nothing(m.import_refusal_open_quote({ at }));
		case 'formula':
			return nothing(m.import_refusal_formula({ cell }));
		case 'merged':
			return nothing(m.import_refusal_merged({ at }));
		case 'error_value':
			return nothing(m.import_refusal_error_value({ cell }));
		case 'no_rows':
			return nothing(m.import_refusal_no_rows());
	}
}

export const IMPORT_MESSAGES = {
	get notFound() {
		return m.import_not_found();
	},
	get alreadyCommitted() {
		return m.import_already_committed();
	},
	hasErrors: (n: number) =>
		nothing(
			n === 1 ? m.import_has_errors_one() : m.import_has_errors_many({ count: formatNumber(n) })
		),
	get changed() {
		return m.import_changed();
	},
	unmapped: (labels: string[]) =>
		m.import_unmapped({ fields: labels.map((l) => `«${l}»`).join(` ${m.import_and()} `) }),
	doubleMapped: (a: string, b: string) => m.import_double_mapped({ first: a, second: b }),
	get mappingSaved() {
		return m.import_mapping_saved();
	},
	get refused() {
		return m.import_refused();
	},
	/** A workbook with none of the sheets the kind reads: nothing in it can be imported. */
	noSheets: (expected: string[], found: string[]) =>
		nothing(
			[
				m.import_no_sheets_expected({ sheets: list(expected, m.import_or()) }),
				found.length === 1
					? m.import_no_sheets_found_one({ sheets: list(found, m.import_and()) })
					: m.import_no_sheets_found_many({ sheets: list(found, m.import_and()) }),
				expected.length === 1 ? m.import_no_sheets_upload_one() : m.import_no_sheets_upload_many()
			].join(' ')
		),
	/** An id in the file names an item here under another name: neither skipped nor a new one. */
	idNamesOther: (
		label: string,
		id: string,
		here: string,
		inFile: string,
		what: 'title' | 'code' | 'description' = 'title'
	) => ID_NAMES_OTHER[what]({ label: columnLabel(label), id, here, inFile })
};

/** «27 oppgaver importert, 0 hoppet over.» */
export function receiptMessage(created: number, skipped: number, noun: [string, string]): string {
	return m.import_receipt({
		created: `${formatNumber(created)} ${created === 1 ? noun[0] : noun[1]}`,
		skipped: formatNumber(skipped)
	});
}

/** The limits in the page's words: «høyst 5 MB og 5 000 rader». */
export function importLimitsText(): string {
	return m.import_limits({
		size: formatByteSize(IMPORT_MAX_BYTES),
		rows: formatNumber(IMPORT_MAX_ROWS)
	});
}

/** Why a wheel task row has no schedule to go by (parseScheduleText, wheelTaskRows). */
export function scheduleProblemMessage(problem: ScheduleProblem): string {
	const examples = SCHEDULE_EXAMPLES;
	switch (problem.code) {
		case 'unreadable':
			return m.import_issue_schedule_unreadable({ text: problem.text, examples });
		case 'once_many_months':
			return m.import_issue_schedule_once_many({
				text: problem.text,
				months: formatNumber(problem.months)
			});
		case 'missing':
			return m.import_issue_schedule_missing({ examples });
	}
}

const KIND: Record<CellKind, () => string> = {
	s: m.import_kind_s,
	n: m.import_kind_n,
	b: m.import_kind_b,
	d: m.import_kind_d
};

/** A cell of a kind its field does not take: what it holds, and what the field takes. */
export function cellKindMessage(found: CellKind, fieldKey: string): string {
	const takes = takesOf(fieldKey).map((k) => KIND[k]());
	const expected =
		takes.length < 2
			? takes.join('')
			: `${takes.slice(0, -1).join(', ')} ${m.import_or()} ${takes[takes.length - 1]}`;
	return m.import_issue_cell_kind({ found: KIND[found](), expected });
}
