/**
 * Etterlevelse as a spreadsheet (steering issue «Spreadsheets»: wheel compliance per unit ×
 * month): the rows the page shows for the same filter (year, wheel, unit, rows opened), one
 * line per row and month, and the page's own sum per month on a sheet of its own. The figures
 * are the page's (complianceView), so the workbook and the page cannot disagree. At most 12
 * rows are opened at once, so the sheet is bounded by the units on one level × 12 months.
 */
import { MONTHS } from '$lib/domain/schedule';
import { XlsxWorkbook } from '$lib/server/exports/xlsx';
import { datedFileName, organisationName } from '$lib/server/exports/download';
import type { CellValue } from '$lib/server/reports/table';
import { complianceView } from './compliance';

const share = (onTime: number, total: number) => (total ? onTime / total : null);

export async function complianceXlsx(url: URL, now: Date) {
	const view = complianceView(url, now);
	const month = (i: number) => `${view.filter.year}-${String(i + 1).padStart(2, '0')}`;
	const rows: CellValue[][] = view.rows.flatMap((r) =>
		MONTHS.map((_, i) => [
			r.unitId,
			r.name,
			r.kind === 'own' ? 'Egne oppgaver' : 'Enhet med underenheter',
			r.depth,
			month(i),
			r.total[i] ?? 0,
			r.signed[i] ?? 0,
			r.onTime[i] ?? 0,
			share(r.onTime[i] ?? 0, r.total[i] ?? 0)
		])
	);
	const sums = MONTHS.map((_, i): CellValue[] => [
		month(i),
		view.total.total[i] ?? 0,
		view.total.signed[i] ?? 0,
		view.total.onTime[i] ?? 0,
		share(view.total.onTime[i] ?? 0, view.total.total[i] ?? 0)
	]);
	const add = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
	const wheel = view.wheels.find((w) => w.id === view.filter.wheelId);
	const notes = [
		`År: ${view.filter.year}`,
		wheel ? `Årshjul: ${wheel.name}` : 'Alle årshjul',
		view.path.length ? `Enhet: ${view.path.map((p) => p.name).join(' › ')}` : 'Øverste nivå',
		'«Enhet med underenheter» summerer enheten og alt under den; en åpnet rad vises med radene under seg, så radene kan overlappe. «Sum per måned» teller hver oppgave én gang.',
		'Forfalt: forekomster med frist i måneden (til og med i dag). Andel i tide: signert innen fristen ÷ forfalt.'
	];
	const columns = [
		{ header: 'Måned', format: 'month' as const },
		{ header: 'Forfalt', format: 'integer' as const },
		{ header: 'Signert', format: 'integer' as const },
		{ header: 'Signert i tide', format: 'integer' as const },
		{ header: 'Andel i tide', format: 'percent' as const }
	];
	const xlsx = new XlsxWorkbook({
		title: 'Etterlevelse',
		organisation: organisationName(),
		createdAt: now,
		period: { from: `${view.filter.year}-01-01`, to: `${view.filter.year}-12-31` },
		notes
	})
		.sheet({
			name: 'Enhet og måned',
			caption: 'Etterlevelse per enhet og måned',
			columns: [
				{ header: 'Enhet-ID', format: 'integer' },
				{ header: 'Enhet' },
				{ header: 'Rad' },
				{ header: 'Nivå', format: 'integer' },
				...columns
			],
			rows,
			empty: 'Ingen enheter med oppgaver i utvalget.'
		})
		.sheet({
			name: 'Sum per måned',
			caption: 'Sum per måned',
			columns,
			rows: sums,
			totals: [
				'Sum',
				add(view.total.total),
				add(view.total.signed),
				add(view.total.onTime),
				share(add(view.total.onTime), add(view.total.total))
			]
		});
	return {
		content: await xlsx.render(),
		fileName: datedFileName(`etterlevelse-${view.filter.year}`, now, 'xlsx'),
		rows: rows.length
	};
}
