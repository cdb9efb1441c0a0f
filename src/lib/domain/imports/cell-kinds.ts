/**
 * What a spreadsheet cell held, and what each field takes. An xlsx cell is typed: a number, a
 * TRUE/FALSE, a date or text. Read as text they all look alike («42», «Ja»), so a title typed as
 * 42 or a description that is a checkbox's TRUE would pass a text check; each field says which
 * kinds it takes, and any other is an error on its row and column. A number is fine where a
 * number is expected (an id, a value, a day of the month, a track code such as 2), a date where
 * a date is; a CSV cell is text and is judged by the field's own rules as before.
 */

/** `s` text, `n` number, `b` TRUE/FALSE, `d` date. */
export type CellKind = 's' | 'n' | 'b' | 'd';

export const CELL_KINDS: readonly CellKind[] = ['s', 'n', 'b', 'd'];

/** What a field takes besides text; text is always taken. */
export type FieldKinds = readonly CellKind[];

/** The kind of cell `index` of a row (text when the reader kept none: CSV, pasted rows). */
export function kindAt(kinds: string | undefined, index: number): CellKind {
	const k = kinds?.[index];
	return k === 'n' || k === 'b' || k === 'd' ? k : 's';
}

/** The cell's kind when the field does not take it; null when it does. */
export function wrongKind(
	kinds: string | undefined,
	index: number | null | undefined,
	takes: FieldKinds = ['s']
): CellKind | null {
	if (index === null || index === undefined) return null;
	const kind = kindAt(kinds, index);
	return kind === 's' || takes.includes(kind) ? null : kind;
}

/**
 * The kinds each field takes besides text, by `field.key`; a field not named takes text only
 * (a title, a name, a description, a word from a list). Dates are typed cells where the
 * downloads write dates (exports/xlsx.ts), numbers where they write numbers.
 */
export const FIELD_TAKES: Readonly<Record<string, FieldKinds>> = {
	dueDay: ['n'],
	'tracks.externalId': ['n'],
	'tracks.code': ['n'],
	'projects.externalId': ['n'],
	'projects.startDate': ['d'],
	'projects.endDate': ['d'],
	'measures.externalId': ['n'],
	'measures.projectId': ['n'],
	'measures.startDate': ['d'],
	'measures.endDate': ['d'],
	'benefits.externalId': ['n'],
	'benefits.projectId': ['n'],
	'benefits.disbenefit': ['b'],
	'benefits.baselineValue': ['n'],
	'benefits.baselineDate': ['d'],
	'benefits.targetValue': ['n'],
	'benefits.targetDate': ['d'],
	'lines.externalId': ['n'],
	'lines.benefitId': ['n'],
	'lines.amountPerCase': ['n'],
	'lines.cases': ['n'],
	'lines.share': ['n'],
	'realisations.externalId': ['n'],
	'realisations.benefitId': ['n'],
	'realisations.period': ['d'],
	'realisations.value': ['n'],
	'realisations.assessment': ['n'],
	'realisations.supersedes': ['n']
};

/** The kinds a field takes: text, and what FIELD_TAKES adds. */
export const takesOf = (key: string): readonly CellKind[] => ['s', ...(FIELD_TAKES[key] ?? [])];
