/**
 * Styringsrapport (PDF) for a chosen period: what /styring shows — the mission and its effect
 * goals, each track's status, projects, gains, benefits behind plan, risks and wheel compliance
 * — plus what changed in the period, the benefits behind plan with cause and corrective measure,
 * and the largest open risks. The figures are `steeringPage`'s, for this user: what the page
 * would not show this user (compliance), the report leaves out too (access.ts).
 *
 * Long lists are cut at a length a meeting can read, and the report says how many there are and
 * where the rest is (the page, the benefits register in Excel).
 */
import { error } from '@sveltejs/kit';
import { osloDayStartMs } from '$lib/domain/shared/oslo-day';
import { tertialToDate } from '$lib/domain/reports/period';
import { steeringReportQuery } from '$lib/schemas/reports';
import { isScaleValue, riskScore, severityFor } from '$lib/domain/portfolio/risk';
import type { RiskStatus } from '$lib/domain/portfolio/vocabulary';
import type { BenefitUnit } from '$lib/domain/benefits/vocabulary';
import { riskStatusLabel, severityLabel } from '$lib/labels-portfolio';
import { unitLabel } from '$lib/labels-benefits';
import { m } from '$lib/paraglide/messages';
import { trackComplianceBars, trackGainBars, trackLabel } from '$lib/charts/steering-inputs';
import { formatDay, formatKroner, formatPercent, osloDay } from '$lib/format';
import { getMission } from '$lib/server/db/queries/mission';
import { listBehindPage } from '$lib/server/db/queries/gain-lists';
import { listRisksPage } from '$lib/server/db/queries/portfolio-risks';
import { CHANGE_KINDS, countChangesSince, listChangesSince } from '$lib/server/db/queries/steering';
import type { SessionUser } from '$lib/server/auth/session';
import { PdfReport } from '../../reports/pdf';
import { barChartSvg } from '../../reports/bar-svg';
import type { CellValue } from '../../reports/table';
import { datedFileName, organisationName } from '../../exports/download';
import { steeringPage, type SteeringGains } from './steering';
import { changeKindLabel, changeView } from './since-meeting';

/** Rows listed at most per list; the report says how many there are in all. */
export const REPORT_LIST_LIMIT = { changes: 100, behind: 100, risks: 15 } as const;

export interface SteeringReportFile {
	content: Uint8Array;
	fileName: string;
	title: string;
}

const share = (p: number | null) => (p === null ? '–' : formatPercent(p));

const pair = (p: { planned: number; realised: number }) =>
	m.export_steering_pair({ realised: formatKroner(p.realised), planned: formatKroner(p.planned) });

/** Gross, dis-benefits and net (domain/benefits/net.ts): every sum in the report shows all three. */
function gainCells(g: SteeringGains | null): CellValue[] {
	if (!g)
		return [
			0,
			0,
			0,
			'–',
			pair({ planned: 0, realised: 0 }),
			pair({ planned: 0, realised: 0 }),
			0,
			0
		];
	return [
		g.benefits,
		g.kroner.planned,
		g.kroner.realised,
		share(g.kroner.percent),
		pair(g.kroner.disbenefits),
		pair(g.kroner.net),
		g.hours.planned,
		g.hours.realised
	];
}

/** The gain columns, in the request's language. */
const gainColumns = () =>
	[
		{ header: m.export_steering_col_benefits(), format: 'integer', width: 40 },
		{ header: m.export_steering_col_planned_kr(), format: 'kroner', width: 60 },
		{ header: m.export_steering_col_realised_kr(), format: 'kroner', width: 60 },
		{ header: m.export_steering_col_share(), width: 32 },
		{ header: m.export_steering_col_disbenefits(), width: 70 },
		{ header: m.export_steering_col_net(), width: 70 },
		{ header: m.export_steering_col_planned_hours(), format: 'integer', width: 40 },
		{ header: m.export_steering_col_realised_hours(), format: 'integer', width: 40 }
	] as const;

/**
 * The report for `period` (ISO days, inclusive), made from the database as it stands at
 * `now`; «til nå» figures are as of `now`, the change list covers the period.
 */
export async function steeringReportPdf(
	user: SessionUser,
	period: { from: string; to: string },
	now: Date,
	options: { status?: string } = {}
): Promise<SteeringReportFile> {
	const title = m.export_steering_title();
	const page = steeringPage(user, { since: period.from, kind: null, after: null }, now);
	const pdf = new PdfReport({
		title,
		subtitle: page.mission?.statement,
		organisation: organisationName(),
		period,
		issuedAt: now,
		notes: [
			m.export_steering_as_of({ day: formatDay(page.asOf) }),
			m.export_pdf_prepared_by({ name: user.name }),
			...(options.status ? [m.export_pdf_status({ status: options.status })] : [])
		]
	});
	const file = (content: Uint8Array) => ({
		content,
		fileName: datedFileName(m.export_file_steering(), now, 'pdf'),
		title: `${title} ${period.from} – ${period.to}`
	});

	const mission = getMission();
	if (!page.mission || !page.total || !mission) {
		pdf.heading(m.export_steering_mission()).paragraph(m.export_steering_no_mission());
		return file(await pdf.render());
	}

	pdf
		.heading(m.export_steering_mission_goals())
		.paragraph(
			`${page.mission.statement} (${page.mission.baselineYear}–${page.mission.targetYear})`
		)
		.facts([
			[m.export_steering_fact_benefits(), String(page.total.gains.benefits)],
			[m.export_steering_fact_disbenefits(), String(page.total.gains.disbenefits)],
			[m.export_steering_fact_net(), pair(page.total.gains.kroner.net)],
			[
				m.export_steering_fact_behind(),
				m.export_steering_fact_behind_value({
					count: String(page.total.behind.count),
					withCause: String(page.total.behind.withCause),
					withoutCause: String(page.total.behind.withoutCause)
				})
			],
			[m.export_steering_fact_at_risk(), String(page.total.behind.atRisk)]
		])
		.table({
			caption: m.export_steering_goals_caption(),
			columns: [
				{ header: m.export_steering_col_goal(), width: '*' },
				{ header: m.export_steering_col_level(), width: 50 },
				...gainColumns()
			],
			rows: [
				[m.export_steering_whole_mission(), '', ...gainCells(page.total.gains)],
				...page.goals.map((g) => [`${g.number}. ${g.title}`, g.levelLabel, ...gainCells(g.gains)])
			],
			empty: m.export_steering_no_goals()
		});

	pdf.heading(m.export_steering_tracks()).table({
		caption: m.export_steering_tracks_caption(),
		columns: [
			{ header: m.export_steering_col_track(), width: '*' },
			{ header: m.export_steering_col_status(), width: 110 },
			{ header: m.export_steering_col_projects(), width: 90 },
			{ header: m.export_steering_col_behind(), width: 55 },
			{ header: m.export_steering_col_at_risk(), width: 45 },
			{ header: m.export_steering_col_risks(), width: 60 },
			...(page.complianceYear !== null
				? [
						{
							header: m.export_steering_col_compliance({ year: String(page.complianceYear) }),
							width: 60
						}
					]
				: [])
		],
		rows: page.tracks.map((t) => [
			`${trackLabel(t)}${t.prioritised ? m.export_steering_prioritised() : ''}`,
			t.status.label,
			`${t.projects.total}: ${t.projects.phases.map((p) => `${p.count} ${p.label.toLowerCase()}`).join(', ') || m.export_steering_no_projects()}`,
			`${t.behind.count} (${t.behind.withoutCause})`,
			String(t.behind.atRisk),
			`${t.risks.high} / ${t.risks.medium} / ${t.risks.low}`,
			...(t.compliance
				? [`${share(t.compliance.percent)} (${t.compliance.overdue})`]
				: page.complianceYear !== null
					? ['–']
					: [])
		]),
		empty: m.export_steering_no_tracks()
	});
	pdf.table({
		caption: m.export_steering_track_gains_caption(),
		columns: [{ header: m.export_steering_col_track(), width: '*' }, ...gainColumns()],
		rows: page.tracks.map((t) => [trackLabel(t), ...gainCells(t.gains)]),
		empty: m.export_steering_no_tracks()
	});
	if (page.tracks.length) {
		pdf.chart(barChartSvg(trackGainBars(page.tracks)), m.export_steering_gain_chart());
		if (page.complianceYear !== null) {
			pdf.chart(
				barChartSvg(trackComplianceBars(page.tracks)),
				m.export_steering_compliance_chart({ year: String(page.complianceYear) })
			);
		}
	}

	changesInPeriod(pdf, period, now);
	behindPlan(pdf, mission, page.total.behind.count);
	topRisks(pdf);

	return file(await pdf.render());
}

function changesInPeriod(pdf: PdfReport, period: { from: string; to: string }, now: Date) {
	const window = {
		since: osloDayStartMs(period.from),
		until: Math.min(now.getTime(), osloDayStartMs(period.to, 1) - 1)
	};
	const counts = countChangesSince(window);
	const limit = REPORT_LIST_LIMIT.changes;
	const rows = window.since <= window.until ? listChangesSince(window, null, null, limit) : [];
	const total = Object.values(counts).reduce((a, b) => a + b, 0);
	pdf
		.heading(m.export_steering_changes())
		.facts(CHANGE_KINDS.map((kind) => [changeKindLabel(kind), String(counts[kind])]))
		.table({
			caption: m.export_steering_changes_caption(),
			columns: [
				{ header: m.export_steering_col_time(), format: 'date', width: 65 },
				{ header: m.export_steering_col_what(), width: 90 },
				{ header: m.export_steering_col_subject(), width: '*' },
				{ header: m.export_steering_col_change(), width: '*' }
			],
			rows: rows.map((r) => {
				const c = changeView(r);
				return [new Date(c.at), c.kindLabel, c.title, c.detail];
			}),
			empty: m.export_steering_no_changes()
		});
	if (total > rows.length) {
		pdf.paragraph(
			m.export_steering_changes_cut({ shown: String(rows.length), total: String(total) })
		);
	}
}

function behindPlan(
	pdf: PdfReport,
	mission: { id: number; behindPlanMarginPercent: number },
	count: number
) {
	const scope = { missionId: mission.id, projectId: null, trackId: null, level: null };
	const rows = listBehindPage(scope, mission.behindPlanMarginPercent, {}, REPORT_LIST_LIMIT.behind);
	pdf
		.heading(m.export_steering_behind())
		.paragraph(
			[
				m.benefits_behind_rule({ margin: String(mission.behindPlanMarginPercent) }),
				m.benefits_at_risk_rule(),
				m.export_steering_behind_cause_note()
			].join(' ')
		)
		.table({
			caption: m.export_steering_behind_caption(),
			columns: [
				{ header: m.export_steering_col_benefit(), width: 90 },
				{ header: m.export_steering_col_project(), width: 70 },
				{ header: m.export_steering_col_month(), format: 'month', width: 50 },
				{ header: m.export_steering_col_planned(), format: 'number', width: 50 },
				{ header: m.export_steering_col_realised(), format: 'number', width: 50 },
				{ header: m.export_steering_col_cause(), width: '*' },
				{ header: m.export_steering_col_corrective(), width: '*' }
			],
			rows: rows.map((b) => {
				const current = b.followUpPeriod === b.statusPeriod && b.cause !== null;
				const notRecorded = m.export_steering_not_recorded();
				return [
					`${b.title}${b.unit ? ` (${unitLabel(b.unit as BenefitUnit).toLowerCase()})` : ''}`,
					b.projectTitle,
					b.statusPeriod,
					b.statusPlanned,
					b.statusRealised,
					current ? b.cause : notRecorded,
					current ? b.correctiveMeasure || notRecorded : notRecorded
				];
			}),
			empty: m.export_steering_none_behind()
		});
	if (count > rows.length) {
		pdf.paragraph(
			m.export_steering_behind_cut({ shown: String(rows.length), total: String(count) })
		);
	}
}

function topRisks(pdf: PdfReport) {
	const filter = {
		closed: 0,
		likelihood: null,
		consequence: null,
		trackId: null,
		area: null
	} as const;
	const rows = listRisksPage(filter, 'score', {}, REPORT_LIST_LIMIT.risks).slice(
		0,
		REPORT_LIST_LIMIT.risks
	);
	pdf.heading(m.export_steering_risks()).table({
		caption: m.export_steering_risks_caption({ limit: String(REPORT_LIST_LIMIT.risks) }),
		columns: [
			{ header: m.export_steering_col_risk(), width: '*' },
			{ header: m.export_steering_col_subject(), width: 120 },
			{ header: m.export_steering_col_score(), width: 55 },
			{ header: m.export_steering_col_severity(), width: 55 },
			{ header: m.export_steering_col_status(), width: 55 }
		],
		rows: rows.map((r) => {
			const score =
				isScaleValue(r.likelihood) && isScaleValue(r.consequence)
					? riskScore(r.likelihood, r.consequence)
					: r.likelihood * r.consequence;
			return [
				r.title,
				(r.projectId !== null
					? m.export_steering_subject_project
					: m.export_steering_subject_measure)({
					title: r.subjectTitle
				}),
				`${r.likelihood} × ${r.consequence} = ${score}`,
				severityLabel(severityFor(score)),
				riskStatusLabel(r.status as RiskStatus)
			];
		}),
		empty: m.export_steering_no_risks()
	});
}

/**
 * The report the address asks for (`fra`, `til`; the current tertial when both are missing).
 * A bad period is a 400 with the reason in Norwegian, never a 500.
 */
export async function steeringReportFor(user: SessionUser, url: URL, now: Date) {
	const fra = url.searchParams.get('fra');
	const til = url.searchParams.get('til');
	const fallback = tertialToDate(osloDay(now));
	const parsed = steeringReportQuery.safeParse({
		fra: fra || fallback.from,
		til: til || fallback.to
	});
	if (!parsed.success) error(400, parsed.error.issues[0]?.message ?? 'Ugyldig periode');
	return steeringReportPdf(user, { from: parsed.data.fra, to: parsed.data.til }, now, {
		status: m.export_pdf_draft()
	});
}
