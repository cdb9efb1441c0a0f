/**
 * Etterlevelse as a spreadsheet (steering issue «Spreadsheets»: wheel compliance per unit ×
 * month): the rows the page shows for the same filter (year, wheel, unit, rows opened), one
 * line per row and month, and the page's own sum per month on a sheet of its own. The figures
 * are the page's (complianceView), so the workbook and the page cannot disagree. At most 12
 * rows are opened at once, so the sheet is bounded by the units on one level × 12 months.
 */
import { MONTHS } from '$lib/domain/wheel/schedule';
import { XlsxWorkbook } from '$lib/server/exports/xlsx';
import { datedFileName, organisationName } from '$lib/server/exports/download';
import type { CellValue } from '$lib/server/reports/table';
import { m } from '$lib/paraglide/messages';
import { complianceView } from './compliance';

const share = (onTime: number, total: number) => (total ? onTime / total : null);

export async function complianceXlsx(url: URL, now: Date) {
	const view = complianceView(url, now);
	const month = (i: number) => `${view.filter.year}-${String(i + 1).padStart(2, '0')}`;
	const rows: CellValue[][] = view.rows.flatMap((r) =>
		MONTHS.map((_, i) => [
			r.unitId,
			r.name,
			r.kind === 'own' ? m.export_compliance_own() : m.export_compliance_with_subunits(),
			r.depth,
			month(i),
			r.total[i] ?? 0,
			r.signed[i] ?? 0,
			r.onTime[i] ?? 0,
			share(r.onTime[i] ?? 0, r.total[i] ?? 0)
		])
	);
	const sums = MONTHS.map((_, i): CellValue[] => [
		month(i),
		view.total.total[i] ?? 0,
		view.total.signed[i] ?? 0,
		view.total.onTime[i] ?? 0,
		share(view.total.onTime[i] ?? 0, view.total.total[i] ?? 0)
	]);
	const add = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
	const wheel = view.wheels.find((w) => w.id === view.filter.wheelId);
	const notes = [
		m.export_compliance_year({ year: String(view.filter.year) }),
		wheel ? m.export_compliance_wheel({ name: wheel.name }) : m.export_compliance_all_wheels(),
		view.path.length
			? m.export_compliance_unit_path({ path: view.path.map((p) => p.name).join(' › ') })
			: m.export_compliance_top_level(),
		m.export_compliance_rows_note(),
		m.export_compliance_due_note()
	];
	const columns = [
		{ header: m.export_col_month(), format: 'month' as const },
		{ header: m.export_compliance_col_due(), format: 'integer' as const },
		{ header: m.export_compliance_col_signed(), format: 'integer' as const },
		{ header: m.export_compliance_col_on_time(), format: 'integer' as const },
		{ header: m.export_compliance_col_share(), format: 'percent' as const }
	];
	const xlsx = new XlsxWorkbook({
		title: m.export_compliance_title(),
		organisation: organisationName(),
		createdAt: now,
		period: { from: `${view.filter.year}-01-01`, to: `${view.filter.year}-12-31` },
		notes
	})
		.sheet({
			name: m.export_compliance_sheet_units(),
			caption: m.export_compliance_caption_units(),
			columns: [
				{ header: m.export_compliance_col_unit_id(), format: 'integer' },
				{ header: m.export_compliance_col_unit() },
				{ header: m.export_compliance_col_row() },
				{ header: m.export_compliance_col_depth(), format: 'integer' },
				...columns
			],
			rows,
			empty: m.export_compliance_none()
		})
		.sheet({
			name: m.export_compliance_sheet_sums(),
			caption: m.export_compliance_sheet_sums(),
			columns,
			rows: sums,
			totals: [
				m.export_sum(),
				add(view.total.total),
				add(view.total.signed),
				add(view.total.onTime),
				share(add(view.total.onTime), add(view.total.total))
			]
		});
	return {
		content: await xlsx.render(),
		fileName: datedFileName(
			m.export_file_compliance({ year: String(view.filter.year) }),
			now,
			'xlsx'
		),
		rows: rows.length
	};
}
