/** What an import page's load answers (server/imports/views.ts, importPage), for the components. */
/** One field of the columns step: which column feeds it, and its default for empty cells. */
export interface MappingField {
	key: string;
	label: string;
	/** The bokmål name the file's headings are matched against. */
	heading: string;
	required: boolean;
	hint: string | null;
	sheet: string;
	options: { value: string; label: string }[];
	column: string;
	hasDefault: boolean;
	default: string;
}

export interface ImportPageData {
	missing: boolean;
	upload: {
		limits: string;
		stagingMinutes: number;
		fields: {
			label: string;
			heading: string;
			sheet: string | null;
			required: boolean;
			hint: string | null;
		}[];
	};
	staged: null | {
		file: { token: string; fileName: string; format: string; rowCount: number };
		done: string | null;
		mapping: null | {
			sheets: string[];
			fields: MappingField[];
			chosen: boolean;
		};
		preview: null | {
			columns: string[];
			counts: { rows: number; new: number; skipped: number; errors: number };
			/** Which sheets were looked for and found, when the file has none of them. */
			noSheets: string | null;
			/** Why nothing in the file can be imported (no mission yet), said once for the file. */
			blocked: string | null;
			digest: string;
			issues: { rowNumber: number; cell: string; field: string; message: string }[];
			moreIssues: number;
			rows: {
				sheet: string | null;
				rowNumber: number;
				status: 'new' | 'existing' | 'repeated' | 'error';
				cells: string[];
				issues: { cell: string; field: string; message: string }[];
				note: string | null;
			}[];
			pager: { label: string; previous: string | null; next: string | null };
		};
	};
}
