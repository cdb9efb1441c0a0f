/**
 * Wheel tasks from a spreadsheet: the fields, and each row turned into the template form's
 * values, so the form's own schema (schemas/wheel.ts, taskSchema) judges an imported row
 * exactly as it judges a typed one. Seed 004's wheel («Årshjul enhet bo og habilitering») is a
 * table with the columns Ansvar, Lagres, Utført and Kommentar, where a month's name on a row of
 * its own heads the tasks due that month (the first month is the first column's header); that
 * layout is read as it is: such a row is no task, and the tasks under it are due yearly in it.
 */
import type { Month } from '../wheel/schedule';
import { autoMap, type ColumnMapping, type ImportField, type RememberedMapping } from './mapping';
import {
	dueDayText,
	isFullMonthName,
	monthOf,
	parseScheduleText,
	SCHEDULE_EXAMPLES,
	type ScheduleProblem
} from './wheel-schedule';

export const WHEEL_TASK_FIELDS: readonly ImportField[] = [
	{
		key: 'title',
		label: 'Oppgave',
		required: true,
		synonyms: ['tittel', 'navn', 'aktivitet', 'gjøremål', 'hva', 'oppgavetittel']
	},
	{ key: 'description', label: 'Beskrivelse', required: false, synonyms: ['detaljer', 'utdyping'] },
	{
		key: 'responsibleRole',
		label: 'Ansvar',
		required: true,
		synonyms: ['ansvarlig', 'rolle', 'hvem'],
		hint: 'Kan fylles med en standardverdi under.'
	},
	{
		key: 'storedIn',
		label: 'Lagres',
		required: true,
		synonyms: ['lagres i', 'lagret', 'lagret i', 'lagringssted', 'dokumentasjon', 'arkiv'],
		hint: 'Kan fylles med en standardverdi under.'
	},
	{
		key: 'schedule',
		label: 'Når',
		required: false,
		synonyms: [
			'tidspunkt',
			'tidsplan',
			'frekvens',
			'hyppighet',
			'hvor ofte',
			'måned',
			'måneder',
			'periode',
			'gjentas'
		],
		hint: `For eksempel ${SCHEDULE_EXAMPLES}. Uten kolonne: måneden som står som overskrift over oppgavene.`
	},
	{
		key: 'dueDay',
		label: 'Forfallsdag',
		required: false,
		synonyms: ['frist', 'dag', 'forfall', 'frist dag'],
		hint: 'Dag i måneden, 1–31; tom betyr siste dag.'
	},
	{
		key: 'reference',
		label: 'Henvisning',
		required: false,
		synonyms: ['referanse', 'hjemmel', 'lov', 'lovhjemmel', 'kilde', 'forskrift']
	}
];

/** Values for cells the file leaves empty, chosen on the mapping step. */
export interface WheelTaskDefaults {
	responsibleRole: string;
	storedIn: string;
}

/** The form's values for one row, and the column each field came from (for the messages). */
export interface WheelTaskRow {
	rowNumber: number;
	values: Record<string, string | string[]>;
	/** Set when the row has no schedule to go by; the row is then refused with this. */
	scheduleProblem: ScheduleProblem | null;
	/** The schedule came from the month heading above the row, not a cell. */
	fromHeading: Month | null;
}

/** The mapping for a file: a header that is a month's name is the seed's title column. */
export function wheelTaskMapping(
	headers: readonly string[],
	remembered?: RememberedMapping
): ColumnMapping {
	const mapping = autoMap(WHEEL_TASK_FIELDS, headers, remembered);
	if (mapping.title === null) {
		const index = headers.findIndex((h) => isFullMonthName(h));
		const used = new Set(Object.values(mapping));
		if (index >= 0 && !used.has(index)) mapping.title = index;
	}
	return mapping;
}

const cell = (cells: readonly string[], index: number | null | undefined) =>
	index === null || index === undefined ? '' : (cells[index] ?? '').trim();

/**
 * Each task row of the sheet as the form's values. Blank rows are left out; a row with only a
 * month's name in the title column (and nothing else mapped) is a heading, not a task.
 */
export function wheelTaskRows(
	headers: readonly string[],
	rows: readonly { rowNumber: number; cells: readonly string[] }[],
	mapping: ColumnMapping,
	defaults: WheelTaskDefaults
): WheelTaskRow[] {
	const titleHeader = mapping.title === null ? '' : (headers[mapping.title!] ?? '');
	let heading: Month | null = isFullMonthName(titleHeader) ? monthOf(titleHeader) : null;
	const out: WheelTaskRow[] = [];
	const others = Object.entries(mapping).filter(([key]) => key !== 'title');
	for (const row of rows) {
		if (row.cells.every((c) => c.trim() === '')) continue;
		const title = cell(row.cells, mapping.title);
		const othersEmpty = others.every(([, index]) => cell(row.cells, index) === '');
		if (othersEmpty && isFullMonthName(title)) {
			heading = monthOf(title);
			continue;
		}
		const scheduleText = cell(row.cells, mapping.schedule);
		const dueText = cell(row.cells, mapping.dueDay);
		let scheduleProblem: ScheduleProblem | null = null;
		let schedule: Record<string, string | string[]> = {};
		let fromHeading: Month | null = null;
		if (scheduleText !== '') {
			const parsed = parseScheduleText(scheduleText);
			if (parsed.ok) schedule = { ...parsed.values };
			else scheduleProblem = parsed.problem;
		} else if (heading !== null) {
			schedule = { scheduleKind: 'yearly', month: String(heading), dueDay: '' };
			fromHeading = heading;
		} else {
			scheduleProblem = { code: 'missing' };
		}
		if (dueText !== '') {
			// A due day in its own column wins over one written in the schedule text; a text the
			// form cannot read goes to the form as it is, which answers with its own message.
			schedule.dueDay = dueDayText(dueText) ?? dueText;
		}
		out.push({
			rowNumber: row.rowNumber,
			values: {
				title,
				description: cell(row.cells, mapping.description),
				responsibleRole:
					cell(row.cells, mapping.responsibleRole) || defaults.responsibleRole.trim(),
				storedIn: cell(row.cells, mapping.storedIn) || defaults.storedIn.trim(),
				reference: cell(row.cells, mapping.reference),
				...schedule
			},
			scheduleProblem,
			fromHeading
		});
	}
	return out;
}

/** The field a form error belongs to: the schedule's parts are the schedule column. */
export function wheelTaskFieldOf(path: string): string {
	if (path === 'scheduleKind' || path === 'months' || path === 'month') return 'schedule';
	if (path === '_form' || path === '') return 'title';
	return path;
}

/** Titles compare without case and extra spaces: «HMS-dag» and «hms-dag » are one task. */
export function titleKey(title: string): string {
	return title.toLocaleLowerCase('nb-NO').replace(/\s+/g, ' ').trim();
}
