/**
 * Downloads as spreadsheets (steering issue «Spreadsheets»): each endpoint answers an xlsx
 * attachment with a Norwegian file name, that ExcelJS reads back with typed cells and number
 * formats, sums equal to the page's, the page's filters applied, and the page's guard: a
 * viewer gets what a viewer may see, a signed-out visitor is sent to the login page.
 */
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { GET as registerGet } from '../../src/routes/(app)/gevinster/last-ned/+server';
import { GET as portfolioGet } from '../../src/routes/(app)/portefolje/last-ned/+server';
import { GET as risksGet } from '../../src/routes/(app)/portefolje/risiko/last-ned/+server';
import { GET as complianceGet } from '../../src/routes/(app)/arshjul/etterlevelse/last-ned/+server';
import { GET as logGet } from '../../src/routes/(app)/admin/logg/last-ned/+server';
import { load as overviewLoad } from '../../src/routes/(app)/gevinster/+page.server';
import { load as portfolioLoad } from '../../src/routes/(app)/portefolje/+page.server';
import { load as risksLoad } from '../../src/routes/(app)/portefolje/risiko/+page.server';
import { load as complianceLoad } from '../../src/routes/(app)/arshjul/etterlevelse/+page.server';
import { makeEvent, makeUnit, makeUser, outcome, signIn, type Signed } from '../factories';
import { logGain, makeBenefit, makeMission, makeProject, planBenefit } from '../factories/benefits';
import { makeRisk } from '../factories/portfolio';
import { makeWheel } from '../factories/wheel';
import { addEstimateLine } from '$lib/server/db/queries/benefits-gains';
import { NUMBER_FORMATS, XLSX_MEDIA_TYPE } from '$lib/server/exports/xlsx';
import { contentDisposition } from '$lib/server/exports/download';
import { withLocale } from '$lib/server/i18n';
import { REGISTER_HEADERS } from '$lib/server/benefits/views/register';

const NOW = new Date('2026-11-25T12:00:00Z');
const PEOPLE = ['admin', 'steering', 'leader', 'unit_leader', 'viewer'] as const;
type Person = (typeof PEOPLE)[number] | 'signed_out';
const who = {} as Record<(typeof PEOPLE)[number], Signed>;
let trackIds: number[] = [];
let benefitIds: number[] = [];

async function read(response: Response) {
	const wb = new ExcelJS.Workbook();
	await wb.xlsx.load((await response.arrayBuffer()) as ArrayBuffer);
	return wb;
}

function sheetRows(ws: ExcelJS.Worksheet) {
	const rows: ExcelJS.CellValue[][] = [];
	ws.eachRow((row) => rows.push((row.values as ExcelJS.CellValue[]).slice(1)));
	return rows;
}

beforeAll(async () => {
	who.admin = signIn(await makeUser([{ role: 'admin' }]));
	who.steering = signIn(await makeUser([{ role: 'steering' }]));
	who.leader = signIn(await makeUser([{ role: 'programme_leader' }]));
	const unit = makeUnit('Helse og omsorg');
	who.unit_leader = signIn(await makeUser([{ role: 'unit_leader', unitId: unit }]));
	who.viewer = signIn(await makeUser([{ role: 'viewer' }]));
	const { tracks } = makeMission(who.admin.user.id);
	trackIds = tracks;
	const a = makeProject(who.leader.user.id, [tracks[0]!]);
	const b = makeProject(who.leader.user.id, [tracks[1]!]);
	const leader = who.leader.user.id;
	benefitIds = [
		makeBenefit(a.projectId, { title: 'Spart porto', unit: 'kr', ownerId: leader }),
		makeBenefit(a.projectId, { title: 'Spart tid', unit: 'timer', level: 'bruker' }),
		makeBenefit(b.projectId, { title: 'Færre klager', unit: 'antall' })
	];
	planBenefit(benefitIds[0]!, { baseline: 0, target: 120_000, method: 'Telling' }, leader, NOW);
	const line = (id: number, amountPerCase: number, cases: number, sharePercent: number) =>
		addEstimateLine(id, { description: 'Linje', amountPerCase, cases, sharePercent }, leader, NOW);
	line(benefitIds[0]!, 1_000, 100, 100);
	line(benefitIds[0]!, 250, 10, 50);
	line(benefitIds[1]!, 2, 300, 100);
	line(benefitIds[2]!, 1, 40, 100);
	for (const [period, value] of [
		['2026-03', 10_000],
		['2026-06', 40_000]
	] as const) {
		logGain(benefitIds[0]!, period, value, leader, NOW);
	}
	makeRisk({ projectId: a.projectId }, leader);
	makeRisk({ projectId: b.projectId }, leader);
	makeWheel({ ownerUnitId: unit, unitIds: [unit] });
});

const as = (s: Signed | null, path: string) => makeEvent({ signed: s, path, now: NOW }) as never;
const signedIn = (p: Person) => (p === 'signed_out' ? null : who[p]);

const ENDPOINTS = {
	'/gevinster/last-ned': { get: registerGet, allowed: PEOPLE },
	'/portefolje/last-ned': { get: portfolioGet, allowed: PEOPLE },
	'/portefolje/risiko/last-ned': { get: risksGet, allowed: PEOPLE },
	'/arshjul/etterlevelse/last-ned': { get: complianceGet, allowed: ['admin', 'steering'] },
	'/admin/logg/last-ned': { get: logGet, allowed: ['admin'] }
} as const;

describe('who may download what: the same guard as the page', () => {
	for (const [path, { get, allowed }] of Object.entries(ENDPOINTS)) {
		for (const person of [...PEOPLE, 'signed_out'] as Person[]) {
			const may = (allowed as readonly string[]).includes(person);
			it(`${path}: ${person} ${may ? 'gets the file' : 'is refused'}`, async () => {
				const r = await outcome(() => get(as(signedIn(person), path)));
				if (may) {
					expect(r.kind).toBe('ok');
					const res = (r as { data: Response }).data;
					expect(res.status).toBe(200);
					expect(res.headers.get('content-type')).toBe(XLSX_MEDIA_TYPE);
					expect(res.headers.get('content-disposition')).toMatch(
						/^attachment; filename="[a-z0-9-]+-2026-11-25\.xlsx"; filename\*=UTF-8''/
					);
				} else if (person === 'signed_out') {
					expect(r).toMatchObject({ kind: 'redirect', status: 303 });
				} else {
					expect(r).toMatchObject({ kind: 'error', status: 403 });
				}
			});
		}
	}
});

describe('the file name header', () => {
	it('spells æøå in filename* and plainly in filename', () => {
		expect(contentDisposition('portefølje-2026.xlsx')).toBe(
			`attachment; filename="portefolje-2026.xlsx"; filename*=UTF-8''portef%C3%B8lje-2026.xlsx`
		);
	});
});

describe('the benefits register', () => {
	it('one row per benefit, typed cells, the sums the page shows, lines and realisations on their own sheets', async () => {
		const wb = await read(await registerGet(as(who.viewer, '/gevinster/last-ned')));
		expect(wb.worksheets.map((w) => w.name)).toEqual([
			'Gevinster',
			'Estimatlinjer',
			'Realiseringer',
			'Om uttrekket'
		]);
		const ws = wb.getWorksheet('Gevinster')!;
		const rows = sheetRows(ws);
		expect(rows[0]).toEqual([...REGISTER_HEADERS.benefits]);
		// Three benefits and the sum row.
		expect(rows).toHaveLength(5);
		const col = (h: string) => REGISTER_HEADERS.benefits.indexOf(h as never) + 1;
		const porto = ws.getRow(2);
		expect(porto.getCell(col('Gevinst')).value).toBe('Spart porto');
		expect(porto.getCell(col('Estimat (kr)')).value).toBe(101_250);
		expect(porto.getCell(col('Estimat (kr)')).numFmt).toBe(NUMBER_FORMATS.kroner);
		expect(porto.getCell(col('Nullpunkt dato')).value).toEqual(new Date('2026-01-01T00:00:00Z'));
		expect(porto.getCell(col('Realisert')).value).toBe(50_000);
		expect(porto.getCell(col('Gevinstansvarlig')).value).toBe(who.leader.user.name);
		const page = (await overviewLoad(as(who.viewer, '/gevinster'))) as {
			scope: {
				sums: {
					mission: {
						kroner: { gross: { estimate: number } };
						hours: { gross: { estimate: number } };
					}[];
				};
			};
		};
		const sums = ws.getRow(5);
		const kr = sums.getCell(col('Estimat (kr)')).value as { formula: string; result: number };
		expect(kr.formula).toBe('SUM(R2:R4)');
		expect(kr.result).toBe(page.scope.sums.mission[0]!.kroner.gross.estimate);
		const hours = sums.getCell(col('Estimat (timer)')).value as { result: number };
		expect(hours.result).toBe(page.scope.sums.mission[0]!.hours.gross.estimate);

		const lines = sheetRows(wb.getWorksheet('Estimatlinjer')!);
		expect(lines[0]).toEqual([...REGISTER_HEADERS.lines]);
		expect(lines).toHaveLength(5);
		expect(wb.getWorksheet('Estimatlinjer')!.getRow(3).getCell(8).value).toBe(0.5);
		const real = wb.getWorksheet('Realiseringer')!;
		expect(sheetRows(real)).toHaveLength(3);
		expect(real.getRow(2).getCell(5).value).toEqual(new Date('2026-03-01T00:00:00Z'));
		expect(real.getRow(2).getCell(5).numFmt).toBe(NUMBER_FORMATS.month);
		const about = sheetRows(wb.getWorksheet('Om uttrekket')!).map((r) => r.join(' '));
		expect(about.join('\n')).toContain('Gevinster: alle 3 radene.');
		expect(about.join('\n')).toContain('Grense per ark: 10');
	});

	it('keeps the page filter: a track', async () => {
		const res = await registerGet(as(who.viewer, `/gevinster/last-ned?spor=${trackIds[1]}`));
		const wb = await read(res);
		const rows = sheetRows(wb.getWorksheet('Gevinster')!);
		expect(rows.slice(1, -1).map((r) => r[1])).toEqual(['Færre klager']);
		expect(sheetRows(wb.getWorksheet('Estimatlinjer')!)).toHaveLength(2);
		// No realisations in track 5: the sheet says so under its header.
		expect(sheetRows(wb.getWorksheet('Realiseringer')!)[1]).toEqual([
			'Ingen realiseringer i utvalget.'
		]);
		const about = sheetRows(wb.getWorksheet('Om uttrekket')!).map((r) => r.join(' '));
		expect(about.join('\n')).toMatch(/Utvalg Spor: 5/);
	});

	it('says so when the filter names no track, and gives the whole mission', async () => {
		const wb = await read(await registerGet(as(who.viewer, '/gevinster/last-ned?spor=9999')));
		expect(sheetRows(wb.getWorksheet('Gevinster')!)).toHaveLength(5);
		const about = sheetRows(wb.getWorksheet('Om uttrekket')!).map((r) => r.join(' '));
		expect(about.join('\n')).toContain('Fant ikke sporet «9999». Viser alle spor.');
	});
});

describe('the portfolio, risks, compliance and the log', () => {
	it('portfolio: tracks, the ranked projects the page counts, their measures', async () => {
		const wb = await read(await portfolioGet(as(who.viewer, '/portefolje/last-ned')));
		expect(wb.worksheets.map((w) => w.name)).toEqual([
			'Spor',
			'Prosjekter',
			'Tiltak',
			'Om uttrekket'
		]);
		const page = (await portfolioLoad(as(who.viewer, '/portefolje'))) as { total: number };
		expect(sheetRows(wb.getWorksheet('Prosjekter')!)).toHaveLength(page.total + 1);
		expect(sheetRows(wb.getWorksheet('Tiltak')!)).toHaveLength(3);
		expect(wb.getWorksheet('Prosjekter')!.getRow(2).getCell(1).value).toBe(1);
	});

	it('risks: the list the page counts, with scores as numbers', async () => {
		const wb = await read(await risksGet(as(who.viewer, '/portefolje/risiko/last-ned')));
		const page = (await risksLoad(as(who.viewer, '/portefolje/risiko'))) as { listed: number };
		const rows = sheetRows(wb.getWorksheet('Risikoer')!);
		expect(rows).toHaveLength(page.listed + 1);
		expect(typeof rows[1]![7]).toBe('number');
	});

	it('compliance: unit × month, and the page’s sum per month', async () => {
		const wb = await read(await complianceGet(as(who.steering, '/arshjul/etterlevelse/last-ned')));
		const page = (await complianceLoad(as(who.steering, '/arshjul/etterlevelse'))) as {
			rows: unknown[];
			total: { total: number[] };
		};
		expect(sheetRows(wb.getWorksheet('Enhet og måned')!)).toHaveLength(page.rows.length * 12 + 1);
		const sums = wb.getWorksheet('Sum per måned')!;
		const total = sums.getRow(14).getCell(2).value as { result: number };
		expect(total.result).toBe(page.total.total.reduce((a, b) => a + b, 0));
		expect(sums.getRow(2).getCell(5).numFmt).toBe(NUMBER_FORMATS.percent);
	});

	it('compliance in nynorsk: its sheets, headers and sum row in the reader’s language', async () => {
		const wb = await read(
			await withLocale('nn', () =>
				complianceGet(as(who.steering, '/arshjul/etterlevelse/last-ned'))
			)
		);
		expect(wb.worksheets.map((w) => w.name)).toEqual([
			'Eining og månad',
			'Sum per månad',
			'Om uttrekket'
		]);
		const sums = wb.getWorksheet('Sum per månad')!;
		expect(sheetRows(sums)[0]).toEqual([
			'Månad',
			'Forfalle',
			'Signert',
			'Signert i tide',
			'Del i tide'
		]);
		expect(sums.getRow(14).getCell(1).value).toBe('Sum');
	});

	it('the change log: newest first, the filter applied', async () => {
		const wb = await read(await logGet(as(who.admin, '/admin/logg/last-ned?type=risk')));
		const rows = sheetRows(wb.getWorksheet('Endringslogg')!);
		expect(rows.length).toBe(3);
		expect(rows.slice(1).every((r) => r[3] === 'Risiko')).toBe(true);
	});
});
