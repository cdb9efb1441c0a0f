/**
 * A wheel task's schedule written as text, as people write it in a spreadsheet and as the
 * templates page shows it: «hver måned», «mars, september», «årlig: juni», «Hvert år (jun)»,
 * «mars og september, den 15.», «Hver måned, siste dag». Seed 004's wheel has no schedule column
 * at all: a month's name heads the tasks due in it (wheel-tasks.ts reads that layout).
 * The answer is the template form's own fields, so the form's schema judges the result.
 */
import { dueMonths, monthName, MONTHS, type Month, type Schedule } from '../wheel/schedule';

export interface ScheduleValues {
	scheduleKind: 'monthly' | 'months' | 'yearly';
	months?: string[];
	month?: string;
	/** '' is the last day of the month, as in the form. */
	dueDay: string;
}

/**
 * Why a row has no schedule to go by, as a code and what the words need: the imports' messages
 * (server/imports/messages.ts) say it in the reader's language. `text` is the cell as written,
 * cut at 60 characters.
 */
export type ScheduleProblem =
	| { code: 'unreadable'; text: string }
	| { code: 'once_many_months'; text: string; months: number }
	| { code: 'missing' };

export type ScheduleParse =
	{ ok: true; values: ScheduleValues } | { ok: false; problem: ScheduleProblem };

const NAMES = [
	'januar',
	'februar',
	'mars',
	'april',
	'mai',
	'juni',
	'juli',
	'august',
	'september',
	'oktober',
	'november',
	'desember'
];

/** «januar», «jan», «jan.», «sept», «1»: the month, or null. */
export function monthOf(word: string): Month | null {
	const w = word.toLocaleLowerCase('nb-NO').replace(/\.$/, '').trim();
	if (/^\d{1,2}$/.test(w)) {
		const n = Number(w);
		return MONTHS.includes(n as Month) ? (n as Month) : null;
	}
	if (w.length < 3) return null;
	const index = NAMES.findIndex((name) => name === w || (w.length >= 3 && name.startsWith(w)));
	return index >= 0 ? ((index + 1) as Month) : null;
}

/** «Mars», «januar»: a month written out in full, as seed 004's headings are. */
export function isFullMonthName(text: string): boolean {
	return NAMES.includes(text.trim().toLocaleLowerCase('nb-NO'));
}

export const SCHEDULE_EXAMPLES = '«hver måned», «mars, september» eller «årlig: juni»';

const MONTHLY = /^(hver|alle|hver eneste)\s+(måned|mnd|måneder)$|^(månedlig|månedsvis|hver mnd)$/;
const YEARLY_PREFIX =
	/^(årlig|årleg|hvert år|én gang i året|en gang i året|1 gang i året|en gang per år)\s*(i\s+)?:?\s*/;
/** «den 15.», «frist 15», «dag 15», «siste dag», «innen den 10.» at the end, after a comma. */
const DUE_DAY =
	/(?:,\s*|\s+)(?:innen\s+)?(?:den|frist|dag|forfall)\s+(\d{1,2})\.?$|(?:,\s*|\s+)siste dag(?: i måneden)?$/;

/** A due day written alone («15», «15.», «siste dag», ''): the form's value, or null. */
export function dueDayText(text: string): string | null {
	const t = text.trim().toLocaleLowerCase('nb-NO');
	if (t === '' || /^siste( dag)?( i måneden)?$/.test(t)) return '';
	const m = /^(?:den\s+)?(\d{1,2})\.?$/.exec(t);
	return m ? m[1]! : null;
}

export function parseScheduleText(input: string): ScheduleParse {
	const written = input.trim().slice(0, 60);
	const fail = { ok: false as const, problem: { code: 'unreadable' as const, text: written } };
	let text = input.toLocaleLowerCase('nb-NO').replace(/\s+/g, ' ').trim();
	let dueDay = '';
	const due = DUE_DAY.exec(text);
	if (due) {
		dueDay = due[1] ?? '';
		text = text.slice(0, due.index).trim();
	}
	if (text === '') return fail;
	if (MONTHLY.test(text)) return { ok: true, values: { scheduleKind: 'monthly', dueDay } };
	const yearly = YEARLY_PREFIX.exec(text);
	if (yearly) text = text.slice(yearly[0].length);
	// «Hvert år i mar, sep» and «Hvert år (jun)», as the control matrix writes them.
	text = text.replace(/^i\s+/, '').replace(/[()]/g, ' ').trim();
	const words = text.split(/\s*(?:,|;|\/|\+|&|\bog\b)\s*|\s+/).filter(Boolean);
	if (words.length === 0) return fail;
	const months: Month[] = [];
	for (const word of words) {
		const month = monthOf(word);
		if (month === null) return fail;
		if (!months.includes(month)) months.push(month);
	}
	months.sort((a, b) => a - b);
	if (months.length === 1) {
		return { ok: true, values: { scheduleKind: 'yearly', month: String(months[0]), dueDay } };
	}
	if (yearly && /gang/.test(yearly[0])) {
		return {
			ok: false,
			problem: { code: 'once_many_months', text: written, months: months.length }
		};
	}
	return { ok: true, values: { scheduleKind: 'months', months: months.map(String), dueDay } };
}

/** A schedule in words, as the templates page writes it; parseScheduleText reads it back. */
export function describeSchedule(schedule: Schedule): string {
	const day = schedule.dueDay === null ? 'siste dag' : `den ${schedule.dueDay}.`;
	if (schedule.kind === 'monthly') return `Hver måned, ${day}`;
	return `${dueMonths(schedule).map(monthName).join(', ')}, ${day}`;
}
