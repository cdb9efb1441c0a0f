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
 */
import { behindRuleText } from '$lib/domain/benefits/health';
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
import { formatKroner } from '$lib/format';
import {
	BENEFICIARY_LABEL,
	BENEFIT_LEVEL_LABEL,
	NODE_KIND_LABEL,
	NODE_KINDS,
	QUALITY_DIMENSION_LABEL,
	TAKEOUT_LABEL,
	UNIT_LABEL,
	type NodeKind
} from '$lib/domain/benefits/vocabulary';
import {
	LEVEL_LABEL,
	LIFECYCLE_LABEL,
	RISK_STATUS_LABEL,
	SEVERITY_LABEL,
	type ScaleValue
} from '$lib/domain/portfolio/vocabulary';

/** Charts drawn at most; the follow-up table lists every benefit. */
export const PLAN_CHART_LIMIT = 6;
const NOT_RECORDED = 'ikke registrert';

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

function osloDay(now: Date): string {
	return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo' }).format(now);
}

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
		...listRisksByProject(project.id).map((r) => ({ ...r, subject: 'Prosjektet' })),
		...measures.flatMap((m) =>
			listRisksByMeasure(m.id).map((r) => ({ ...r, subject: `Tiltak: ${m.title}` }))
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
	const title = 'Gevinstrealiseringsplan';
	const pdf = new PdfReport({
		title,
		subtitle: project.title,
		organisation: organisationName(),
		period,
		issuedAt: now,
		notes: [
			`Prosjekteier: ${nameOf(project.ownerId) ?? NOT_RECORDED}`,
			...(options.status ? [`Status: ${options.status}`] : [])
		]
	});

	pdf.heading('Om prosjektet').facts([
		['Prosjekt', project.title],
		['Status', LIFECYCLE_LABEL[project.status]],
		['Prosjekteier', nameOf(project.ownerId) ?? NOT_RECORDED],
		['Periode', `${project.startDate ?? NOT_RECORDED} – ${project.endDate ?? NOT_RECORDED}`],
		['Nivå', project.levels.map((l) => LEVEL_LABEL[l]).join(', ') || NOT_RECORDED],
		['Gevinster', String(benefits.length)],
		['Tiltak', String(measures.length)]
	]);
	if (project.description) pdf.paragraph(project.description);

	if (!benefits.length) {
		pdf
			.heading('Gevinster')
			.paragraph(
				'Prosjektet har ingen registrerte gevinster ennå. Planen fylles ut når gevinstene er lagt inn i gevinstkartet.'
			);
	} else {
		pdf
			.heading('Gevinstansvarlig')
			.paragraph(
				'Gevinstansvarlig eier gevinsten, følger den opp og rapporterer realisert gevinst mot planen.'
			)
			.table({
				caption: 'Ansvar for gevinstene',
				columns: [
					{ header: 'Gevinst', width: '*' },
					{ header: 'Gevinstansvarlig', width: 150 }
				],
				rows: benefits.map((b) => [b.title, nameOf(b.ownerId) ?? NOT_RECORDED])
			});

		pdf.heading('Gevinstene').table({
			caption: 'Gevinster med indikator, nullpunkt og mål',
			columns: [
				{ header: 'Gevinst', width: '*' },
				{ header: 'Nivå', width: 55 },
				{ header: 'Indikator', width: 95 },
				{ header: 'Nullpunkt', format: 'number', width: 60 },
				{ header: 'Nullpunkt dato', format: 'date', width: 70 },
				{ header: 'Mål', format: 'number', width: 60 },
				{ header: 'Måldato', format: 'date', width: 70 }
			],
			rows: benefits.map((b) => [
				b.title,
				BENEFIT_LEVEL_LABEL[b.level],
				[b.indicator || NOT_RECORDED, b.unit ? `(${UNIT_LABEL[b.unit].toLowerCase()})` : '']
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
						`${b.title}: ${[b.measurement && `måles ved ${b.measurement}`, b.baselineMethod && `nullpunkt ved ${b.baselineMethod}`].filter(Boolean).join('; ')}`
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
			UNIT_LABEL[b.unit!],
			estimateOf(b.id)?.total ?? null,
			estimateOf(b.id)?.kroner ?? null
		]);
		pdf
			.heading('Prissatte og ikke-prissatte virkninger')
			.paragraph(
				settings.hourlyRateKroner
					? `Prissatte virkninger er gevinster målt i kroner eller timer; timer er regnet om med timesatsen ${settings.hourlyRateKroner} kr.`
					: 'Prissatte virkninger er gevinster målt i kroner eller timer; timesats er ikke registrert, så timer er ikke regnet om til kroner.'
			)
			.table({
				caption: 'Prissatte virkninger (estimat)',
				columns: [
					{ header: 'Gevinst', width: '*' },
					{ header: 'Enhet', width: 60 },
					{ header: 'Estimat', format: 'number', width: 80 },
					{ header: 'Estimat i kroner', format: 'kroner', width: 100 }
				],
				rows: pricedRows,
				totals: [
					'Sum',
					null,
					null,
					pricedRows.reduce((a, r) => a + ((r[3] as number | null) ?? 0), 0)
				],
				empty: 'Ingen prissatte virkninger er registrert.'
			})
			.table({
				caption: 'Ikke-prissatte virkninger',
				columns: [
					{ header: 'Gevinst', width: '*' },
					{ header: 'Måles som', width: 80 },
					{ header: 'Kvalitetsdimensjoner', width: 150 },
					{ header: 'Hvem får gevinsten', width: 90 }
				],
				rows: unpriced.map((b) => [
					b.title,
					b.kind === 'kvalitativ' ? 'Vurdering' : b.unit ? UNIT_LABEL[b.unit] : NOT_RECORDED,
					b.qualityDimensions.map((q) => QUALITY_DIMENSION_LABEL[q]).join(', ') || NOT_RECORDED,
					b.beneficiary === 'annet'
						? b.beneficiaryOther || 'Annet'
						: BENEFICIARY_LABEL[b.beneficiary]
				]),
				empty: 'Ingen ikke-prissatte virkninger er registrert.'
			});

		pdf
			.heading('Budsjettmessig virkning og alternativ anvendelse')
			.paragraph(
				'Hvordan hver gevinst tas ut. Misjonskart registrerer uttaksmåten per gevinst; budsjettår, budsjettpost og hva frigjort tid skal brukes til registreres ikke, og står som «ikke registrert».'
			)
			.table({
				caption: 'Uttak av gevinstene',
				columns: [
					{ header: 'Gevinst', width: '*' },
					{ header: 'Uttak', width: 110 },
					{ header: 'Budsjettmessig virkning', format: 'kroner', width: 100 },
					{ header: 'Alternativ anvendelse', width: 120 }
				],
				rows: benefits.map((b) => {
					const kroner = estimateOf(b.id)?.kroner ?? null;
					return [
						b.title,
						TAKEOUT_LABEL[b.takeout],
						b.takeout === 'budsjettkutt' ? (kroner ?? NOT_RECORDED) : '–',
						b.takeout === 'budsjettkutt' ? '–' : `${TAKEOUT_LABEL[b.takeout]}; bruk ${NOT_RECORDED}`
					];
				}),
				totals: [
					'Sum budsjettkutt',
					null,
					benefits
						.filter((b) => b.takeout === 'budsjettkutt')
						.reduce((a, b) => a + (estimateOf(b.id)?.kroner ?? 0), 0),
					null
				]
			});
	}

	pdf.heading('Tiltak og risiko').table({
		caption: 'Tiltak',
		columns: [
			{ header: 'Tiltak', width: '*' },
			{ header: 'Status', width: 80 },
			{ header: 'Eier', width: 110 },
			{ header: 'Start', format: 'date', width: 75 },
			{ header: 'Slutt', format: 'date', width: 75 }
		],
		rows: measures.map((m) => [
			m.title,
			LIFECYCLE_LABEL[m.status],
			nameOf(m.ownerId) ?? NOT_RECORDED,
			m.startDate,
			m.endDate
		]),
		empty: 'Prosjektet har ingen tiltak.'
	});
	pdf.table({
		caption: 'Risikoer for prosjektet og tiltakene',
		columns: [
			{ header: 'Gjelder', width: 90 },
			{ header: 'Risiko', width: '*' },
			{ header: 'S × K', width: 40 },
			{ header: 'Alvorlighet', width: 60 },
			{ header: 'Tiltak mot risikoen', width: 120 },
			{ header: 'Status', width: 50 }
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
				SEVERITY_LABEL[severityFor(score)],
				r.mitigation || NOT_RECORDED,
				RISK_STATUS_LABEL[r.status]
			]),
		empty: 'Ingen risikoer er registrert for prosjektet eller tiltakene.'
	});

	if (benefits.length) {
		const withPlan = benefits.filter((b) => (results.get(b.id)?.series.length ?? 0) > 0);
		const followRows = benefits.map((b): CellValue[] => {
			const s = results.get(b.id)?.status ?? null;
			return [
				b.title,
				b.unit ? UNIT_LABEL[b.unit] : 'Vurdering',
				b.baselineValue,
				s?.period ?? null,
				s?.planned ?? null,
				s?.realised ?? null,
				s ? s.realised - s.planned : null,
				s
					? s.behind
						? 'Bak plan'
						: 'I rute'
					: withPlan.includes(b)
						? 'Ikke målt ennå'
						: 'Ingen plan'
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
			.heading('Oppfølging mot nullpunkt')
			.paragraph(
				'Planlagt og realisert verdi ved siste registrerte måned, begge medregnet nullpunktet. ' +
					behindRuleText(settings.marginPercent)
			)
			.table({
				caption: 'Realisert mot plan',
				columns: [
					{ header: 'Gevinst', width: '*' },
					{ header: 'Enhet', width: 55 },
					{ header: 'Nullpunkt', format: 'number', width: 60 },
					{ header: 'Siste måned', format: 'month', width: 75 },
					{ header: 'Planlagt', format: 'number', width: 65 },
					{ header: 'Realisert', format: 'number', width: 65 },
					{ header: 'Avvik', format: 'number', width: 60 },
					{ header: 'Status', width: 60 }
				],
				rows: followRows
			})
			.facts([
				['Realisert gevinst i kroner (kronegevinster, over nullpunkt)', formatKroner(realisedKr)]
			]);
		const causes = followUps
			.slice()
			.sort((a, b) => a.period.localeCompare(b.period) || a.id - b.id);
		if (causes.length) {
			const titleOf = new Map(benefits.map((b) => [b.id, b.title]));
			pdf.table({
				caption: 'Årsaker og korrigerende tiltak når gevinster er bak plan',
				columns: [
					{ header: 'Gevinst', width: 120 },
					{ header: 'Måned', format: 'month', width: 75 },
					{ header: 'Årsak', width: '*' },
					{ header: 'Korrigerende tiltak', width: '*' }
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
				`Planlagt og realisert: ${b.title}`
			);
		}
		if (withPlan.length > PLAN_CHART_LIMIT) {
			pdf.paragraph(
				`Figurene viser de ${PLAN_CHART_LIMIT} første gevinstene med plan; tabellen over har alle ${benefits.length}.`
			);
		}
	}

	pdf.heading('Gevinstkart').paragraph(gainMapIntro);
	drawMap(pdf, project.id, project.title);
	pdf.table(gainMapTable(project.id, benefits, measures, mission?.id ?? null));

	const content = await pdf.render();
	return {
		content,
		fileName: datedFileName(`gevinstrealiseringsplan-${slug(project.title)}`, now, 'pdf'),
		title: `${title}: ${project.title}`,
		period,
		benefits: benefits.length
	};
}

const gainMapIntro =
	'Prosjektets gevinstkart: fra tiltak via endringer til gevinster og effektmål, som figur og som en tabell over koblingene.';

/**
 * Smallest scale a map is drawn at: node labels are 13 px, so below this they would print
 * under 5 pt. A larger map is left to the table and the page (Gevinster → Gevinstkart).
 */
const MAP_MIN_SCALE = 0.385;

function drawMap(pdf: PdfReport, projectId: number, title: string) {
	const mission = getMission();
	if (!mission) return;
	const map = buildMapInput({ ...listMapRows([projectId]), goals: listEffectGoals(mission.id) });
	if (!map.nodes.length) return;
	const layout = benefitMapLayouts.layout(map.nodes, map.edges);
	const svg = benefitMapSvg(layout);
	if (chartWidth(svg) / svg.width < MAP_MIN_SCALE) {
		pdf.paragraph(
			`Kartet har ${map.nodes.length} elementer, for mange til å tegnes leselig på én side. Tabellen under har alle koblingene, og kartet kan åpnes og lastes ned under Gevinster → Gevinstkart.`
		);
		return;
	}
	pdf.chart(svg, `Gevinstkart for ${title}`);
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
		caption: 'Gevinstkartets koblinger',
		columns: [
			{ header: 'Fra', width: 60 },
			{ header: 'Fra', width: '*' },
			{ header: 'Til', width: 60 },
			{ header: 'Til', width: '*' }
		],
		rows: links.map((l) => [
			NODE_KIND_LABEL[l.fromKind],
			name(l.fromKind, l.fromId),
			NODE_KIND_LABEL[l.toKind],
			name(l.toKind, l.toId)
		]),
		empty: 'Gevinstkartet har ingen koblinger ennå.'
	};
}
