/**
 * The gevinstrealiseringsplan's sections on carrying it out (plan-report.ts): the measures and
 * their risks, and follow-up against the nullpunkt (a table, the causes of what lags, and the
 * realisation chart from the page's own Plot spec).
 */
import type { listFollowUps } from '../../db/queries/benefits-gains';
import type { listMeasuresByProject } from '../../db/queries/measures';
import type { Risk } from '../../db/schema';
import type { PdfReport } from '../../reports/pdf';
import { plotToSvg } from '../../reports/chart-svg';
import type { CellValue } from '../../reports/table';
import { realisationPlotOptions } from '$lib/charts/realisation';
import { riskScore, severityFor } from '$lib/domain/portfolio/risk';
import { formatKroner } from '$lib/format';
import type { ScaleValue } from '$lib/domain/portfolio/vocabulary';
import { lifecycleLabel } from '$lib/labels';
import { unitLabel } from '$lib/labels-benefits';
import { riskStatusLabel, severityLabel } from '$lib/labels-portfolio';
import { m as msg } from '$lib/paraglide/messages';
import {
	NR,
	type NameOf,
	type PlanBenefit,
	type PlanResults,
	type PlanSettings
} from './plan-report-benefits';

/** Charts drawn at most; the follow-up table lists every benefit. */
export const PLAN_CHART_LIMIT = 6;

/** The measures and the risks of the project and of each measure, worst first. */
export function measuresAndRisks(
	pdf: PdfReport,
	measures: ReturnType<typeof listMeasuresByProject>,
	risks: (Risk & { subject: string })[],
	nameOf: NameOf
): void {
	pdf.heading(msg.export_plan_measures_risks()).table({
		caption: msg.export_plan_measures(),
		columns: [
			{ header: msg.export_plan_col_measure(), width: '*' },
			{ header: msg.export_plan_status(), width: 80 },
			{ header: msg.export_plan_col_owner(), width: 110 },
			{ header: msg.export_plan_col_start(), format: 'date', width: 75 },
			{ header: msg.export_plan_col_end(), format: 'date', width: 75 }
		],
		rows: measures.map((m) => [
			m.title,
			lifecycleLabel(m.status),
			nameOf(m.ownerId) ?? NR(),
			m.startDate,
			m.endDate
		]),
		empty: msg.export_plan_no_measures()
	});
	pdf.table({
		caption: msg.export_plan_risks_caption(),
		columns: [
			{ header: msg.export_plan_col_subject(), width: 90 },
			{ header: msg.export_plan_col_risk(), width: '*' },
			{ header: msg.export_plan_col_score(), width: 40 },
			{ header: msg.export_plan_col_severity(), width: 60 },
			{ header: msg.export_plan_col_mitigation(), width: 120 },
			{ header: msg.export_plan_status(), width: 50 }
		],
		rows: risks
			.map((r) => ({
				r,
				score: riskScore(r.likelihood as ScaleValue, r.consequence as ScaleValue)
			}))
			.sort((a, b) => b.score - a.score || a.r.id - b.r.id)
			.map(({ r, score }) => [
				r.subject,
				r.title,
				`${r.likelihood} × ${r.consequence} = ${score}`,
				severityLabel(severityFor(score)),
				r.mitigation || NR(),
				riskStatusLabel(r.status)
			]),
		empty: msg.export_plan_no_risks()
	});
}

/** Follow-up against the nullpunkt, for a plan with at least one benefit. */
export function followUpSection(
	pdf: PdfReport,
	benefits: PlanBenefit[],
	results: PlanResults,
	followUps: ReturnType<typeof listFollowUps>,
	settings: PlanSettings
): void {
	const withPlan = benefits.filter((b) => (results.get(b.id)?.series.length ?? 0) > 0);
	const followRows = benefits.map((b): CellValue[] => {
		const s = results.get(b.id)?.status ?? null;
		return [
			b.title,
			b.unit ? unitLabel(b.unit) : msg.export_plan_assessment(),
			b.baselineValue,
			s?.period ?? null,
			s?.planned ?? null,
			s?.realised ?? null,
			s ? s.realised - s.planned : null,
			s
				? s.behind
					? msg.export_plan_behind()
					: msg.export_plan_on_track()
				: withPlan.includes(b)
					? msg.export_plan_not_measured()
					: msg.export_plan_no_plan()
		];
	});
	const krRows = benefits
		.map((b, i) => ({ b, row: followRows[i]! }))
		.filter(({ b }) => b.unit === 'kr');
	const realisedKr = krRows.reduce(
		(a, { b, row }) => a + (row[5] === null ? 0 : (row[5] as number) - (b.baselineValue ?? 0)),
		0
	);
	pdf
		.heading(msg.export_plan_follow_up())
		.paragraph(
			`${msg.export_plan_follow_up_intro()} ${msg.benefits_behind_rule({ margin: String(settings.marginPercent) })}`
		)
		.table({
			caption: msg.export_plan_follow_up_caption(),
			columns: [
				{ header: msg.export_plan_col_benefit(), width: '*' },
				{ header: msg.export_plan_col_unit(), width: 55 },
				{ header: msg.export_plan_col_baseline(), format: 'number', width: 60 },
				{ header: msg.export_plan_col_last_month(), format: 'month', width: 75 },
				{ header: msg.export_plan_col_planned(), format: 'number', width: 65 },
				{ header: msg.export_plan_col_realised(), format: 'number', width: 65 },
				{ header: msg.export_plan_col_deviation(), format: 'number', width: 60 },
				{ header: msg.export_plan_status(), width: 60 }
			],
			rows: followRows
		})
		.facts([[msg.export_plan_realised_kr(), formatKroner(realisedKr)]]);
	const causes = followUps.slice().sort((a, b) => a.period.localeCompare(b.period) || a.id - b.id);
	if (causes.length) {
		const titleOf = new Map(benefits.map((b) => [b.id, b.title]));
		pdf.table({
			caption: msg.export_plan_causes_caption(),
			columns: [
				{ header: msg.export_plan_col_benefit(), width: 120 },
				{ header: msg.export_plan_col_month(), format: 'month', width: 75 },
				{ header: msg.export_plan_col_cause(), width: '*' },
				{ header: msg.export_plan_col_corrective(), width: '*' }
			],
			rows: causes.map((f) => [
				titleOf.get(f.benefitId) ?? '',
				f.period,
				f.cause,
				f.correctiveMeasure
			])
		});
	}
	for (const b of withPlan.slice(0, PLAN_CHART_LIMIT)) {
		if (!b.unit) continue;
		const series = results.get(b.id)!.series;
		pdf.chart(
			plotToSvg(
				realisationPlotOptions(series, {
					unit: b.unit,
					subject: b.title,
					width: 480,
					height: 220
				})
			),
			msg.export_plan_chart({ title: b.title })
		);
	}
	if (withPlan.length > PLAN_CHART_LIMIT) {
		pdf.paragraph(
			msg.export_plan_charts_cut({
				limit: String(PLAN_CHART_LIMIT),
				total: String(benefits.length)
			})
		);
	}
}
