/**
 * The portfolio's vocabularies in the reader's language (prioritisation lenses, ROS risk scales,
 * areas, statuses and list orders). The domain keeps its codes and bokmål labels
 * (src/lib/domain/portfolio/vocabulary.ts, for downloads and the change log); translated pages
 * show these. Levels, lifecycle statuses and RAG colours are in src/lib/labels.ts.
 */
import { m } from '$lib/paraglide/messages';
import { isPeriod } from '$lib/domain/portfolio/rules';
import type {
	ConsequenceArea,
	Lens,
	RiskSort,
	RiskStatus,
	ScaleValue,
	Severity
} from '$lib/domain/portfolio/vocabulary';
import type { Month } from '$lib/domain/wheel/schedule';
import type { NoticeKind } from '$lib/domain/control/vocabulary';
import type { ReportKind, ReportStatus } from '$lib/domain/reports/vocabulary';
import { monthLabel } from '$lib/labels';
import { countOf } from '$lib/format';

const LENS: Record<Lens, { label: () => string; short: () => string; question: () => string }> = {
	user: {
		label: m.portfolio_lens_user,
		short: m.portfolio_lens_short_user,
		question: m.portfolio_lens_question_user
	},
	service: {
		label: m.portfolio_lens_service,
		short: m.portfolio_lens_short_service,
		question: m.portfolio_lens_question_service
	},
	system: {
		label: m.portfolio_lens_system,
		short: m.portfolio_lens_short_system,
		question: m.portfolio_lens_question_system
	},
	benefit: {
		label: m.portfolio_lens_benefit,
		short: m.portfolio_lens_short_benefit,
		question: m.portfolio_lens_question_benefit
	},
	portfolio: {
		label: m.portfolio_lens_portfolio,
		short: m.portfolio_lens_short_portfolio,
		question: m.portfolio_lens_question_portfolio
	}
};

/** «Brukerperspektiv», «User perspective». */
export const lensLabel = (lens: Lens) => LENS[lens].label();
/** The lens without «perspektiv», for a table column: «Bruker», «User». */
export const lensShortLabel = (lens: Lens) => LENS[lens].short();
/** The question the steering group answers with a score on the lens. */
export const lensQuestion = (lens: Lens) => LENS[lens].question();

const LIKELIHOOD: Record<ScaleValue, () => string> = {
	1: m.portfolio_likelihood_1,
	2: m.portfolio_likelihood_2,
	3: m.portfolio_likelihood_3,
	4: m.portfolio_likelihood_4,
	5: m.portfolio_likelihood_5
};

const CONSEQUENCE: Record<ScaleValue, () => string> = {
	1: m.portfolio_consequence_1,
	2: m.portfolio_consequence_2,
	3: m.portfolio_consequence_3,
	4: m.portfolio_consequence_4,
	5: m.portfolio_consequence_5
};

const SEVERITY: Record<Severity, () => string> = {
	low: m.portfolio_severity_low,
	medium: m.portfolio_severity_medium,
	high: m.portfolio_severity_high
};

const AREA: Record<ConsequenceArea, () => string> = {
	service_quality: m.portfolio_area_service_quality,
	user_rights: m.portfolio_area_user_rights,
	finance: m.portfolio_area_finance,
	reputation: m.portfolio_area_reputation,
	privacy: m.portfolio_area_privacy,
	hse: m.portfolio_area_hse,
	delivery: m.portfolio_area_delivery
};

const RISK_STATUS: Record<RiskStatus, () => string> = {
	open: m.portfolio_risk_status_open,
	mitigating: m.portfolio_risk_status_mitigating,
	closed: m.portfolio_risk_status_closed
};

const RISK_SORT: Record<RiskSort, () => string> = {
	score: m.portfolio_risk_sort_score,
	title: m.portfolio_risk_sort_title,
	newest: m.portfolio_risk_sort_newest
};

export const likelihoodLabel = (value: ScaleValue) => LIKELIHOOD[value]();
export const consequenceLabel = (value: ScaleValue) => CONSEQUENCE[value]();
export const severityLabel = (severity: Severity) => SEVERITY[severity]();
export const areaLabel = (area: ConsequenceArea) => AREA[area]();
export const riskStatusLabel = (status: RiskStatus) => RISK_STATUS[status]();
export const riskSortLabel = (sort: RiskSort) => RISK_SORT[sort]();

/** A report month `YYYY-MM` as «oktober 2026», «October 2026» (formatPeriod, in bokmål only). */
export function periodLabel(period: string): string {
	if (!isPeriod(period)) return period;
	return `${monthLabel(Number(period.slice(5, 7)) as Month)} ${period.slice(0, 4)}`;
}

/** «3 prosjekter», «1 track»: a count and its noun in the reader's language. */
export const projectCount = (n: number) =>
	countOf(n, m.count_project_one(), m.count_project_many());
export const measureCount = (n: number) =>
	countOf(n, m.portfolio_count_measure_one(), m.portfolio_count_measure_many());
export const trackCount = (n: number) =>
	countOf(n, m.portfolio_count_track_one(), m.portfolio_count_track_many());
export const riskCount = (n: number) =>
	countOf(n, m.portfolio_count_risk_one(), m.portfolio_count_risk_many());

const NOTICE_KIND: Record<NoticeKind, () => string> = {
	due_soon: m.portfolio_notice_kind_due_soon,
	overdue: m.portfolio_notice_kind_overdue,
	escalation: m.portfolio_notice_kind_escalation,
	deviation_overdue: m.portfolio_notice_kind_deviation_overdue,
	measurement_due: m.portfolio_notice_kind_measurement_due,
	meeting: m.portfolio_notice_kind_meeting,
	plan_request: m.portfolio_notice_kind_plan_request,
	plan_shifted: m.portfolio_notice_kind_plan_shifted
};

/** What kind of notice it is, on /varsler: «Forfalt», «Overdue». */
export const noticeKindLabel = (kind: NoticeKind) => NOTICE_KIND[kind]();

const REPORT_KIND: Record<ReportKind, () => string> = {
	styringsrapport: m.portfolio_report_kind_styringsrapport,
	gevinstrealiseringsplan: m.portfolio_report_kind_gevinstrealiseringsplan,
	regneark: m.portfolio_report_kind_regneark,
	internkontroll: m.portfolio_report_kind_internkontroll
};

const REPORT_STATUS: Record<ReportStatus, () => string> = {
	draft: m.portfolio_report_status_draft,
	approved: m.portfolio_report_status_approved
};

/** A frozen report's kind and status on /rapporter: «Styringsrapport», «Draft». */
export const reportKindLabel = (kind: ReportKind) => REPORT_KIND[kind]();
export const reportStatusLabel = (status: ReportStatus) => REPORT_STATUS[status]();
