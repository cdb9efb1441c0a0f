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
import { getMission } from '../../db/queries/mission';
import { listBenefitsByProjects } from '../../db/queries/benefits';
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
import { PdfReport } from '../../reports/pdf';
import { datedFileName, organisationName } from '../../exports/download';
import { toFacts } from '../scope';
import { benefitResult } from '$lib/domain/benefits/figures';
import { osloDay } from '$lib/format';
import { levelLabel, lifecycleLabel } from '$lib/labels';
import { m as msg } from '$lib/paraglide/messages';
import { NR, benefitSections } from './plan-report-benefits';
import { followUpSection, measuresAndRisks } from './plan-report-follow-up';
import { drawMap, gainMapTable } from './plan-report-map';

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
		benefitSections(pdf, benefits, results, settings, nameOf);
	}

	measuresAndRisks(pdf, measures, risks, nameOf);

	if (benefits.length) followUpSection(pdf, benefits, results, followUps, settings);

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
