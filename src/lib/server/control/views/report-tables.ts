/**
 * The annual internal-control report's tables, one description for both outputs (reports/
 * table.ts): the PDF (narrow columns, joined) and the spreadsheet (a column for each value).
 */
import { formatDay, formatPercent, osloDay } from '$lib/format';
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
import type { TableSpec } from '../../reports/table';
import type { ControlReportData } from './report';

export const share = (p: number | null) =>
	p === null ? '–' : formatPercent(Math.round(p * 1000) / 10);

const label = <K extends string>(map: Record<K, string>, code: string) => map[code as K] ?? code;

/** The report's tables, in order, each under its section. */
export function controlReportTables(d: ControlReportData, wide = false) {
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
	// The PDF's page is narrow: what the spreadsheet has in columns of their own, it joins.
	const deviationRows: TableSpec = wide
		? {
				caption: 'Avvikene og hvordan de ble fulgt opp',
				columns: [
					{ header: 'Funnet', format: 'date' },
					{ header: 'Enhet' },
					{ header: 'Avvik' },
					{ header: 'Alvorlighet' },
					{ header: 'Kilde' },
					{ header: 'Korrigerende tiltak' },
					{ header: 'Ansvarlig' },
					{ header: 'Frist', format: 'date' },
					{ header: 'Status' },
					{ header: 'Lukket', format: 'date' },
					{ header: 'Hva ble gjort' }
				],
				rows: dv.list.map((r) => [
					r.foundOn,
					r.unitName,
					r.title,
					label<DeviationSeverity>(DEVIATION_SEVERITY_LABEL, r.severity),
					label<DeviationSource>(DEVIATION_SOURCE_LABEL, r.source),
					r.correctiveAction,
					r.responsibleName,
					r.deadline,
					label<DeviationStatus>(DEVIATION_STATUS_LABEL, r.status),
					r.closedAt === null ? null : new Date(r.closedAt),
					r.closingNote
				]),
				empty: 'Ingen avvik ble funnet i perioden.'
			}
		: {
				caption: 'Avvikene og hvordan de ble fulgt opp',
				columns: [
					{ header: 'Funnet', format: 'date', width: 52 },
					{ header: 'Enhet', width: 62 },
					{ header: 'Avvik', width: '*' },
					{ header: 'Frist', format: 'date', width: 52 },
					{ header: 'Status', width: 58 },
					{ header: 'Oppfølging', width: '*' }
				],
				rows: dv.list.map((r) => [
					r.foundOn,
					r.unitName,
					`${r.title} (${label<DeviationSeverity>(DEVIATION_SEVERITY_LABEL, r.severity).toLowerCase()}; ${label<DeviationSource>(DEVIATION_SOURCE_LABEL, r.source).toLowerCase()})`,
					r.deadline,
					r.closedAt === null
						? label<DeviationStatus>(DEVIATION_STATUS_LABEL, r.status)
						: `Lukket ${formatDay(osloDay(new Date(r.closedAt)))}`,
					r.closingNote ??
						([r.correctiveAction, r.responsibleName ? `(${r.responsibleName})` : '']
							.filter(Boolean)
							.join(' ') ||
							'–')
				]),
				empty: 'Ingen avvik ble funnet i perioden.'
			};
	const ts = d.tilsyn;
	const tilsynRows: TableSpec = {
		caption: 'Tilsyn i perioden',
		columns: [
			{ header: 'Tilsynsmyndighet og tema', width: '*' },
			{ header: 'Enheter', width: 80 },
			{ header: 'Startet', format: 'date', width: 52 },
			{ header: 'Lovbrudd', format: 'integer', width: 38 },
			{ header: 'Merknader', format: 'integer', width: 42 },
			{ header: 'Åpne funn', format: 'integer', width: 32 },
			{ header: 'Frist for plan', format: 'date', width: 52 },
			{ header: 'Status', width: 48 }
		],
		rows: ts.list.map((t) => [
			`${t.authority}: ${t.theme}`,
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
			{ header: 'Tilsyn', width: 110 },
			{ header: 'Funn', width: 45 },
			{ header: 'Beskrivelse', width: '*' },
			{ header: 'Status', width: 40 },
			{ header: 'Avvik', format: 'integer', width: 30 },
			{ header: 'Frist for plan', format: 'date', width: 52 }
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
