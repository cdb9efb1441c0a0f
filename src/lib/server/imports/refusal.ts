/**
 * Why a file is refused while it is read (read.ts), and where when a place is known; the words
 * for each are in messages.ts.
 */
export type ReadRefusal =
	| 'empty'
	| 'too_large'
	| 'wrong_type'
	| 'old_excel'
	| 'macro'
	| 'zip_bomb'
	| 'unreadable'
	| 'encoding'
	| 'open_quote'
	| 'too_many_rows'
	| 'too_many_columns'
	| 'too_much_text'
	| 'formula'
	| 'merged'
	| 'error_value'
	| 'no_rows'
	| 'plain_text'
	| 'not_xlsx'
	| 'ods'
	| 'encrypted';

/** Thrown while a file is read; readSpreadsheet answers it as the refusal it names. */
export class Refused extends Error {
	constructor(
		readonly reason: ReadRefusal,
		readonly where?: string
	) {
		super(reason);
	}
}
