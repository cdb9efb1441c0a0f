/**
 * The annual internal-control report as files: a PDF for the kommunestyre (pdfmake, the
 * report tooling of reports/pdf.ts) and an xlsx with the same tables (exports/xlsx.ts). Both
 * take the same table descriptions (reports/table.ts), so the two cannot disagree.
 */
import { formatPercent } from '$lib/format';
import {
	DEVIATION_SEVERITY_LABEL,
	DEVIATION_SOURCE_LABEL,
	DEVIATION_STATUS_LABEL,
	FINDING_KIND_LABEL,
	FINDING_STATUS_LABEL,
	TILSYN_STATUS_LABEL,
	type DeviationSeverity,
	type DeviationSource,
	type DeviationStatus,
	type FindingKind,
	type FindingStatus,
	type TilsynStatus
} from '$lib/domain/control/vocabulary';
import { PdfReport } from '../../reports/pdf';
import type { TableSpec } from '../../reports/table';
import { XlsxWorkbook } from '../../exports/xlsx';
import { datedFileName, organisationName } from '../../exports/download';
import type { SessionUser } from '../../auth/session';
import { CONTROL_REPORT_LIMIT, type ControlReportData } from './report';

const share = (p: number | null) => (p === null ? '–' : formatPercent(Math.round(p * 1000) / 10));

const label = <K extends string>(map: Record<K, string>, code: string) => map[code as K] ?? code;

/** The report's tables, in order, each under its section. */
export function controlReportTables(d: ControlReportData) {
	const routines: TableSpec = {
		caption: 'Årshjul og oppgaver i bruk per tjenesteområde',
		columns: [
			{ header: 'Tjenesteområde', width: '*' },
			{ header: 'Enheter med årshjul', format: 'integer' },
			{ header: 'Årshjul', format: 'integer' },
			{ header: 'Oppgaver', format: 'integer' }
		],
		rows: d.routines.byArea.map((a) => [a.name, a.units, a.wheels, a.tasks]),
		totals: [
			'Sum (hvert årshjul og hver oppgave én gang)',
			d.routines.total.units,
			d.routines.total.wheels,
			d.routines.total.tasks
		],
		empty: 'Ingen enheter bruker et årshjul i perioden.'
	};
	const wheels: TableSpec = {
		caption: 'Årshjulene i bruk',
		columns: [
			{ header: 'Årshjul', width: '*' },
			{ header: 'Eierenhet', width: '*' },
			{ header: 'Oppgaver i perioden', format: 'integer' },
			{ header: 'Enheter', format: 'integer' }
		],
		rows: d.routines.wheels.map((w) => [w.name, w.ownerUnit, w.tasks, w.units]),
		empty: 'Ingen årshjul er i bruk.'
	};
	const controls: TableSpec = {
		caption: 'Kontroller per enhet (hver rad med enhetene under seg)',
		columns: [
			{ header: 'Enhet', width: '*' },
			{ header: 'Skulle vært utført', format: 'integer' },
			{ header: 'Signert i tide', format: 'integer' },
			{ header: 'Signert for sent', format: 'integer' },
			{ header: 'Ikke utført', format: 'integer' },
			{ header: 'Andel i tide' }
		],
		rows: d.controls.rows.map((r) => [
			`${r.depth ? '– ' : ''}${r.name}`,
			r.due,
			r.onTime,
			r.late,
			r.notDone,
			share(r.share)
		]),
		totals: [
			d.unit ? `Sum for ${d.unit.name}` : 'Hele kommunen',
			d.controls.total.due,
			d.controls.total.onTime,
			d.controls.total.late,
			d.controls.total.notDone,
			share(d.controls.total.share)
		],
		empty: 'Ingen kontroller var forfalt i perioden.'
	};
	const dv = d.deviations;
	const deviationSummary: TableSpec = {
		caption: 'Avvik funnet i perioden',
		columns: [
			{ header: 'Avvik', width: '*' },
			{ header: 'Antall', format: 'integer' }
		],
		rows: [
			['Funnet i perioden', dv.total],
			...dv.bySeverity.map((s) => [`Alvorlighet: ${s.label}`, s.n]),
			...dv.bySource.map((s) => [`Kilde: ${s.label}`, s.n]),
			['Lukket', dv.closed],
			['Lukket innen fristen', dv.closedOnTime],
			['Lukket etter fristen', dv.closedLate],
			['Lukket, uten frist', dv.closedNoDeadline],
			['Åpne', dv.open],
			['Åpne over fristen', dv.openOverdue]
		]
	};
	const deviationRows: TableSpec = {
		caption: 'Avvikene og hvordan de ble fulgt opp',
		columns: [
			{ header: 'Funnet', format: 'date', width: 55 },
			{ header: 'Enhet', width: 60 },
			{ header: 'Avvik', width: '*' },
			{ header: 'Alvorlighet', width: 45 },
			{ header: 'Kilde', width: 50 },
			{ header: 'Korrigerende tiltak', width: '*' },
			{ header: 'Frist', format: 'date', width: 55 },
			{ header: 'Status', width: 40 },
			{ header: 'Lukket', format: 'date', width: 55 },
			{ header: 'Hva ble gjort', width: '*' }
		],
		rows: dv.list.map((r) => [
			r.foundOn,
			r.unitName,
			r.title,
			label<DeviationSeverity>(DEVIATION_SEVERITY_LABEL, r.severity),
			label<DeviationSource>(DEVIATION_SOURCE_LABEL, r.source),
			[r.correctiveAction, r.responsibleName ? `(${r.responsibleName})` : '']
				.filter(Boolean)
				.join(' '),
			r.deadline,
			label<DeviationStatus>(DEVIATION_STATUS_LABEL, r.status),
			r.closedAt === null ? null : new Date(r.closedAt),
			r.closingNote
		]),
		empty: 'Ingen avvik ble funnet i perioden.'
	};
	const ts = d.tilsyn;
	const tilsynRows: TableSpec = {
		caption: 'Tilsyn i perioden',
		columns: [
			{ header: 'Tilsynsmyndighet', width: 80 },
			{ header: 'Tema', width: '*' },
			{ header: 'Enheter', width: 70 },
			{ header: 'Startet', format: 'date', width: 55 },
			{ header: 'Lovbrudd', format: 'integer' },
			{ header: 'Merknader', format: 'integer' },
			{ header: 'Åpne funn', format: 'integer' },
			{ header: 'Frist oppfølgingsplan', format: 'date', width: 55 },
			{ header: 'Status', width: 50 }
		],
		rows: ts.list.map((t) => [
			t.authority,
			t.theme,
			t.units,
			t.startDate,
			t.breaches,
			t.remarks,
			t.openFindings,
			t.followUpDeadline,
			label<TilsynStatus>(TILSYN_STATUS_LABEL, t.status)
		]),
		empty: 'Ingen tilsyn i perioden.'
	};
	const findingRows: TableSpec = {
		caption: 'Funnene (lovbrudd og merknader) og deres status',
		columns: [
			{ header: 'Tilsyn', width: 90 },
			{ header: 'Funn', width: 45 },
			{ header: 'Beskrivelse', width: '*' },
			{ header: 'Status', width: 40 },
			{ header: 'Avvik registrert', format: 'integer' },
			{ header: 'Frist oppfølgingsplan', format: 'date', width: 55 }
		],
		rows: ts.findings.map((f) => [
			`${f.authority}: ${f.theme}`,
			label<FindingKind>(FINDING_KIND_LABEL, f.kind),
			f.text,
			label<FindingStatus>(FINDING_STATUS_LABEL, f.status),
			f.deviations,
			f.followUpDeadline
		]),
		empty: 'Tilsynene i perioden har ingen funn.'
	};
	return {
		routines,
		wheels,
		controls,
		deviationSummary,
		deviationRows,
		tilsynRows,
		findingRows
	};
}

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
		notes: [`Tall til og med: ${d.asOf}`, `Utarbeidet av: ${user.name}`, `Status: ${status}`]
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
			`Avvik funnet i perioden (kommuneloven § 25-1 c). «Over fristen» er vurdert per ${d.today}.`
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
	const t = controlReportTables(d);
	const xlsx = new XlsxWorkbook({
		title: d.title,
		organisation: organisationName(),
		createdAt: now,
		period: { from: d.period.from, to: d.period.to },
		notes: [
			`Tall til og med ${d.asOf}`,
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
