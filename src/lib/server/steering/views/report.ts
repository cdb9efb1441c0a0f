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
import { AT_RISK_RULE_TEXT, behindRuleText } from '$lib/domain/benefits/health';
import { error } from '@sveltejs/kit';
import { osloDayStartMs } from '$lib/domain/oslo-day';
import { tertialToDate } from '$lib/domain/reports/period';
import { steeringReportQuery } from '$lib/schemas/reports';
import { isScaleValue, riskScore, severityFor } from '$lib/domain/risk';
import {
	RISK_STATUS_LABEL,
	SEVERITY_LABEL,
	type RiskStatus
} from '$lib/domain/portfolio/vocabulary';
import { UNIT_LABEL } from '$lib/domain/benefits/vocabulary';
import { trackComplianceBars, trackGainBars, trackLabel } from '$lib/charts/steering-inputs';
import { formatDay, formatKroner, formatPercent, osloDay } from '$lib/format';
import { getMission } from '$lib/server/db/queries/mission';
import { listBehindPage } from '$lib/server/db/queries/gain-views';
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
	`${formatKroner(p.realised)} av ${formatKroner(p.planned)}`;

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

const GAIN_COLUMNS = [
	{ header: 'Gevinster', format: 'integer', width: 40 },
	{ header: 'Planlagt kr (brutto)', format: 'kroner', width: 60 },
	{ header: 'Realisert kr (brutto)', format: 'kroner', width: 60 },
	{ header: 'Andel', width: 32 },
	{ header: 'Ulemper kr, realisert av planlagt', width: 70 },
	{ header: 'Netto kr, realisert av planlagt', width: 70 },
	{ header: 'Planlagt timer (brutto)', format: 'integer', width: 40 },
	{ header: 'Realisert timer (brutto)', format: 'integer', width: 40 }
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
	const title = 'Styringsrapport';
	const page = steeringPage(user, { since: period.from, kind: null, after: null }, now);
	const pdf = new PdfReport({
		title,
		subtitle: page.mission?.statement,
		organisation: organisationName(),
		period,
		issuedAt: now,
		notes: [
			`Tall til og med ${formatDay(page.asOf)}; endringene gjelder perioden.`,
			`Utarbeidet av: ${user.name}`,
			...(options.status ? [`Status: ${options.status}`] : [])
		]
	});
	const file = (content: Uint8Array) => ({
		content,
		fileName: datedFileName('styringsrapport', now, 'pdf'),
		title: `${title} ${period.from} – ${period.to}`
	});

	const mission = getMission();
	if (!page.mission || !page.total || !mission) {
		pdf
			.heading('Misjonen')
			.paragraph('Misjonen er ikke satt opp ennå, så rapporten har ingen tall å vise.');
		return file(await pdf.render());
	}

	pdf
		.heading('Misjonen og effektmålene')
		.paragraph(
			`${page.mission.statement} (${page.mission.baselineYear}–${page.mission.targetYear})`
		)
		.facts([
			['Gevinster i misjonen', String(page.total.gains.benefits)],
			['Ulemper i misjonen', String(page.total.gains.disbenefits)],
			['Netto gevinst i kroner til nå (brutto minus ulemper)', pair(page.total.gains.kroner.net)],
			[
				'Bak plan',
				`${page.total.behind.count} (${page.total.behind.withCause} med årsak, ${page.total.behind.withoutCause} uten)`
			],
			['I faresonen (i rute nå, men prognosen når ikke planen)', String(page.total.behind.atRisk)]
		])
		.table({
			caption: 'Hele misjonen og hvert effektmål, planlagt og realisert til nå',
			columns: [
				{ header: 'Effektmål', width: '*' },
				{ header: 'Nivå', width: 50 },
				...GAIN_COLUMNS
			],
			rows: [
				['Hele misjonen (hver gevinst én gang)', '', ...gainCells(page.total.gains)],
				...page.goals.map((g) => [`${g.number}. ${g.title}`, g.levelLabel, ...gainCells(g.gains)])
			],
			empty: 'Misjonen har ingen effektmål ennå.'
		});

	pdf.heading('Sporene').table({
		caption: 'Status, prosjekter, gevinster bak plan og i faresonen, og risiko per spor',
		columns: [
			{ header: 'Spor', width: '*' },
			{ header: 'Status', width: 110 },
			{ header: 'Prosjekter', width: 90 },
			{ header: 'Bak plan (uten årsak)', width: 55 },
			{ header: 'I faresonen', width: 45 },
			{ header: 'Risiko høy / middels / lav', width: 60 },
			...(page.complianceYear !== null
				? [{ header: `Årshjul ${page.complianceYear}: i tide (forfalt)`, width: 60 }]
				: [])
		],
		rows: page.tracks.map((t) => [
			`${trackLabel(t)}${t.prioritised ? ' (prioritert)' : ''}`,
			t.status.label,
			`${t.projects.total}: ${t.projects.phases.map((p) => `${p.count} ${p.label.toLowerCase()}`).join(', ') || 'ingen'}`,
			`${t.behind.count} (${t.behind.withoutCause})`,
			String(t.behind.atRisk),
			`${t.risks.high} / ${t.risks.medium} / ${t.risks.low}`,
			...(t.compliance
				? [`${share(t.compliance.percent)} (${t.compliance.overdue})`]
				: page.complianceYear !== null
					? ['–']
					: [])
		]),
		empty: 'Misjonen har ingen spor ennå.'
	});
	pdf.table({
		caption:
			'Gevinster per spor, planlagt og realisert til nå (en gevinst i to spor teller i begge)',
		columns: [{ header: 'Spor', width: '*' }, ...GAIN_COLUMNS],
		rows: page.tracks.map((t) => [trackLabel(t), ...gainCells(t.gains)]),
		empty: 'Misjonen har ingen spor ennå.'
	});
	if (page.tracks.length) {
		pdf.chart(
			barChartSvg(trackGainBars(page.tracks)),
			'Realisert mot planlagt brutto gevinst til nå (før ulemper), kroner, per spor'
		);
		if (page.complianceYear !== null) {
			pdf.chart(
				barChartSvg(trackComplianceBars(page.tracks)),
				`Årshjul ${page.complianceYear}: andel signert i tide i enhetene sporet berører`
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
		.heading('Endringer i perioden')
		.facts(CHANGE_KINDS.map((kind) => [changeKindLabel(kind), String(counts[kind])]))
		.table({
			caption: 'Endringene, nyeste først',
			columns: [
				{ header: 'Tidspunkt', format: 'date', width: 65 },
				{ header: 'Hva', width: 90 },
				{ header: 'Gjelder', width: '*' },
				{ header: 'Endring', width: '*' }
			],
			rows: rows.map((r) => {
				const c = changeView(r);
				return [new Date(c.at), c.kindLabel, c.title, c.detail];
			}),
			empty: 'Ingenting er endret i perioden.'
		});
	if (total > rows.length) {
		pdf.paragraph(
			`Listen viser de ${rows.length} nyeste av ${total} endringer; resten finnes under «Siden forrige møte» på Styring.`
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
		.heading('Gevinster bak plan')
		.paragraph(
			`${behindRuleText(mission.behindPlanMarginPercent)} ${AT_RISK_RULE_TEXT} Årsak og korrigerende tiltak er det gevinsteier har registrert for den måneden.`
		)
		.table({
			caption: 'Gevinster bak plan, med årsak og korrigerende tiltak',
			columns: [
				{ header: 'Gevinst', width: 90 },
				{ header: 'Prosjekt', width: 70 },
				{ header: 'Måned', format: 'month', width: 50 },
				{ header: 'Planlagt', format: 'number', width: 50 },
				{ header: 'Realisert', format: 'number', width: 50 },
				{ header: 'Årsak', width: '*' },
				{ header: 'Korrigerende tiltak', width: '*' }
			],
			rows: rows.map((b) => {
				const current = b.followUpPeriod === b.statusPeriod && b.cause !== null;
				return [
					`${b.title}${b.unit ? ` (${UNIT_LABEL[b.unit].toLowerCase()})` : ''}`,
					b.projectTitle,
					b.statusPeriod,
					b.statusPlanned,
					b.statusRealised,
					current ? b.cause : 'Ikke registrert',
					current ? b.correctiveMeasure || 'Ikke registrert' : 'Ikke registrert'
				];
			}),
			empty: 'Ingen gevinster er bak plan.'
		});
	if (count > rows.length) {
		pdf.paragraph(
			`Tabellen viser ${rows.length} av ${count} gevinster bak plan; alle står på Gevinster og i gevinstregisteret (Excel).`
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
	pdf.heading('De største risikoene').table({
		caption: `Åpne risikoer med høyest sannsynlighet × konsekvens (inntil ${REPORT_LIST_LIMIT.risks})`,
		columns: [
			{ header: 'Risiko', width: '*' },
			{ header: 'Gjelder', width: 120 },
			{ header: 'S × K', width: 55 },
			{ header: 'Alvorlighet', width: 55 },
			{ header: 'Status', width: 55 }
		],
		rows: rows.map((r) => {
			const score =
				isScaleValue(r.likelihood) && isScaleValue(r.consequence)
					? riskScore(r.likelihood, r.consequence)
					: r.likelihood * r.consequence;
			return [
				r.title,
				`${r.projectId !== null ? 'Prosjekt' : 'Tiltak'}: ${r.subjectTitle}`,
				`${r.likelihood} × ${r.consequence} = ${score}`,
				SEVERITY_LABEL[severityFor(score)],
				RISK_STATUS_LABEL[r.status as RiskStatus]
			];
		}),
		empty: 'Ingen åpne risikoer er registrert.'
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
		status: 'Utkast (ikke frosset)'
	});
}
