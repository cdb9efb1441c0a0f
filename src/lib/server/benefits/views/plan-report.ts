/**
 * Gevinstrealiseringsplan for one project, as a PDF (steering issue «Reports»), in the sections
 * of Prosjektveiviseren's template and DFØ's guide to gevinstrealisering: who is responsible
 * for each benefit (gevinstansvarlig), the benefits with indicator, nullpunkt and target,
 * prissatte and ikke-prissatte virkninger, budsjettmessig virkning and alternativ anvendelse,
 * the measures and their risks, follow-up against the nullpunkt (a table and the realisation
 * chart from the page's own Plot spec) and the gevinstkart, drawn from the page's own layout
 * (reports/map-svg.ts) when it fits a page legibly, and as a table of its links.
 *
 * The data model keeps one take-out method per benefit (budsjettkutt, frigjort tid, bedre
 * kvalitet), not a budget year, a budget line or what the freed time is used for; the plan
 * shows the method and says «ikke registrert» for the rest rather than inventing it.
 *
 * Written in the reader's language (messages/exports); a frozen plan is made in bokmål
 * (archive/actions.ts).
 */
import { getMission, listEffectGoals } from '../../db/queries/mission';
import {
	listBenefitsByProjects,
	listChangesByProjects,
	listLinksByProjects
} from '../../db/queries/benefits';
import {
	listEstimateLines,
	listFollowUps,
	listPlannedPeriods,
	listRealisations
} from '../../db/queries/benefits-gains';
import { listMeasuresByProject } from '../../db/queries/measures';
import { listRisksByMeasure, listRisksByProject } from '../../db/queries/risks';
import { listUsers } from '../../db/queries/users';
import type { Project } from '../../db/schema';
import { PdfReport, chartWidth } from '../../reports/pdf';
import { benefitMapSvg } from '../../reports/map-svg';
import { buildMapInput } from '$lib/domain/benefit-map-input';
import { benefitMapLayouts } from '../map-layout';
import { listMapRows } from '../../db/queries/benefit-map';
import { plotToSvg } from '../../reports/chart-svg';
import type { CellValue, TableSpec } from '../../reports/table';
import { datedFileName, organisationName } from '../../exports/download';
import { toFacts } from '../scope';
import { benefitResult } from '$lib/domain/benefit-figures';
import { realisationPlotOptions } from '$lib/charts/realisation';
import { riskScore, severityFor } from '$lib/domain/risk';
import { formatKroner, formatNumber, osloDay } from '$lib/format';
import { NODE_KINDS, type NodeKind } from '$lib/domain/benefits/vocabulary';
import type { ScaleValue } from '$lib/domain/portfolio/vocabulary';
import { levelLabel, lifecycleLabel } from '$lib/labels';
import {
	beneficiaryLabel,
	benefitLevelLabel,
	nodeKindLabel,
	qualityLabel,
	takeoutLabel,
	unitLabel
} from '$lib/labels-benefits';
import { riskStatusLabel, severityLabel } from '$lib/labels-portfolio';
import { m as msg } from '$lib/paraglide/messages';

/** Charts drawn at most; the follow-up table lists every benefit. */
export const PLAN_CHART_LIMIT = 6;
const NR = () => msg.export_plan_not_recorded();

export interface PlanFile {
	content: Uint8Array;
	fileName: string;
	title: string;
	period: { from: string; to: string };
	benefits: number;
}

const slug = (s: string) =>
	s
		.toLocaleLowerCase('nb-NO')
		.replace(/æ/g, 'ae')
		.replace(/ø/g, 'o')
		.replace(/å/g, 'a')
		.normalize('NFKD')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '')
		.slice(0, 40) || 'prosjekt';

/** The project's plan as a PDF, from what the database holds at `now`. */
export async function gainPlanPdf(
	project: Project,
	now: Date,
	options: { status?: string; period?: { from: string; to: string } } = {}
): Promise<PlanFile> {
	const mission = getMission();
	const settings = {
		hourlyRateKroner: mission?.hourlyRateKroner ?? null,
		marginPercent: mission?.behindPlanMarginPercent ?? 20
	};
	const names = new Map(listUsers().map((u) => [u.id, u.name]));
	const nameOf = (id: number | null) => (id === null ? null : (names.get(id) ?? null));
	const benefits = listBenefitsByProjects([project.id]).sort((a, b) => a.id - b.id);
	const ids = benefits.map((b) => b.id);
	const lines = ids.length ? listEstimateLines(ids) : [];
	const realisations = ids.length ? listRealisations(ids) : [];
	const given = ids.length ? listPlannedPeriods(ids) : [];
	const followUps = ids.length ? listFollowUps(ids) : [];
	const results = new Map(
		benefits.map((b) => [b.id, benefitResult(toFacts(b, lines, realisations, given), settings)])
	);
	const measures = listMeasuresByProject(project.id);
	const risks = [
		...listRisksByProject(project.id).map((r) => ({
			...r,
			subject: msg.export_plan_the_project()
		})),
		...measures.flatMap((m) =>
			listRisksByMeasure(m.id).map((r) => ({
				...r,
				subject: msg.export_plan_measure_subject({ title: m.title })
			}))
		)
	];

	const today = osloDay(now);
	const days = [
		project.startDate,
		project.endDate,
		...benefits.flatMap((b) => [b.baselineDate, b.targetDate])
	].filter((d): d is string => !!d && /^\d{4}-\d{2}-\d{2}$/.test(d));
	// The period asked for when frozen to a meeting (the archive lists it); else the project's
	// and its benefits' own span.
	const period =
		options.period ??
		(days.length
			? { from: days.reduce((a, b) => (a < b ? a : b)), to: days.reduce((a, b) => (a > b ? a : b)) }
			: { from: `${today.slice(0, 4)}-01-01`, to: `${today.slice(0, 4)}-12-31` });
	const title = msg.export_plan_title();
	const pdf = new PdfReport({
		title,
		subtitle: project.title,
		organisation: organisationName(),
		period,
		issuedAt: now,
		notes: [
			msg.export_plan_project_owner({ name: nameOf(project.ownerId) ?? NR() }),
			...(options.status ? [msg.export_pdf_status({ status: options.status })] : [])
		]
	});

	pdf.heading(msg.export_plan_about()).facts([
		[msg.export_plan_project(), project.title],
		[msg.export_plan_status(), lifecycleLabel(project.status)],
		[msg.export_plan_owner(), nameOf(project.ownerId) ?? NR()],
		[msg.export_plan_period(), `${project.startDate ?? NR()} – ${project.endDate ?? NR()}`],
		[msg.export_plan_level(), project.levels.map((l) => levelLabel(l)).join(', ') || NR()],
		[msg.export_plan_benefits(), String(benefits.length)],
		[msg.export_plan_measures(), String(measures.length)]
	]);
	if (project.description) pdf.paragraph(project.description);

	if (!benefits.length) {
		pdf.heading(msg.export_plan_benefits()).paragraph(msg.export_plan_no_benefits());
	} else {
		pdf
			.heading(msg.export_plan_responsible())
			.paragraph(msg.export_plan_responsible_intro())
			.table({
				caption: msg.export_plan_responsible_caption(),
				columns: [
					{ header: msg.export_plan_col_benefit(), width: '*' },
					{ header: msg.export_plan_responsible(), width: 150 }
				],
				rows: benefits.map((b) => [b.title, nameOf(b.ownerId) ?? NR()])
			});

		pdf.heading(msg.export_plan_the_benefits()).table({
			caption: msg.export_plan_benefits_caption(),
			columns: [
				{ header: msg.export_plan_col_benefit(), width: '*' },
				{ header: msg.export_plan_level(), width: 55 },
				{ header: msg.export_plan_col_indicator(), width: 95 },
				{ header: msg.export_plan_col_baseline(), format: 'number', width: 60 },
				{ header: msg.export_plan_col_baseline_date(), format: 'date', width: 70 },
				{ header: msg.export_plan_col_target(), format: 'number', width: 60 },
				{ header: msg.export_plan_col_target_date(), format: 'date', width: 70 }
			],
			rows: benefits.map((b) => [
				b.title,
				benefitLevelLabel(b.level),
				[b.indicator || NR(), b.unit ? `(${unitLabel(b.unit).toLowerCase()})` : '']
					.join(' ')
					.trim(),
				b.baselineValue,
				b.baselineDate,
				b.targetValue,
				b.targetDate
			])
		});
		const methods = benefits.filter((b) => b.baselineMethod || b.measurement);
		if (methods.length) {
			pdf.list(
				methods.map(
					(b) =>
						`${b.title}: ${[b.measurement && msg.export_plan_measured_by({ how: b.measurement }), b.baselineMethod && msg.export_plan_baseline_by({ how: b.baselineMethod })].filter(Boolean).join('; ')}`
				)
			);
		}

		const priced = benefits.filter(
			(b) => b.kind === 'kvantitativ' && (b.unit === 'kr' || b.unit === 'timer')
		);
		const unpriced = benefits.filter((b) => !priced.includes(b));
		const estimateOf = (id: number) => results.get(id)?.estimate ?? null;
		const pricedRows = priced.map((b): CellValue[] => [
			b.title,
			unitLabel(b.unit!),
			estimateOf(b.id)?.total ?? null,
			estimateOf(b.id)?.kroner ?? null
		]);
		pdf
			.heading(msg.export_plan_priced())
			.paragraph(
				settings.hourlyRateKroner
					? msg.export_plan_priced_rate({ rate: formatNumber(settings.hourlyRateKroner) })
					: msg.export_plan_priced_no_rate()
			)
			.table({
				caption: msg.export_plan_priced_caption(),
				columns: [
					{ header: msg.export_plan_col_benefit(), width: '*' },
					{ header: msg.export_plan_col_unit(), width: 60 },
					{ header: msg.export_plan_col_estimate(), format: 'number', width: 80 },
					{ header: msg.export_plan_col_estimate_kr(), format: 'kroner', width: 100 }
				],
				rows: pricedRows,
				totals: [
					msg.export_plan_sum(),
					null,
					null,
					pricedRows.reduce((a, r) => a + ((r[3] as number | null) ?? 0), 0)
				],
				empty: msg.export_plan_no_priced()
			})
			.table({
				caption: msg.export_plan_unpriced_caption(),
				columns: [
					{ header: msg.export_plan_col_benefit(), width: '*' },
					{ header: msg.export_plan_col_measured_as(), width: 80 },
					{ header: msg.export_plan_col_quality(), width: 150 },
					{ header: msg.export_plan_col_beneficiary(), width: 90 }
				],
				rows: unpriced.map((b) => [
					b.title,
					b.kind === 'kvalitativ'
						? msg.export_plan_assessment()
						: b.unit
							? unitLabel(b.unit)
							: NR(),
					b.qualityDimensions.map((q) => qualityLabel(q)).join(', ') || NR(),
					b.beneficiary === 'annet'
						? b.beneficiaryOther || msg.export_plan_other()
						: beneficiaryLabel(b.beneficiary)
				]),
				empty: msg.export_plan_no_unpriced()
			});

		pdf
			.heading(msg.export_plan_budget())
			.paragraph(msg.export_plan_budget_intro())
			.table({
				caption: msg.export_plan_takeout_caption(),
				columns: [
					{ header: msg.export_plan_col_benefit(), width: '*' },
					{ header: msg.export_plan_col_takeout(), width: 110 },
					{ header: msg.export_plan_col_budget(), format: 'kroner', width: 100 },
					{ header: msg.export_plan_col_alternative(), width: 120 }
				],
				rows: benefits.map((b) => {
					const kroner = estimateOf(b.id)?.kroner ?? null;
					return [
						b.title,
						takeoutLabel(b.takeout),
						b.takeout === 'budsjettkutt' ? (kroner ?? NR()) : '–',
						b.takeout === 'budsjettkutt'
							? '–'
							: msg.export_plan_use({ takeout: takeoutLabel(b.takeout), use: NR() })
					];
				}),
				totals: [
					msg.export_plan_budget_sum(),
					null,
					benefits
						.filter((b) => b.takeout === 'budsjettkutt')
						.reduce((a, b) => a + (estimateOf(b.id)?.kroner ?? 0), 0),
					null
				]
			});
	}

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

	if (benefits.length) {
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
		const causes = followUps
			.slice()
			.sort((a, b) => a.period.localeCompare(b.period) || a.id - b.id);
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

	pdf.heading(msg.export_plan_map()).paragraph(msg.export_plan_map_intro());
	drawMap(pdf, project.id, project.title);
	pdf.table(gainMapTable(project.id, benefits, measures, mission?.id ?? null));

	const content = await pdf.render();
	return {
		content,
		fileName: datedFileName(msg.export_file_plan({ project: slug(project.title) }), now, 'pdf'),
		title: `${title}: ${project.title}`,
		period,
		benefits: benefits.length
	};
}

/**
 * Smallest scale a map is drawn at: node labels are 13 px, so below this they would print
 * under 5 pt. A larger map is left to the table and the page (Gevinster → Gevinstkart).
 */
const MAP_MIN_SCALE = 0.385;

function drawMap(pdf: PdfReport, projectId: number, title: string) {
	const mission = getMission();
	if (!mission) return;
	const map = buildMapInput(
		{ ...listMapRows([projectId]), goals: listEffectGoals(mission.id) },
		null,
		msg.benefits_disbenefit(),
		msg.benefits_node_goal()
	);
	if (!map.nodes.length) return;
	const laidOut = benefitMapLayouts.layout(map.nodes, map.edges);
	// The cached layout names its bands in bokmål (charts/benefit-map-layout.ts); the reader's words.
	const layout = {
		...laidOut,
		bands: laidOut.bands.map((b) => ({ ...b, label: nodeKindLabel(b.kind) }))
	};
	const svg = benefitMapSvg(layout);
	if (chartWidth(svg) / svg.width < MAP_MIN_SCALE) {
		pdf.paragraph(msg.export_plan_map_too_large({ count: String(map.nodes.length) }));
		return;
	}
	pdf.chart(svg, msg.export_plan_map_chart({ title }));
}

function gainMapTable(
	projectId: number,
	benefits: { id: number; title: string }[],
	measures: { id: number; title: string }[],
	missionId: number | null
): TableSpec {
	const titles: Record<NodeKind, Map<number, string>> = {
		measure: new Map(measures.map((m) => [m.id, m.title])),
		change: new Map(listChangesByProjects([projectId]).map((c) => [c.id, c.title])),
		benefit: new Map(benefits.map((b) => [b.id, b.title])),
		goal: new Map(missionId === null ? [] : listEffectGoals(missionId).map((g) => [g.id, g.title]))
	};
	const order = (k: NodeKind) => NODE_KINDS.indexOf(k);
	const links = listLinksByProjects([projectId]).sort(
		(a, b) =>
			order(a.fromKind) - order(b.fromKind) ||
			order(a.toKind) - order(b.toKind) ||
			a.fromId - b.fromId ||
			a.toId - b.toId
	);
	const name = (kind: NodeKind, id: number) => titles[kind].get(id) ?? `#${id}`;
	return {
		caption: msg.export_plan_links_caption(),
		columns: [
			{ header: msg.export_plan_col_from(), width: 60 },
			{ header: msg.export_plan_col_from(), width: '*' },
			{ header: msg.export_plan_col_to(), width: 60 },
			{ header: msg.export_plan_col_to(), width: '*' }
		],
		rows: links.map((l) => [
			nodeKindLabel(l.fromKind),
			name(l.fromKind, l.fromId),
			nodeKindLabel(l.toKind),
			name(l.toKind, l.toId)
		]),
		empty: msg.export_plan_no_links()
	};
}
