/**
 * The annual internal-control report as files: a PDF for the kommunestyre (pdfmake, the
 * report tooling of reports/pdf.ts) and an xlsx with the same tables (exports/xlsx.ts). Both
 * take the same table descriptions (report-tables.ts), so the two cannot disagree. Both are in
 * the reader's language (messages/exports), as the page is; a frozen report is made in bokmål
 * (actions/report.ts).
 */
import { formatDay } from '$lib/format';
import { findingKindLabel } from '$lib/labels-control';
import { m } from '$lib/paraglide/messages';
import type { AssessmentField, Tertial } from '$lib/domain/control/vocabulary';
import { PdfReport } from '../../reports/pdf';
import { XlsxWorkbook } from '../../exports/xlsx';
import { datedFileName, organisationName } from '../../exports/download';
import type { SessionUser } from '../../auth/session';
import { CONTROL_REPORT_LIMIT, type ControlReportData } from './report';
import { controlReportTables, share } from './report-tables';

/** «Listen viser de 200 første av 240; resten står på siden …» */
function cutNote(shown: number, what: string): string {
	return m.export_control_cut({ shown: String(shown), what });
}

const TERTIAL: Record<Tertial, () => string> = {
	0: m.control_report_tertial_0,
	1: m.control_report_tertial_1,
	2: m.control_report_tertial_2,
	3: m.control_report_tertial_3
};

const FIELD: Record<AssessmentField, () => string> = {
	internal_control: m.control_report_field_internal_control,
	improvements: m.control_report_field_improvements,
	tilsyn: m.control_report_field_tilsyn
};

/** controlReportTitle's «Internkontroll 2026, 1. tertial (januar–april) – hele kommunen», translated. */
function reportTitle(d: ControlReportData): string {
	const unit = d.unit?.name ?? m.control_report_whole_municipality();
	const year = String(d.period.year);
	return d.period.tertial === 0
		? m.control_report_title({ year, unit })
		: m.control_report_title_tertial({ year, tertial: TERTIAL[d.period.tertial](), unit });
}

export interface ControlReportFile {
	content: Uint8Array;
	fileName: string;
	title: string;
}

/** The report as a PDF, with `status` (e.g. «Utkast (ikke frosset)») on the title page. */
export async function controlReportPdf(
	user: SessionUser,
	d: ControlReportData,
	now: Date,
	status: string
): Promise<ControlReportFile> {
	const t = controlReportTables(d);
	const title = reportTitle(d);
	const pdf = new PdfReport({
		title: m.export_control_title(),
		subtitle: m.export_control_subtitle({ title }),
		organisation: organisationName(),
		period: { from: d.period.from, to: d.period.to },
		issuedAt: now,
		notes: [
			m.export_control_as_of({ day: formatDay(d.asOf) }),
			m.export_pdf_prepared_by({ name: user.name }),
			m.export_pdf_status({ status })
		]
	});
	pdf
		.heading(m.export_control_routines())
		.paragraph(m.export_control_routines_intro())
		.facts([
			[m.export_control_units_with_wheels(), String(d.routines.total.units)],
			[m.export_control_wheels_in_use(), String(d.routines.total.wheels)],
			[m.export_control_tasks_in_period(), String(d.routines.total.tasks)]
		])
		.table(t.routines)
		.table(t.wheels);
	if (d.routines.wheelsCut)
		pdf.paragraph(cutNote(CONTROL_REPORT_LIMIT.wheels, m.export_control_the_wheels()));

	const c = d.controls.total;
	pdf
		.heading(m.export_control_controls())
		.paragraph(m.export_control_controls_intro())
		.facts([
			[m.export_control_due(), String(c.due)],
			[m.export_control_on_time(), String(c.onTime)],
			[m.export_control_late(), String(c.late)],
			[m.export_control_not_done(), String(c.notDone)],
			[m.export_control_share(), share(c.share)]
		])
		.table(t.controls);
	if (d.controls.rowsCut)
		pdf.paragraph(cutNote(CONTROL_REPORT_LIMIT.units, m.export_control_the_units()));

	const dv = d.deviations;
	pdf
		.heading(m.export_control_deviations())
		.paragraph(m.export_control_deviations_intro({ day: formatDay(d.today) }))
		.table(t.deviationSummary)
		.table(t.deviationRows);
	if (dv.listCut)
		pdf.paragraph(
			m.export_control_deviations_cut({ shown: String(dv.list.length), total: String(dv.total) })
		);

	const ts = d.tilsyn;
	pdf
		.heading(m.export_control_tilsyn())
		.facts([
			[m.export_control_tilsyn_count(), String(ts.count)],
			[m.export_control_closed(), String(ts.closed)],
			...ts.byKind.map((k): [string, string] => [
				findingKindLabel(k.code),
				m.export_control_kind_counts({
					total: String(k.total),
					open: String(k.open),
					closed: String(k.closed)
				})
			])
		])
		.table(t.tilsynRows)
		.table(t.findingRows);
	if (ts.listCut)
		pdf.paragraph(
			m.export_control_tilsyn_cut({ shown: String(ts.list.length), total: String(ts.count) })
		);
	if (ts.findingsCut) pdf.paragraph(cutNote(ts.findings.length, m.export_control_the_findings()));

	pdf.heading(m.export_control_assessment());
	for (const a of d.assessments) {
		pdf.heading(FIELD[a.field](), 2).paragraph(a.body.trim() || m.export_control_not_written());
	}
	return {
		content: await pdf.render(),
		fileName: datedFileName(fileBase(d), now, 'pdf'),
		title
	};
}

function fileBase(d: ControlReportData): string {
	const period = `${d.period.year}${d.period.tertial ? `-t${d.period.tertial}` : ''}`;
	return m.export_file_control({ period });
}

/** The report's tables as a workbook, one sheet each, and the assessments. */
export async function controlReportXlsx(d: ControlReportData, now: Date) {
	const t = controlReportTables(d, true);
	const xlsx = new XlsxWorkbook({
		title: reportTitle(d),
		organisation: organisationName(),
		createdAt: now,
		period: { from: d.period.from, to: d.period.to },
		notes: [
			m.export_control_figures_to({ day: formatDay(d.asOf) }),
			d.unit ? m.export_control_service_area({ name: d.unit.name }) : m.export_control_whole()
		]
	})
		.sheet({ ...t.routines, name: m.export_control_sheet_routines() })
		.sheet({ ...t.wheels, name: m.export_control_sheet_wheels() })
		.sheet({ ...t.controls, name: m.export_control_sheet_controls() })
		.sheet({ ...t.deviationSummary, name: m.export_control_sheet_deviation_counts() })
		.sheet({ ...t.deviationRows, name: m.export_control_sheet_deviations() })
		.sheet({ ...t.tilsynRows, name: m.export_control_sheet_tilsyn() })
		.sheet({ ...t.findingRows, name: m.export_control_sheet_findings() })
		.sheet({
			name: m.export_control_sheet_assessment(),
			caption: m.export_control_assessment_caption(),
			columns: [{ header: m.export_control_col_field() }, { header: m.export_control_col_text() }],
			rows: d.assessments.map((a) => [FIELD[a.field](), a.body])
		});
	return { content: await xlsx.render(), fileName: datedFileName(fileBase(d), now, 'xlsx') };
}
