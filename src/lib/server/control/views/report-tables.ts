/**
 * The annual internal-control report's tables, one description for both outputs (reports/
 * table.ts): the PDF (narrow columns, joined) and the spreadsheet (a column for each value),
 * in the reader's language (messages/exports; the codes' words from labels-control.ts).
 */
import { formatDay, formatPercent, osloDay } from '$lib/format';
import {
	deviationSourceLabel,
	deviationStatusLabel,
	findingKindLabel,
	findingStatusLabel,
	severityLabel,
	tilsynStatusLabel
} from '$lib/labels-control';
import { m } from '$lib/paraglide/messages';
import type {
	DeviationSeverity,
	DeviationSource,
	DeviationStatus,
	FindingKind,
	FindingStatus,
	TilsynStatus
} from '$lib/domain/control/vocabulary';
import type { TableSpec } from '../../reports/table';
import type { ControlReportData } from './report';

export const share = (p: number | null) =>
	p === null ? '–' : formatPercent(Math.round(p * 1000) / 10);

/** The report's tables, in order, each under its section. */
export function controlReportTables(d: ControlReportData, wide = false) {
	const routines: TableSpec = {
		caption: m.export_control_routines_caption(),
		columns: [
			{ header: m.export_control_col_area(), width: '*' },
			{ header: m.export_control_units_with_wheels(), format: 'integer' },
			{ header: m.export_control_col_wheels(), format: 'integer' },
			{ header: m.export_control_col_tasks(), format: 'integer' }
		],
		rows: d.routines.byArea.map((a) => [a.name, a.units, a.wheels, a.tasks]),
		totals: [
			m.export_control_routines_sum(),
			d.routines.total.units,
			d.routines.total.wheels,
			d.routines.total.tasks
		],
		totalsNotSum: true,
		empty: m.export_control_no_routines()
	};
	const wheels: TableSpec = {
		caption: m.export_control_wheels_caption(),
		columns: [
			{ header: m.export_control_col_wheel(), width: '*' },
			{ header: m.export_control_col_owner_unit(), width: '*' },
			{ header: m.export_control_tasks_in_period(), format: 'integer' },
			{ header: m.export_control_col_units(), format: 'integer' }
		],
		rows: d.routines.wheels.map((w) => [w.name, w.ownerUnit, w.tasks, w.units]),
		empty: m.export_control_no_wheels()
	};
	const controls: TableSpec = {
		caption: m.export_control_controls_caption(),
		columns: [
			{ header: m.export_control_col_unit(), width: '*' },
			{ header: m.export_control_due(), format: 'integer' },
			{ header: m.export_control_on_time(), format: 'integer' },
			{ header: m.export_control_late(), format: 'integer' },
			{ header: m.export_control_not_done(), format: 'integer' },
			{ header: m.export_control_share() }
		],
		rows: d.controls.rows.map((r) => [
			`${r.depth ? '– ' : ''}${r.name}`,
			r.due,
			r.onTime,
			r.late,
			r.notDone,
			share(r.share)
		]),
		totals: [
			d.unit ? m.export_control_sum_for({ name: d.unit.name }) : m.export_control_whole(),
			d.controls.total.due,
			d.controls.total.onTime,
			d.controls.total.late,
			d.controls.total.notDone,
			share(d.controls.total.share)
		],
		// Each row holds the units under it: the rows' sum would count them twice.
		totalsNotSum: true,
		empty: m.export_control_no_controls()
	};
	const dv = d.deviations;
	const deviationSummary: TableSpec = {
		caption: m.export_control_deviation_summary_caption(),
		columns: [
			{ header: m.export_control_col_deviation(), width: '*' },
			{ header: m.export_control_col_count(), format: 'integer' }
		],
		rows: [
			[m.export_control_found_in_period(), dv.total],
			...dv.bySeverity.map((s) => [
				m.export_control_by_severity({ label: severityLabel(s.code) }),
				s.n
			]),
			...dv.bySource.map((s) => [
				m.export_control_by_source({ label: deviationSourceLabel(s.code) }),
				s.n
			]),
			[m.export_control_closed_all(), dv.closed],
			[m.export_control_closed_on_time(), dv.closedOnTime],
			[m.export_control_closed_late(), dv.closedLate],
			[m.export_control_closed_no_deadline(), dv.closedNoDeadline],
			[m.export_control_open(), dv.open],
			[m.export_control_open_overdue(), dv.openOverdue]
		]
	};
	// The PDF's page is narrow: what the spreadsheet has in columns of their own, it joins.
	const deviationRows: TableSpec = wide
		? {
				caption: m.export_control_deviation_rows_caption(),
				columns: [
					{ header: m.export_control_col_found(), format: 'date' },
					{ header: m.export_control_col_unit() },
					{ header: m.export_control_col_deviation() },
					{ header: m.export_control_col_severity() },
					{ header: m.export_control_col_source() },
					{ header: m.export_control_col_corrective() },
					{ header: m.export_control_col_responsible() },
					{ header: m.export_control_col_deadline(), format: 'date' },
					{ header: m.export_control_col_status() },
					{ header: m.export_control_col_closed(), format: 'date' },
					{ header: m.export_control_col_closing_note() }
				],
				rows: dv.list.map((r) => [
					r.foundOn,
					r.unitName,
					r.title,
					severityLabel(r.severity as DeviationSeverity),
					deviationSourceLabel(r.source as DeviationSource),
					r.correctiveAction,
					r.responsibleName,
					r.deadline,
					deviationStatusLabel(r.status as DeviationStatus),
					r.closedAt === null ? null : new Date(r.closedAt),
					r.closingNote
				]),
				empty: m.export_control_no_deviations()
			}
		: {
				caption: m.export_control_deviation_rows_caption(),
				columns: [
					{ header: m.export_control_col_found(), format: 'date', width: 52 },
					{ header: m.export_control_col_unit(), width: 62 },
					{ header: m.export_control_col_deviation(), width: '*' },
					{ header: m.export_control_col_deadline(), format: 'date', width: 52 },
					{ header: m.export_control_col_status(), width: 58 },
					{ header: m.export_control_col_follow_up(), width: '*' }
				],
				rows: dv.list.map((r) => [
					r.foundOn,
					r.unitName,
					`${r.title} (${severityLabel(r.severity as DeviationSeverity).toLowerCase()}; ${deviationSourceLabel(r.source as DeviationSource).toLowerCase()})`,
					r.deadline,
					r.closedAt === null
						? deviationStatusLabel(r.status as DeviationStatus)
						: m.export_control_closed_on({ day: formatDay(osloDay(new Date(r.closedAt))) }),
					r.closingNote ??
						([r.correctiveAction, r.responsibleName ? `(${r.responsibleName})` : '']
							.filter(Boolean)
							.join(' ') ||
							'–')
				]),
				empty: m.export_control_no_deviations()
			};
	const ts = d.tilsyn;
	const tilsynRows: TableSpec = {
		caption: m.export_control_tilsyn_caption(),
		columns: [
			{ header: m.export_control_col_authority(), width: '*' },
			{ header: m.export_control_col_units(), width: 80 },
			{ header: m.export_control_col_started(), format: 'date', width: 52 },
			{ header: m.export_control_col_breaches(), format: 'integer', width: 38 },
			{ header: m.export_control_col_remarks(), format: 'integer', width: 42 },
			{ header: m.export_control_col_open_findings(), format: 'integer', width: 32 },
			{ header: m.export_control_col_plan_deadline(), format: 'date', width: 52 },
			{ header: m.export_control_col_status(), width: 48 }
		],
		rows: ts.list.map((t) => [
			`${t.authority}: ${t.theme}`,
			t.units,
			t.startDate,
			t.breaches,
			t.remarks,
			t.openFindings,
			t.followUpDeadline,
			tilsynStatusLabel(t.status as TilsynStatus)
		]),
		empty: m.export_control_no_tilsyn()
	};
	const findingRows: TableSpec = {
		caption: m.export_control_findings_caption(),
		columns: [
			{ header: m.export_control_col_tilsyn(), width: 110 },
			{ header: m.export_control_col_finding(), width: 45 },
			{ header: m.export_control_col_description(), width: '*' },
			{ header: m.export_control_col_status(), width: 40 },
			{ header: m.export_control_sheet_deviations(), format: 'integer', width: 30 },
			{ header: m.export_control_col_plan_deadline(), format: 'date', width: 52 }
		],
		rows: ts.findings.map((f) => [
			`${f.authority}: ${f.theme}`,
			findingKindLabel(f.kind as FindingKind),
			f.text,
			findingStatusLabel(f.status as FindingStatus),
			f.deviations,
			f.followUpDeadline
		]),
		empty: m.export_control_no_findings()
	};
	return {
		routines,
		wheels,
		controls,
		deviationSummary,
		deviationRows,
		tilsynRows,
		findingRows
	};
}
