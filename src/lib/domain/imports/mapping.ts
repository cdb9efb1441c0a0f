/**
 * Column mapping: which column of the file fills which field. Headers are matched by name,
 * Norwegian words and their usual variants (synonyms), ignoring case, spaces and punctuation;
 * a mapping the user chose before is remembered by the header's name, so the next file with
 * the same headers maps itself even when its columns come in another order.
 */

export interface ImportField {
	key: string;
	/** The sheet the field is read from, when a kind reads several (e.g. «Spor», «Tiltak»). */
	sheet?: string;
	label: string;
	required: boolean;
	/** What the field is called in files, besides its label. */
	synonyms: readonly string[];
	/** A short hint shown beside the field on the mapping step. */
	hint?: string;
}

/** Field key → column index of this file (0-based), or null when no column fills it. */
export type ColumnMapping = Record<string, number | null>;
/** Field key → header name, as remembered between imports. */
export type RememberedMapping = Record<string, string | null>;

/** «Lagres i:» and «lagres  i» compare equal: lower case, single spaces, no punctuation. */
export function normaliseHeader(header: string): string {
	return header
		.toLocaleLowerCase('nb-NO')
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim();
}

/** Excel's column letters: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
	let s = '';
	for (let i = index + 1; i > 0; i = Math.floor((i - 1) / 26)) {
		s = String.fromCharCode(65 + ((i - 1) % 26)) + s;
	}
	return s;
}

/** «B7»: the cell of a field in a row, as the spreadsheet names it. */
export function cellName(column: number, rowNumber: number): string {
	return `${columnLetter(column)}${rowNumber}`;
}

/**
 * The mapping for `headers`: first what was remembered (by header name), then each field's
 * label and synonyms. A column fills at most one field; fields are served in their order.
 */
export function autoMap(
	fields: readonly ImportField[],
	headers: readonly string[],
	remembered: RememberedMapping = {}
): ColumnMapping {
	const names = headers.map(normaliseHeader);
	const taken = new Set<number>();
	const mapping: ColumnMapping = {};
	const claim = (key: string, index: number) => {
		mapping[key] = index;
		taken.add(index);
	};
	for (const field of fields) {
		const wanted = remembered[field.key];
		const index = wanted ? names.indexOf(normaliseHeader(wanted)) : -1;
		if (index >= 0 && !taken.has(index)) claim(field.key, index);
	}
	for (const field of fields) {
		if (mapping[field.key] !== undefined) continue;
		const words = [field.label, ...field.synonyms].map(normaliseHeader);
		const index = names.findIndex((n, i) => !taken.has(i) && n !== '' && words.includes(n));
		if (index >= 0) claim(field.key, index);
		else mapping[field.key] = null;
	}
	return mapping;
}

/** What to remember of a mapping: the header name per field, from the field's own sheet. */
export function rememberMapping(
	fields: readonly ImportField[],
	mapping: ColumnMapping,
	headersOf: (field: ImportField) => readonly string[]
): RememberedMapping {
	return Object.fromEntries(
		fields.map((field) => {
			const index = mapping[field.key];
			const header = index === null || index === undefined ? null : headersOf(field)[index];
			return [field.key, header ?? null];
		})
	);
}

/** Fields that are required but have no column. */
export function unmappedRequired(
	fields: readonly ImportField[],
	mapping: ColumnMapping
): ImportField[] {
	return fields.filter((f) => f.required && (mapping[f.key] ?? null) === null);
}

/**
 * The mapping read from a form: `column.<key>` holds a column index or ''. `columnsOf` is how
 * many columns the field's sheet has; an index outside it is no choice.
 */
export function mappingFromValues(
	fields: readonly ImportField[],
	columnsOf: (field: ImportField) => number,
	read: (name: string) => string | undefined
): ColumnMapping {
	const mapping: ColumnMapping = {};
	for (const field of fields) {
		const raw = read(`column.${field.key}`) ?? '';
		const n = Number(raw);
		const ok = raw !== '' && Number.isInteger(n) && n >= 0 && n < columnsOf(field);
		mapping[field.key] = ok ? n : null;
	}
	return mapping;
}

/** The two fields the same column cannot fill at once, or null. */
export function doubleMapped(
	fields: readonly ImportField[],
	mapping: ColumnMapping
): [ImportField, ImportField] | null {
	const seen = new Map<string, ImportField>();
	for (const field of fields) {
		const index = mapping[field.key];
		if (index === null || index === undefined) continue;
		const column = `${field.sheet ?? ''}:${index}`;
		const other = seen.get(column);
		if (other) return [other, field];
		seen.set(column, field);
	}
	return null;
}

/** A file's sheets as the mapping step sees them: their names and header rows. */
export type SheetHeaders = readonly { name: string; headers: readonly string[] }[];

/**
 * Which of the file's sheets holds a level of a kind read from several sheets: the sheet of one
 * of the level's names, or, for a file of one sheet (a CSV), the level `detect` reads from its
 * headers (normalised). -1 when none.
 */
export function levelSheetIndex<L extends string>(
	sheets: SheetHeaders,
	level: L,
	names: Record<L, readonly string[]>,
	detect: (headers: string[]) => L
): number {
	const named = sheets.findIndex((s) => names[level].includes(normaliseHeader(s.name)));
	if (named >= 0) return named;
	if (sheets.length !== 1) return -1;
	return detect(sheets[0]!.headers.map(normaliseHeader)) === level ? 0 : -1;
}

/** The mapping of every level present, each matched against its own sheet's headers. */
export function levelMapping<L extends string>(
	fields: readonly ImportField[],
	levels: Iterable<L>,
	sheets: SheetHeaders,
	sheetIndex: (sheets: SheetHeaders, level: L) => number,
	remembered?: RememberedMapping
): ColumnMapping {
	const mapping: ColumnMapping = {};
	for (const level of levels) {
		const own = fields.filter((x) => x.sheet === level);
		const index = sheetIndex(sheets, level);
		Object.assign(mapping, autoMap(own, index >= 0 ? sheets[index]!.headers : [], remembered));
	}
	return mapping;
}
