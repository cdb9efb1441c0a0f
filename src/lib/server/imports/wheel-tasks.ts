/**
 * Wheel tasks into a wheel template: each row judged by the template form's own schema
 * (schemas/wheel.ts, taskSchema), duplicates found by title among the wheel's tasks and the
 * file's earlier rows, and the rows created through the same write as the form's
 * (createWheelTask: the task, its calendar and its audit row).
 */
import { listWheelTasks } from '../db/queries/wheel';
import { cellName } from '$lib/domain/imports/mapping';
import { dueMonths, type Schedule } from '$lib/domain/wheel/schedule';
import { monthLabel } from '$lib/labels';
import {
	titleKey,
	WHEEL_TASK_FIELDS,
	wheelTaskFieldOf,
	wheelTaskRows
} from '$lib/domain/imports/wheel-tasks';
import { taskSchema, type TaskInput } from '$lib/schemas/wheel';
import type { StagedSheet } from './read';
import type { Preview, PreviewIssue, PreviewRow, StagedMapping } from './preview';
import { m } from '$lib/paraglide/messages';
import { fieldLabel } from './field-text';
import { cellKindMessage, scheduleProblemMessage } from './messages';
import { takesOf, wrongKind } from '$lib/domain/imports/cell-kinds';

/** The preview's columns, in the reader's language. */
export const wheelTaskColumns = () => [
	m.import_pcol_task(),
	m.import_pcol_description(),
	m.import_pcol_responsible(),
	m.import_pcol_stored_in(),
	m.import_pcol_when(),
	m.import_pcol_reference()
];

/** A schedule in the reader's words (bokmål: as describeSchedule in domain/imports writes it). */
function scheduleText(schedule: Schedule): string {
	const day =
		schedule.dueDay === null
			? m.import_cell_last_day()
			: m.import_cell_day({ day: schedule.dueDay });
	if (schedule.kind === 'monthly') return m.import_cell_monthly({ day });
	return m.import_cell_months({ months: dueMonths(schedule).map(monthLabel).join(', '), day });
}

const labelOf = (key: string) => {
	const field = WHEEL_TASK_FIELDS.find((f) => f.key === key);
	return field ? fieldLabel(field) : key;
};

export function wheelTaskPreview(
	sheet: StagedSheet,
	mapping: StagedMapping,
	wheelId: number
): Preview<TaskInput> {
	const existing = new Set(
		listWheelTasks(wheelId)
			.filter((t) => t.archivedAt === null)
			.map((t) => titleKey(t.title))
	);
	const defaults = {
		responsibleRole: mapping.defaults.responsibleRole ?? '',
		storedIn: mapping.defaults.storedIn ?? ''
	};
	const seen = new Map<string, number>();
	const rows: PreviewRow[] = [];
	const creates: TaskInput[] = [];
	const kindsOf = new Map(sheet.rows.map((r) => [r.rowNumber, r.kinds]));
	for (const row of wheelTaskRows(sheet.headers, sheet.rows, mapping.columns, defaults)) {
		const where = (field: string) => {
			const column = mapping.columns[field] ?? mapping.columns.title ?? null;
			return column === null || column === undefined ? '–' : cellName(column, row.rowNumber);
		};
		const issues: PreviewIssue[] = [];
		const fields = new Set<string>();
		// A cell of a kind its field does not take (42 as a task, TRUE as «Ansvar») is the
		// error on that cell; the text it reads as is not judged further.
		for (const field of WHEEL_TASK_FIELDS) {
			const found = wrongKind(
				kindsOf.get(row.rowNumber),
				mapping.columns[field.key],
				takesOf(field.key)
			);
			if (!found) continue;
			fields.add(field.key);
			issues.push({
				cell: where(field.key),
				field: labelOf(field.key),
				message: cellKindMessage(found, field.key)
			});
		}
		if (row.scheduleProblem && !fields.has('schedule')) {
			issues.push({
				cell: where('schedule'),
				field: labelOf('schedule'),
				message: scheduleProblemMessage(row.scheduleProblem)
			});
		}
		const parsed = taskSchema.safeParse(row.values);
		if (!parsed.success) {
			for (const issue of parsed.error.issues) {
				const field = wheelTaskFieldOf(issue.path.map(String).join('.'));
				// One message per field; the schedule's own problem already says it better.
				if (fields.has(field) || (field === 'schedule' && row.scheduleProblem)) continue;
				fields.add(field);
				issues.push({ cell: where(field), field: labelOf(field), message: issue.message });
			}
		}
		const shown = [
			String(row.values.title ?? ''),
			String(row.values.description ?? ''),
			String(row.values.responsibleRole ?? ''),
			String(row.values.storedIn ?? ''),
			parsed.success ? scheduleText(parsed.data.schedule) : '',
			String(row.values.reference ?? '')
		];
		if (!parsed.success || issues.length > 0) {
			rows.push({
				sheet: null,
				rowNumber: row.rowNumber,
				status: 'error',
				cells: shown,
				issues,
				note: null
			});
			continue;
		}
		const key = titleKey(parsed.data.title);
		const earlier = seen.get(key);
		if (existing.has(key)) {
			rows.push({
				sheet: null,
				rowNumber: row.rowNumber,
				status: 'existing',
				cells: shown,
				issues,
				note: m.import_note_task_exists()
			});
		} else if (earlier !== undefined) {
			rows.push({
				sheet: null,
				rowNumber: row.rowNumber,
				status: 'repeated',
				cells: shown,
				issues,
				note: m.import_note_task_repeated({ row: earlier })
			});
		} else {
			seen.set(key, row.rowNumber);
			rows.push({
				sheet: null,
				rowNumber: row.rowNumber,
				status: 'new',
				cells: shown,
				issues,
				note: null
			});
			creates.push(parsed.data);
		}
	}
	return { columns: wheelTaskColumns(), rows, creates };
}
