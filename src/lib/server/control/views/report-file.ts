/**
 * The annual internal-control report as files: a PDF for the kommunestyre (pdfmake, the
 * report tooling of reports/pdf.ts) and an xlsx with the same tables (exports/xlsx.ts). Both
 * take the same table descriptions (report-tables.ts), so the two cannot disagree.
 */
import { formatDay } from '$lib/format';
import { PdfReport } from '../../reports/pdf';
import { XlsxWorkbook } from '../../exports/xlsx';
import { datedFileName, organisationName } from '../../exports/download';
import type { SessionUser } from '../../auth/session';
import { CONTROL_REPORT_LIMIT, type ControlReportData } from './report';
import { controlReportTables, share } from './report-tables';

/** «Listen viser de 200 første av 240; resten står på siden …» */
function cutNote(shown: number, what: string): string {
	return `Listen viser de ${shown} første ${what}; hele utvalget står på /internkontroll og i regnearket.`;
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
	const pdf = new PdfReport({
		title: 'Internkontrollrapport',
		subtitle: `${d.title} (kommuneloven § 25-2)`,
		organisation: organisationName(),
		period: { from: d.period.from, to: d.period.to },
		issuedAt: now,
		notes: [
			`Tall til og med: ${formatDay(d.asOf)}`,
			`Utarbeidet av: ${user.name}`,
			`Status: ${status}`
		]
	});
	pdf
		.heading('1. Rutiner i bruk')
		.paragraph(
			'Årshjulene enhetene bruker, og oppgavene de har i perioden: rutinene internkontrollen følger (kommuneloven § 25-1 b).'
		)
		.facts([
			['Enheter med årshjul', String(d.routines.total.units)],
			['Årshjul i bruk', String(d.routines.total.wheels)],
			['Oppgaver i perioden', String(d.routines.total.tasks)]
		])
		.table(t.routines)
		.table(t.wheels);
	if (d.routines.wheelsCut) pdf.paragraph(cutNote(CONTROL_REPORT_LIMIT.wheels, 'årshjulene'));

	const c = d.controls.total;
	pdf
		.heading('2. Kontroller som er utført')
		.paragraph(
			'Oppgavene i årshjulene som skulle vært utført i perioden (signert, eller forfalt uten signatur), og om de ble signert i tide. Tallene er de samme som på Etterlevelse i årshjulet.'
		)
		.facts([
			['Skulle vært utført', String(c.due)],
			['Signert i tide', String(c.onTime)],
			['Signert for sent', String(c.late)],
			['Ikke utført', String(c.notDone)],
			['Andel i tide', share(c.share)]
		])
		.table(t.controls);
	if (d.controls.rowsCut) pdf.paragraph(cutNote(CONTROL_REPORT_LIMIT.units, 'enhetene'));

	const dv = d.deviations;
	pdf
		.heading('3. Avvik og oppfølging')
		.paragraph(
			`Avvik funnet i perioden (kommuneloven § 25-1 c). «Over fristen» er vurdert per ${formatDay(d.today)}.`
		)
		.table(t.deviationSummary)
		.table(t.deviationRows);
	if (dv.listCut) pdf.paragraph(`Listen viser ${dv.list.length} av ${dv.total} avvik.`);

	const ts = d.tilsyn;
	pdf
		.heading('4. Tilsyn')
		.facts([
			['Tilsyn i perioden', String(ts.count)],
			['Avsluttet', String(ts.closed)],
			...ts.byKind.map((k): [string, string] => [
				k.label,
				`${k.total} (${k.open} åpne, ${k.closed} lukket)`
			])
		])
		.table(t.tilsynRows)
		.table(t.findingRows);
	if (ts.listCut) pdf.paragraph(`Listen viser ${ts.list.length} av ${ts.count} tilsyn.`);
	if (ts.findingsCut) pdf.paragraph(cutNote(ts.findings.length, 'funnene'));

	pdf.heading('5. Kommunedirektørens vurdering');
	for (const a of d.assessments) {
		pdf.heading(a.label, 2).paragraph(a.body.trim() || 'Ikke skrevet.');
	}
	return {
		content: await pdf.render(),
		fileName: datedFileName(fileBase(d), now, 'pdf'),
		title: d.title
	};
}

function fileBase(d: ControlReportData): string {
	return `internkontroll-${d.period.year}${d.period.tertial ? `-t${d.period.tertial}` : ''}`;
}

/** The report's tables as a workbook, one sheet each, and the assessments. */
export async function controlReportXlsx(d: ControlReportData, now: Date) {
	const t = controlReportTables(d, true);
	const xlsx = new XlsxWorkbook({
		title: d.title,
		organisation: organisationName(),
		createdAt: now,
		period: { from: d.period.from, to: d.period.to },
		notes: [
			`Tall til og med ${formatDay(d.asOf)}`,
			d.unit ? `Tjenesteområde: ${d.unit.name}` : 'Hele kommunen'
		]
	})
		.sheet({ ...t.routines, name: 'Rutiner' })
		.sheet({ ...t.wheels, name: 'Årshjul' })
		.sheet({ ...t.controls, name: 'Kontroller' })
		.sheet({ ...t.deviationSummary, name: 'Avvik, antall' })
		.sheet({ ...t.deviationRows, name: 'Avvik' })
		.sheet({ ...t.tilsynRows, name: 'Tilsyn' })
		.sheet({ ...t.findingRows, name: 'Funn' })
		.sheet({
			name: 'Vurdering',
			caption: 'Kommunedirektørens vurdering',
			columns: [{ header: 'Felt' }, { header: 'Tekst' }],
			rows: d.assessments.map((a) => [a.label, a.body])
		});
	return { content: await xlsx.render(), fileName: datedFileName(fileBase(d), now, 'xlsx') };
}
