/**
 * The report page's words that the domain keeps in bokmål for the PDF and the spreadsheet
 * (domain/control/report.ts: TERTIAL_LABEL, ASSESSMENT_FIELD_*), in the reader's language.
 */
import { m } from '$lib/paraglide/messages';
import type { ReportPeriod } from '$lib/domain/control/report';
import type { AssessmentField, Tertial } from '$lib/domain/control/vocabulary';

const TERTIAL: Record<Tertial, () => string> = {
	0: m.control_report_tertial_0,
	1: m.control_report_tertial_1,
	2: m.control_report_tertial_2,
	3: m.control_report_tertial_3
};
export const tertialLabel = (t: Tertial) => TERTIAL[t]();

const FIELD: Record<AssessmentField, () => string> = {
	internal_control: m.control_report_field_internal_control,
	improvements: m.control_report_field_improvements,
	tilsyn: m.control_report_field_tilsyn
};
export const assessmentLabel = (f: AssessmentField) => FIELD[f]();

const HINT: Record<AssessmentField, () => string> = {
	internal_control: m.control_report_hint_internal_control,
	improvements: m.control_report_hint_improvements,
	tilsyn: m.control_report_hint_tilsyn
};
export const assessmentHint = (f: AssessmentField) => HINT[f]();

/** «Internkontroll 2026, 1. tertial (januar–april) – Helse og omsorg» (controlReportTitle). */
export function reportTitle(period: ReportPeriod, unitName: string | null): string {
	const unit = unitName ?? m.control_report_whole_municipality();
	return period.tertial === 0
		? m.control_report_title({ year: period.year, unit })
		: m.control_report_title_tertial({
				year: period.year,
				tertial: tertialLabel(period.tertial),
				unit
			});
}
