/**
 * The change log (xlsx, PDF), the internal-control report (PDF, xlsx) and the benefit
 * realisation plan (PDF) in the reader's language: each made in nynorsk and English and read
 * back (ExcelJS, pdftotext) for its headings, columns, file name and a date or kroner amount
 * written as that language writes them. Bokmål is the other specs' (audit-log-page,
 * control-report, reports-archive). The guards' refusals follow the reader too.
 */
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { GET as logXlsxGet } from '../../src/routes/(app)/admin/logg/last-ned/+server';
import { GET as logPdfGet } from '../../src/routes/(app)/admin/logg/pdf/+server';
import { GET as controlPdfGet } from '../../src/routes/(app)/internkontroll/arsrapport/pdf/+server';
import { GET as controlXlsxGet } from '../../src/routes/(app)/internkontroll/arsrapport/xlsx/+server';
import { GET as planGet } from '../../src/routes/(app)/gevinster/prosjekt/[id=id]/gevinstrealiseringsplan/+server';
import { makeEvent, makeUnit, makeUser, outcome, signIn, type Signed } from '../factories';
import { logGain, makeBenefit, makeMission, makeProject, planBenefit } from '../factories/benefits';
import { makeWheel } from '../factories/wheel';
import { withLocale } from '$lib/server/i18n';
import { isBokmaalFile } from '$lib/server/i18n';
import { pdfText } from '$lib/server/reports/pdf-text';
import { requireMapEditor } from '$lib/server/benefits/access';
import { requireAdmin } from '$lib/server/auth/guards';
import { requireControlReportReader } from '$lib/server/control/access';
import type { Locale } from '$lib/i18n';
import { formatDateTime } from '$lib/format';

const NOW = new Date('2026-11-25T12:00:00Z');
/** pdftotext's text with table cells' line breaks and the number spaces as plain spaces. */
const flat = (text: string) => text.replace(/[\s\u00a0\u202f]+/g, ' ');
let admin: Signed, viewer: Signed;
let projectId = 0;

beforeAll(async () => {
	admin = signIn(await makeUser([{ role: 'admin' }], { name: 'Ada Admin' }), NOW);
	viewer = signIn(await makeUser([{ role: 'viewer' }]), NOW);
	const owner = signIn(await makeUser([{ role: 'programme_leader' }])).user.id;
	const mission = makeMission(owner);
	projectId = makeProject(owner, [mission.tracks[0]!], 1).projectId;
	const benefit = makeBenefit(projectId, { title: 'Færre purringer', unit: 'kr' }, owner);
	planBenefit(benefit, { baseline: 0, target: 240_000, method: 'Telling' }, owner, NOW);
	logGain(benefit, '2026-10', 20_000, owner, NOW);
	const unit = makeUnit('Helse og omsorg');
	makeWheel({
		ownerUnitId: unit,
		unitIds: [unit],
		tasks: [{ title: 'Legemiddelgjennomgang', schedule: { kind: 'monthly', dueDay: null } }]
	});
});

async function download(
	locale: Locale,
	get: (event: never) => unknown,
	path: string,
	signed = admin,
	params: Record<string, string> = {}
) {
	const r = await withLocale(locale, () =>
		outcome(() => get(makeEvent({ signed, path, params, now: NOW }) as never))
	);
	const res = (r as { data: Response }).data;
	return {
		fileName: /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1],
		bytes: new Uint8Array(await res.arrayBuffer())
	};
}

async function workbook(bytes: Uint8Array) {
	const wb = new ExcelJS.Workbook();
	await wb.xlsx.load(bytes.buffer as ArrayBuffer);
	return wb;
}

const rowValues = (ws: ExcelJS.Worksheet, n: number) =>
	(ws.getRow(n).values as ExcelJS.CellValue[]).slice(1);

/** Every cell's text of a sheet, joined: the «about» sheet's notes. */
function sheetText(ws: ExcelJS.Worksheet): string {
	const out: string[] = [];
	ws.eachRow((row) => row.eachCell((cell) => out.push(String(cell.text))));
	return flat(out.join(' '));
}

describe('the change log', () => {
	it('as xlsx in English and nynorsk: sheet, columns, rows and the time it was made', async () => {
		const en = await download('en', logXlsxGet, '/admin/logg/last-ned?type=project');
		expect(en.fileName).toBe('change-log-2026-11-25.xlsx');
		const wb = await workbook(en.bytes);
		const log = wb.getWorksheet('Change log')!;
		expect(rowValues(log, 1).slice(0, 8)).toEqual([
			'Row ID',
			'Time (Norwegian time)',
			'Done by',
			'What',
			'Concerns',
			'ID',
			'Action',
			'Change (before → after)'
		]);
		expect(rowValues(log, 2)[3]).toBe('Project');
		const about = sheetText(wb.worksheets.at(-1)!);
		expect(about).toContain('What: Project');
		expect(about).toContain(`Created: ${withLocale('en', () => formatDateTime(NOW))}`);
		expect(about).toContain('Check of the hash chain: The');

		const nn = await download('nn', logXlsxGet, '/admin/logg/last-ned');
		expect(nn.fileName).toBe('endringslogg-2026-11-25.xlsx');
		const nnBook = await workbook(nn.bytes);
		expect(rowValues(nnBook.getWorksheet('Endringslogg')!, 1)[4]).toBe('Gjeld');
		expect(sheetText(nnBook.worksheets.at(-1)!)).toContain(
			flat(`Laga: ${withLocale('nn', () => formatDateTime(NOW))}`)
		);
	});

	it('as a PDF in English and nynorsk: headings, the count and the dates', async () => {
		const en = await download('en', logPdfGet, '/admin/logg/pdf?fra=2026-01-01');
		expect(en.fileName).toBe('change-log-2026-11-25.pdf');
		const text = flat(pdfText(en.bytes));
		for (const words of [
			'Change log',
			'Extract for supervision',
			'Selection and check',
			'The events',
			'Period: 1 January 2026 – today',
			'Issued 25 November 2026 Prepared by Ada Admin',
			'Page 2 of'
		]) {
			expect(text).toContain(words);
		}
		expect(text).toMatch(/\d+ events in the selection, all shown\./);
		expect(text).not.toContain('Hendelsene');

		const nn = flat(pdfText((await download('nn', logPdfGet, '/admin/logg/pdf')).bytes));
		expect(nn).toContain('Utval og kontroll');
		expect(nn).toContain('Hendingane');
		expect(nn).toMatch(/hendingar i utvalet, alle viste\./);
		expect(nn).toContain('Utferda 25. november 2026');
	});
});

describe('the internal-control report', () => {
	it('as a PDF in English and nynorsk: sections, title, the figures’ date', async () => {
		const en = await download('en', controlPdfGet, '/internkontroll/arsrapport/pdf');
		expect(en.fileName).toBe('internal-control-2026-2026-11-25.pdf');
		const text = flat(pdfText(en.bytes));
		for (const words of [
			'Internal-control report',
			'1. Routines in use',
			'2. Controls carried out',
			'3. Deviations and follow-up',
			'4. Supervisions',
			'5. The chief municipal executive’s assessment',
			'Figures up to and including 25 November 2026',
			'Status Draft (not frozen)',
			'Not written.'
		]) {
			expect(text).toContain(words);
		}
		expect(text).not.toContain('Rutiner i bruk');

		const nn = flat(
			pdfText((await download('nn', controlPdfGet, '/internkontroll/arsrapport/pdf')).bytes)
		);
		expect(nn).toContain('1. Rutinar i bruk');
		expect(nn).toContain('Internkontroll 2026 – heile kommunen');
		expect(nn).toContain('Tal til og med 25. november 2026');
	});

	it('as xlsx in English and nynorsk: sheets, columns and the figures’ date', async () => {
		const en = await download('en', controlXlsxGet, '/internkontroll/arsrapport/xlsx');
		expect(en.fileName).toBe('internal-control-2026-2026-11-25.xlsx');
		const wb = await workbook(en.bytes);
		expect(wb.worksheets.map((w) => w.name).slice(0, 8)).toEqual([
			'Routines',
			'Annual wheels',
			'Controls',
			'Deviations, count',
			'Deviations',
			'Supervisions',
			'Findings',
			'Assessment'
		]);
		expect(sheetText(wb.getWorksheet('Controls')!)).toContain(
			'Unit Due Signed on time Signed late Not done Share on time'
		);
		expect(sheetText(wb.worksheets.at(-1)!)).toContain(
			'Figures up to and including 25 November 2026'
		);

		const nn = await workbook(
			(await download('nn', controlXlsxGet, '/internkontroll/arsrapport/xlsx')).bytes
		);
		expect(nn.getWorksheet('Kontrollar')).toBeDefined();
		expect(sheetText(nn.getWorksheet('Avvik, tal')!)).toContain('Funne i perioden');
		expect(sheetText(nn.worksheets.at(-1)!)).toContain('Tal til og med 25. november 2026');
	});
});

describe('the benefit realisation plan', () => {
	const path = () => `/gevinster/prosjekt/${projectId}/gevinstrealiseringsplan`;
	const params = () => ({ id: String(projectId) });

	it('in English: sections, columns, kroner and the file name', async () => {
		const en = await download('en', planGet, path(), admin, params());
		expect(en.fileName).toMatch(/^benefit-realisation-plan-.+-2026-11-25\.pdf$/);
		const text = flat(pdfText(en.bytes));
		for (const words of [
			'Benefit realisation plan',
			'About the project',
			'Benefit owner',
			'Priced and non-priced effects',
			'Budget effect and alternative use',
			'Measures and risk',
			'Follow-up against the baseline',
			'Realised benefit in kroner (kroner benefits, above the baseline) NOK 20,000',
			'Status Draft (not frozen)',
			'Latest month Planned Realised',
			'NOK purringer 0 October 2026 196,364 20,000',
			'Planned and realised: Færre purringer'
		]) {
			expect(text).toContain(words);
		}
		expect(text).not.toContain('Om prosjektet');
		// The map's bands, drawn as text in the figure.
		expect(text).toMatch(/Measure[\s\S]*Benefit[\s\S]*Figure 2: Benefit map for/);
		expect(text).not.toContain('Tiltak Gevinst');
	});

	it('in nynorsk: sections and kroner as nynorsk writes them', async () => {
		const nn = await download('nn', planGet, path(), admin, params());
		expect(nn.fileName).toMatch(/^gevinstrealiseringsplan-.+-2026-11-25\.pdf$/);
		const text = flat(pdfText(nn.bytes));
		expect(text).toContain('Gevinstansvarleg');
		expect(text).toContain('Prissette og ikkje-prissette verknader');
		expect(text).toContain('(kronegevinstar, over nullpunkt) 20 000 kr');
		expect(text).toContain('Utferda');
	});
});

describe('the translated downloads', () => {
	it('follow the reader; the archive’s stored files and the calendar do not', () => {
		for (const path of [
			'/admin/logg/last-ned',
			'/admin/logg/pdf',
			'/internkontroll/arsrapport/pdf',
			'/internkontroll/arsrapport/xlsx',
			'/gevinster/prosjekt/12/gevinstrealiseringsplan'
		]) {
			expect(isBokmaalFile(path), path).toBe(false);
		}
		expect(isBokmaalFile('/rapporter/3/fil')).toBe(true);
		expect(isBokmaalFile('/kalender/abc.ics')).toBe(true);
	});
});

describe('the guards’ refusals', () => {
	const refused = (locale: Locale, run: () => unknown) => withLocale(locale, () => outcome(run));
	const controlEvent = () =>
		makeEvent({ signed: viewer, path: '/internkontroll/arsrapport', now: NOW }) as never;
	const mapEvent = () =>
		makeEvent({ signed: viewer, path: `/gevinster/prosjekt/${projectId}`, now: NOW }) as never;

	it('are in the reader’s language, and in bokmål as before', async () => {
		expect(await refused('en', () => requireControlReportReader(controlEvent()))).toMatchObject({
			status: 403,
			message:
				'The internal-control report is for the chief municipal executive, the steering group and administrators.'
		});
		expect(await refused('nn', () => requireMapEditor(mapEvent(), projectId))).toMatchObject({
			status: 403,
			message: 'Berre programleiaren for prosjektet kan endre gevinstkartet.'
		});
		expect(await refused('nb', () => requireMapEditor(mapEvent(), projectId))).toMatchObject({
			status: 403,
			message: 'Bare prosjektets programleder kan endre gevinstkartet.'
		});
		expect(await refused('nn', () => requireAdmin(controlEvent()))).toMatchObject({
			status: 403,
			message: 'Denne sida er for administratorar.'
		});
		expect(await refused('nb', () => requireAdmin(controlEvent()))).toMatchObject({
			status: 403,
			message: 'Denne siden er for administratorer.'
		});
		expect(await refused('en', () => requireMapEditor(mapEvent(), 999_999))).toMatchObject({
			status: 404,
			message: 'Project not found.'
		});
	});
});
