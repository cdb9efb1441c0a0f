import { beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import * as benefitsImport from '../../src/routes/(app)/gevinster/import/+page.server';
import * as realisationsImport from '../../src/routes/(app)/gevinster/import/realiseringer/+page.server';
import { makeUser, signIn, type Signed } from '../factories';
import { importPage } from '../factories/imports';
import {
	makeBenefit,
	makeMission,
	makeProject,
	makeRegisterBenefit,
	planBenefit
} from '../factories/benefits';
import { deleteBenefit } from '$lib/server/db/queries/benefits';
import { db } from '$lib/server/db';
import { getProjectById } from '$lib/server/db/queries/projects';
import { logRealisation } from '$lib/server/db/queries/benefits-gains';
import { confirmRealisation } from '$lib/server/db/queries/benefits-attestation';
import { benefitRegisterXlsx } from '$lib/server/benefits/views/register';
import { readSpreadsheet } from '$lib/server/imports/read';

// 3 December 2026: November is the last month that has begun... and December itself.
const NOW = new Date('2026-12-03T09:00:00Z');
const who: Record<string, Signed> = {};
let projectTitle = '';
let otherProjectTitle = '';
let benefitId = 0;
let qualitativeId = 0;
let attestedRow = 0;

const importer = (route: unknown, path: string) =>
	importPage(route, { path, now: NOW, signed: () => who.per! });

const benefitsIn = importer(benefitsImport, '/gevinster/import');
const realisationsIn = importer(realisationsImport, '/gevinster/import/realiseringer');

const count = (table: string) =>
	(db.$client.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;

const ok = <T>(r: { ok: true; value: T } | { ok: false; reason: string }) => {
	if (!r.ok) throw new Error(r.reason);
	return r.value;
};

/** The register's «Gevinster» rows by title: what a user reads in the downloaded file. */
async function registerRows() {
	const file = await benefitRegisterXlsx(who.per!.user, new URLSearchParams(), NOW);
	const wb = new ExcelJS.Workbook();
	await wb.xlsx.load(Buffer.from(file.content) as never);
	const ws = wb.getWorksheet('Gevinster')!;
	const headers = (ws.getRow(1).values as unknown[]).slice(1).map(String);
	const out = new Map<string, Record<string, unknown>>();
	ws.eachRow((row, n) => {
		if (n === 1) return;
		const cells = (row.values as unknown[]).slice(1);
		out.set(String(cells[1]), Object.fromEntries(headers.map((h, i) => [h, cells[i] ?? null])));
	});
	return out;
}

async function workbook(sheets: Record<string, (string | number | null)[][]>) {
	const wb = new ExcelJS.Workbook();
	for (const [name, rows] of Object.entries(sheets)) wb.addWorksheet(name).addRows(rows);
	return new Uint8Array(await wb.xlsx.writeBuffer());
}

beforeAll(async () => {
	const perId = await makeUser([{ role: 'programme_leader' }], { name: 'Per Programleder' });
	who.per = signIn(perId);
	const olgaId = await makeUser([{ role: 'viewer' }], { name: 'Olga Eier' });
	who.olga = signIn(olgaId);
	who.lise = signIn(await makeUser([{ role: 'programme_leader' }], { name: 'Lise Leder' }));
	who.viewer = signIn(await makeUser([{ role: 'viewer' }]));
	const { tracks } = makeMission(perId);
	const { projectId } = makeProject(perId, [tracks[0]!]);
	projectTitle = getProjectById(projectId)!.title;
	otherProjectTitle = getProjectById(makeProject(perId, [tracks[1]!]).projectId)!.title;
	benefitId = makeRegisterBenefit(projectId, { ownerId: olgaId }, perId, olgaId, NOW);
	attestedRow = ok(
		logRealisation(
			benefitId,
			{ period: '2026-04', value: 12_000, comment: 'April', evidence: '', supersedesId: null },
			olgaId,
			NOW
		)
	);
	ok(
		confirmRealisation(
			benefitId,
			{ realisationId: attestedRow, kind: 'attest', period: '2026-04', statement: 'Jeg bekrefter' },
			olgaId,
			NOW
		)
	);
	qualitativeId = makeBenefit(
		projectId,
		{ title: 'Tryggere overganger', kind: 'kvalitativ', unit: undefined, indicator: '' },
		perId
	);
});

describe('the benefit register imports back unchanged', () => {
	it('benefits and estimate lines: every row is found, nothing is created', async () => {
		const exported = await benefitRegisterXlsx(who.per!.user, new URLSearchParams(), NOW);
		const before = [count('benefit'), count('estimate_line'), count('audit_log')];
		const token = await benefitsIn.stage(exported.content, exported.fileName);
		const p = await benefitsIn.preview(token);
		// Two benefits and one line; the «Sum» row under the benefits is no row.
		expect(p.counts).toEqual({ rows: 3, new: 0, skipped: 3, errors: 0 });
		expect(p.rows.map((r) => r.sheet)).toEqual(['Gevinster', 'Gevinster', 'Estimatlinjer']);
		expect(await benefitsIn.commit(token, p.digest)).toMatchObject({
			kind: 'ok',
			data: { success: '0 rader importert, 3 hoppet over.' }
		});
		// Nothing was created: no audit row for the import either.
		expect([count('benefit'), count('estimate_line'), count('audit_log')]).toEqual(before);
	});

	it('realised values: every row is found, nothing is logged', async () => {
		const exported = await benefitRegisterXlsx(who.per!.user, new URLSearchParams(), NOW);
		const before = count('realisation');
		const token = await realisationsIn.stage(exported.content, exported.fileName);
		const p = await realisationsIn.preview(token);
		expect(p.counts).toEqual({ rows: 2, new: 0, skipped: 2, errors: 0 });
		expect(await realisationsIn.commit(token, p.digest)).toMatchObject({
			kind: 'ok',
			data: { success: '0 realiserte verdier importert, 2 hoppet over.' }
		});
		expect(count('realisation')).toBe(before);
	});

	it('takes the register’s sum row only as the last row: a formula anywhere else is refused', async () => {
		const wb = new ExcelJS.Workbook();
		const ws = wb.addWorksheet('Gevinster');
		ws.addRows([
			['Gevinst', 'Estimat (kr)'],
			['A', 1],
			['B', 2]
		]);
		ws.addRow(['Sum', { formula: 'SUM(B2:B3)', result: 3 }]);
		const last = await readSpreadsheet(new Uint8Array(await wb.xlsx.writeBuffer()));
		expect(last).toMatchObject({ ok: true, rows: 2 });
		ws.addRow(['C', 4]);
		const middle = await readSpreadsheet(new Uint8Array(await wb.xlsx.writeBuffer()));
		expect(middle).toEqual({ ok: false, reason: 'formula', where: 'Gevinster!B4' });
		const other = new ExcelJS.Workbook();
		other.addWorksheet('Gevinster').addRows([
			['Gevinst', 'Estimat (kr)'],
			['A', 1],
			['B', 2]
		]);
		other.getWorksheet('Gevinster')!.addRow(['Sum', { formula: 'SUM(B1:B3)*2', result: 6 }]);
		const wrong = await readSpreadsheet(new Uint8Array(await other.xlsx.writeBuffer()));
		expect(wrong).toEqual({ ok: false, reason: 'formula', where: 'Gevinster!B4' });
	});
});

/** The downloaded workbook with one cell changed, found by its sheet, row id and header. */
async function edited(bytes: Uint8Array, sheet: string, id: number, header: string, value: string) {
	const wb = new ExcelJS.Workbook();
	await wb.xlsx.load(Buffer.from(bytes) as never);
	const ws = wb.getWorksheet(sheet)!;
	const headers = (ws.getRow(1).values as unknown[]).slice(1).map(String);
	ws.eachRow((row) => {
		if (row.getCell(1).value === id) row.getCell(headers.indexOf(header) + 1).value = value;
	});
	return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('an id in the file that names another title', () => {
	it('is an error on its id cell, not a second benefit or line', async () => {
		const exported = await benefitRegisterXlsx(who.per!.user, new URLSearchParams(), NOW);
		const renamed = await edited(
			exported.content,
			'Gevinster',
			benefitId,
			'Gevinst',
			'Færre timer'
		);
		const lineId = (
			db.$client.prepare('select id from estimate_line where benefit_id = ?').get(benefitId) as {
				id: number;
			}
		).id;
		const bytes = await edited(renamed, 'Estimatlinjer', lineId, 'Beskrivelse', 'Saker');
		const before = [count('benefit'), count('estimate_line'), count('audit_log')];
		const token = await benefitsIn.stage(bytes, 'register.xlsx');
		const p = await benefitsIn.preview(token);
		expect(p.counts).toEqual({ rows: 3, new: 0, skipped: 1, errors: 2 });
		// The row is no longer one that is there: its other cells are judged too.
		expect(p.issues.filter((i) => i.field.endsWith('-ID'))).toEqual([
			{
				rowNumber: 2,
				cell: 'Gevinster!A2',
				field: 'Gevinst-ID',
				message: `Gevinst-ID ${benefitId} er «Færre manuelle timer» i Misjonskart, ikke «Færre timer». Endre tittelen i filen eller fjern ID-en.`
			},
			{
				rowNumber: 2,
				cell: 'Estimatlinjer!A2',
				field: 'Linje-ID',
				message: `Linje-ID ${lineId} er «Saksbehandling» i Misjonskart, ikke «Saker». Endre beskrivelsen i filen eller fjern ID-en.`
			}
		]);
		expect(await benefitsIn.commit(token, p.digest)).toMatchObject({ kind: 'fail', status: 400 });
		expect([count('benefit'), count('estimate_line'), count('audit_log')]).toEqual(before);
	});
});

describe('a new workbook of benefits', () => {
	it('creates the benefits, their plan and lines, with the estimate a user checks', async () => {
		const bytes = await workbook({
			Gevinster: [
				[
					'Gevinst',
					'Prosjekt',
					'Nivå',
					'Type',
					'Enhet',
					'Gevinstansvarlig',
					'Indikator',
					'Uttak',
					'Mottaker',
					'Nullpunkt',
					'Nullpunkt dato',
					'Metode for nullpunkt',
					'Målverdi',
					'Måldato'
				],
				[
					'Kortere ventetid',
					projectTitle,
					'Tjeneste',
					'Kvantitativ',
					'Kroner',
					'Olga Eier',
					'Kroner spart',
					'Budsjettkutt',
					'Kommunalt',
					0,
					'01.01.2026',
					'Regnskap 2025',
					80_000,
					'31.12.2027'
				],
				[
					'Mer tid med brukerne',
					otherProjectTitle,
					'Bruker',
					'Kvantitativ',
					'Timer',
					'',
					'Timer frigjort',
					'Frigjort tid til annet arbeid',
					'Frivillige lag',
					null,
					null,
					null,
					null,
					null
				]
			],
			Estimatlinjer: [
				['Gevinst', 'Beskrivelse', 'Beløp per tilfelle', 'Antall tilfeller', 'Andel'],
				['Kortere ventetid', 'Færre purringer', 250, 200, '50 %'],
				['Kortere ventetid', 'Mindre overtid', '1 000', 30, 100],
				['Mer tid med brukerne', 'Kortere møter', 2, 300, '75'],
				['Færre manuelle timer', 'Digital søknad', 100, 100, '100 %']
			]
		});
		const audit = count('audit_log');
		const token = await benefitsIn.stage(bytes, 'nye-gevinster.xlsx');
		const p = await benefitsIn.preview(token);
		expect(p.issues).toEqual([]);
		expect(p.counts).toEqual({ rows: 6, new: 6, skipped: 0, errors: 0 });
		expect(p.rows[2]!.cells[6]).toMatch(/^250 × 200 × 50 % = 25\s000$/);
		expect(await benefitsIn.commit(token, p.digest)).toMatchObject({
			kind: 'ok',
			data: { success: '6 rader importert, 0 hoppet over.' }
		});
		const rows = await registerRows();
		expect(rows.get('Kortere ventetid')).toMatchObject({
			Prosjekt: projectTitle,
			Nivå: 'Tjenestenivå',
			Enhet: 'Kroner',
			Gevinstansvarlig: 'Olga Eier',
			Uttak: 'Budsjettkutt',
			Mottaker: 'Kommunalt',
			Nullpunkt: 0,
			Målverdi: 80_000,
			// 250 × 200 × 50 % + 1 000 × 30 × 100 %
			'Estimat (kr)': 55_000
		});
		expect(rows.get('Mer tid med brukerne')).toMatchObject({
			Mottaker: 'Annet (skriv selv)',
			'Estimat (timer)': 450
		});
		// The line added to the benefit that was there: 30 000 + 10 000.
		expect(rows.get('Færre manuelle timer')).toMatchObject({ 'Estimat (kr)': 40_000 });
		// An audit row per benefit, per plan, per line, and the import's own.
		expect(count('audit_log')).toBe(audit + 2 + 1 + 4 + 1);
	});
});

describe('a reduction: a target below the baseline', () => {
	it('is refused without «Retning», and created with «Lavere er bedre»', async () => {
		const header = [
			'Gevinst',
			'Prosjekt',
			'Nivå',
			'Type',
			'Enhet',
			'Indikator',
			'Uttak',
			'Mottaker',
			'Nullpunkt',
			'Nullpunkt dato',
			'Metode for nullpunkt',
			'Målverdi',
			'Måldato'
		];
		// Seed 004: less overtime in bo og habilitering, from 2,4 to 1,8 million a year.
		const row = [
			'Redusert overtid',
			projectTitle,
			'Tjeneste',
			'Kvantitativ',
			'Kroner',
			'Overtid utbetalt per år',
			'Budsjettkutt',
			'Kommunalt',
			2_400_000,
			'01.01.2025',
			'Lønnsrapport fra HR 2024',
			1_800_000,
			'31.12.2026'
		];
		const without = await benefitsIn.stage(
			await workbook({ Gevinster: [header, row] }),
			'reduksjon.xlsx'
		);
		// The form's own check, with the way out it names: «Lavere er bedre».
		const refused = (await benefitsIn.preview(without)).issues;
		expect(refused.map((i) => i.cell)).toEqual(['Gevinster!L2']);
		expect(refused[0]!.message).toMatch(/«Lavere er bedre»/);

		const bytes = await workbook({
			Gevinster: [
				[...header, 'Retning'],
				[...row, 'Lavere er bedre'],
				[...Object.assign([...row], { 0: 'Færre klager', 8: 40, 11: 60 }), 'Oppover']
			]
		});
		const token = await benefitsIn.stage(bytes, 'reduksjon.xlsx');
		const p = await benefitsIn.preview(token);
		expect(p.issues).toEqual([
			{ rowNumber: 3, cell: 'Gevinster!N3', field: 'Retning', message: expect.any(String) }
		]);
		const skip = await benefitsIn.stage(
			await workbook({
				Gevinster: [
					[...header, 'Retning'],
					[...row, 'lower']
				]
			}),
			'reduksjon.xlsx'
		);
		const ok = await benefitsIn.preview(skip);
		expect(ok.issues).toEqual([]);
		expect(await benefitsIn.commit(skip, ok.digest)).toMatchObject({ kind: 'ok' });
		const saved = db.$client
			.prepare(`select direction from benefit where title = 'Redusert overtid'`)
			.get() as { direction: string };
		expect(saved.direction).toBe('lower');
	});
});

describe('the columns step', () => {
	it('fills a column the file lacks with a default, and remembers the choice', async () => {
		const csv = [
			'Tittel;Prosjekt;Nivå;Type;Enhet;Indikator;Uttak;Mottaker;Nullpunkt;Nullpunkt dato;Målverdi;Måldato',
			`Raskere svar;${projectTitle};System;Kvantitativ;Timer;Timer;Budsjettkutt;Stat;10;2026-01-01;40;2026-12-31`
		].join('\n');
		const token = await benefitsIn.stage(csv, 'plan.csv');
		const p = await benefitsIn.preview(token);
		expect(p.issues).toEqual([
			{
				rowNumber: 2,
				// No column gives the method: the problem points at the row's title.
				cell: 'CSV!A2',
				field: 'Metode for nullpunkt',
				message: 'Beskriv hvordan nullpunktet er målt'
			}
		]);
		const columns = Object.fromEntries(
			[
				'title',
				'project',
				'level',
				'kind',
				'unit',
				'indicator',
				'takeout',
				'beneficiary',
				'baselineValue',
				'baselineDate',
				'targetValue',
				'targetDate'
			].map((k, i) => [`column.benefits.${k}`, String(i)])
		);
		expect(
			await benefitsIn.map(token, { ...columns, 'default.benefits.baselineMethod': 'Timeliste' })
		).toMatchObject({ kind: 'ok' });
		const mapped = await benefitsIn.preview(token);
		expect(mapped.counts).toMatchObject({ new: 1, errors: 0 });
		expect(mapped.rows[0]!.cells[6]).toMatch(
			/^Nullpunkt 10 \(2026-01-01\), mål 40 \(2026-12-31\)$/
		);
		// The next file with the same headers maps itself, default and all.
		const again = await benefitsIn.preview(await benefitsIn.stage(csv, 'plan.csv'));
		expect(again.counts).toMatchObject({ new: 1, errors: 0 });
	});
});

describe('bad rows are shown on their row and column, and nothing is written', () => {
	it('benefits and lines', async () => {
		const csv = [
			'Gevinst;Prosjekt;Nivå;Type;Enhet;Indikator;Uttak;Mottaker',
			`Ny gevinst;Finnes ikke;Tjeneste;Kvantitativ;Kroner;Kr;Budsjettkutt;Stat`,
			`Uten enhet;${projectTitle};Tjeneste;Kvantitativ;;Kr;Budsjettkutt;Stat`,
			`Feil nivå;${projectTitle};Fylke;Kvalitativ;;;Budsjettkutt;Stat`
		].join('\n');
		const before = [count('benefit'), count('audit_log')];
		const token = await benefitsIn.stage(csv, 'gevinster.csv');
		const p = await benefitsIn.preview(token);
		expect(p.counts).toMatchObject({ rows: 3, errors: 3 });
		expect(p.issues).toEqual([
			{
				rowNumber: 2,
				cell: 'CSV!B2',
				field: 'Prosjekt',
				message: 'Fant ikke prosjektet «Finnes ikke».'
			},
			{
				rowNumber: 3,
				cell: 'CSV!E3',
				field: 'Enhet',
				message: 'En kvantitativ gevinst trenger en enhet'
			},
			{
				rowNumber: 4,
				cell: 'CSV!C4',
				field: 'Nivå',
				message: 'Velg nivå: bruker, tjeneste eller system'
			}
		]);
		expect(await benefitsIn.commit(token, p.digest)).toMatchObject({ kind: 'fail', status: 400 });
		expect([count('benefit'), count('audit_log')]).toEqual(before);

		const lines = [
			'Gevinst;Beskrivelse;Beløp per tilfelle;Antall tilfeller;Andel',
			'Færre manuelle timer;Negativ;-500;10;50',
			'Færre manuelle timer;Ord;fem;10;50',
			'Tryggere overganger;Kvalitativ;5;10;50',
			'Færre manuelle timer;To ganger;5;10;50',
			'Færre manuelle timer;To ganger;5;10;50'
		].join('\n');
		const t2 = await benefitsIn.stage(lines, 'linjer.csv');
		const p2 = await benefitsIn.preview(t2);
		expect(p2.issues.map((i) => [i.cell, i.message])).toEqual([
			['CSV!C2', 'Beløpet må være mellom 0 og 1 000 000 000 000'],
			['CSV!C3', 'Skriv beløp per tilfelle som et helt tall'],
			['CSV!A4', 'Bare kvantitative gevinster har estimatlinjer.']
		]);
		expect(p2.rows.map((r) => r.status)).toEqual(['error', 'error', 'error', 'new', 'repeated']);
	});

	it('a line under a benefit whose own row has errors is pointed to that row', async () => {
		const wb = new ExcelJS.Workbook();
		wb.addWorksheet('Gevinster').addRows([
			['Gevinst', 'Prosjekt', 'Nivå', 'Type', 'Enhet', 'Indikator', 'Uttak', 'Mottaker'],
			['Mindre overtid', projectTitle, 'Tjeneste', 'Kvantitativ', '', 'Kr', 'Budsjettkutt', 'Stat']
		]);
		wb.addWorksheet('Estimatlinjer').addRows([
			['Gevinst', 'Beskrivelse', 'Beløp per tilfelle', 'Antall tilfeller', 'Andel'],
			['Mindre overtid', 'Færre nattevakter', 4500, 80, 1],
			['Finnes ikke', 'Løs linje', 10, 1, 1]
		]);
		const token = await benefitsIn.stage(new Uint8Array(await wb.xlsx.writeBuffer()), 'ny.xlsx');
		const p = await benefitsIn.preview(token);
		expect(p.issues.map((i) => `${i.cell} ${i.message}`)).toEqual([
			'Gevinster!E2 En kvantitativ gevinst trenger en enhet',
			'Estimatlinjer!A2 Gevinsten «Mindre overtid» står i arket «Gevinster» på rad 2, men den raden har feil. Rett den først.',
			'Estimatlinjer!A3 Fant ikke gevinsten «Finnes ikke», verken i registeret eller i arket «Gevinster».'
		]);
	});

	it('realised values: type, unknown benefit, months outside the benefit, conflicting duplicates', async () => {
		const csv = [
			'Gevinst;Måned;Verdi;Vurdering;Kommentar;Begrunnelse for korrigering',
			'Færre manuelle timer;2026-05;tolv;;;',
			'Finnes ikke;2026-05;100;;;',
			'Færre manuelle timer;2026-01;100;;;',
			'Færre manuelle timer;2027-01;100;;;',
			'Færre manuelle timer;06.2026;100;;;',
			'Færre manuelle timer;2026-06;200;;;',
			'Færre manuelle timer;2026-04;13000;;;',
			'Tryggere overganger;2026-05;;Grønn;;'
		].join('\n');
		const before = [count('realisation'), count('audit_log')];
		const token = await realisationsIn.stage(csv, 'realisert.csv', who.olga);
		const p = await realisationsIn.preview(token, who.olga);
		expect(p.issues.map((i) => [i.rowNumber, i.cell, i.message])).toEqual([
			[2, 'CSV!C2', 'Skriv verdien som et helt tall'],
			[3, 'CSV!A3', 'Fant ikke gevinsten «Finnes ikke».'],
			[4, 'CSV!B4', 'Perioden kan ikke være før nullpunktet'],
			[5, 'CSV!B5', expect.stringContaining('Måneden har ikke begynt ennå.')],
			[7, 'CSV!B7', expect.stringContaining('også en annen verdi for 2026-06 på rad 6')],
			[8, 'CSV!F8', expect.stringContaining('Måneden er attestert av gevinsteieren.')],
			[
				9,
				'CSV!A9',
				'Bare gevinsteieren eller prosjektets programleder kan registrere realiserte verdier for denne gevinsten.'
			],
			// No column gives the qualitative value's words: the cell is no cell («–»).
			[9, '–', 'Beskriv vurderingen med noen ord']
		]);
		expect(await realisationsIn.commit(token, p.digest, who.olga)).toMatchObject({
			kind: 'fail',
			status: 400
		});
		expect([count('realisation'), count('audit_log')]).toEqual(before);
	});
});

describe('realised values from a file', () => {
	it('are logged through the form’s write; an attested month is corrected with its reason', async () => {
		const csv = [
			'Gevinst;Måned;Verdi;Vurdering;Begrunnelse for vurderingen;Kommentar;Begrunnelse for korrigering',
			'Færre manuelle timer;2026-05;15000;;;Mai;',
			'Færre manuelle timer;2026-04;13000;;;;Feil i regnskapet',
			'Færre manuelle timer;2026-03;10000;;;;',
			'Tryggere overganger;2026-05;;Grønn;Overgangene går bedre;;'
		].join('\n');
		const token = await realisationsIn.stage(csv, 'realisert.csv');
		const p = await realisationsIn.preview(token);
		expect(p.issues).toEqual([]);
		expect(p.rows.map((r) => r.status)).toEqual(['new', 'new', 'existing', 'new']);
		expect(await realisationsIn.commit(token, p.digest)).toMatchObject({
			kind: 'ok',
			data: { success: '3 realiserte verdier importert, 1 hoppet over.' }
		});
		const april = db.$client
			.prepare(
				`select value, supersedes_id as supersedesId, correction_reason as reason from realisation
				 where benefit_id = ? and period = '2026-04' order by id desc limit 1`
			)
			.get(benefitId);
		expect(april).toEqual({
			value: 13_000,
			supersedesId: attestedRow,
			reason: 'Feil i regnskapet'
		});
		expect(
			db.$client
				.prepare(`select assessment, narrative from realisation where benefit_id = ?`)
				.get(qualitativeId)
		).toEqual({ assessment: 'gronn', narrative: 'Overgangene går bedre' });
		// Realised so far: March 10 000, April corrected to 13 000, May 15 000.
		expect((await registerRows()).get('Færre manuelle timer')).toMatchObject({
			Realisert: 38_000
		});
	});
});

describe('who may import', () => {
	it('benefits: programme leaders; realised values: benefit owners too; not a viewer', async () => {
		expect(await benefitsIn.open(who.per!)).toMatchObject({ kind: 'ok' });
		expect(await benefitsIn.open(who.olga!)).toMatchObject({ kind: 'error', status: 403 });
		expect(await realisationsIn.open(who.olga!)).toMatchObject({ kind: 'ok' });
		expect(await realisationsIn.open(who.viewer!)).toMatchObject({ kind: 'error', status: 403 });
	});

	it('a programme leader adds no benefit to a project someone else leads', async () => {
		const csv = [
			'Gevinst;Prosjekt;Nivå;Type;Enhet;Indikator;Uttak;Mottaker',
			`Lises gevinst;${projectTitle};Tjeneste;Kvantitativ;Kroner;Kr;Budsjettkutt;Stat`
		].join('\n');
		const token = await benefitsIn.stage(csv, 'gevinster.csv', who.lise);
		const p = await benefitsIn.preview(token, who.lise);
		expect(p.issues.map((i) => i.message)).toEqual([
			'Du kan bare legge gevinster til prosjekter du leder.'
		]);
	});
});

describe('a reduction downloaded and imported again', () => {
	it('keeps its direction, description and baseline method, in this installation and a fresh one', async () => {
		const { id: projectId } = db.$client
			.prepare('select id from project where title = ?')
			.get(projectTitle) as { id: number };
		const id = makeBenefit(
			projectId,
			{
				title: 'Kortere ventetid på avlastning',
				description: 'Dager fra søknad til vedtak',
				unit: 'antall',
				direction: 'lower'
			},
			who.per!.user.id
		);
		planBenefit(
			id,
			{ baseline: 40, target: 20, method: 'Telling i fagsystemet', targetDate: '2027-06-30' },
			who.per!.user.id,
			NOW
		);
		const row = (await registerRows()).get('Kortere ventetid på avlastning')!;
		expect(row).toMatchObject({
			Retning: 'Lavere er bedre',
			Beskrivelse: 'Dager fra søknad til vedtak',
			'Metode for nullpunkt': 'Telling i fagsystemet'
		});

		// Into the installation it came from: every row is there already.
		const exported = await benefitRegisterXlsx(who.per!.user, new URLSearchParams(), NOW);
		let token = await benefitsIn.stage(exported.content, exported.fileName);
		let p = await benefitsIn.preview(token);
		expect(p.counts).toMatchObject({ new: 0, errors: 0 });

		// Gone from the installation, the same file creates it again as it was.
		expect(deleteBenefit(id, who.per!.user.id, NOW).ok).toBe(true);
		token = await benefitsIn.stage(exported.content, exported.fileName);
		p = await benefitsIn.preview(token);
		expect(p.counts).toMatchObject({ new: 1, errors: 0 });
		expect(await benefitsIn.commit(token, p.digest)).toMatchObject({ kind: 'ok' });
		const saved = db.$client
			.prepare(
				`select direction, description, baseline_value as baseline, baseline_method as method,
					target_value as target from benefit where title = 'Kortere ventetid på avlastning'`
			)
			.get();
		expect(saved).toEqual({
			direction: 'lower',
			description: 'Dager fra søknad til vedtak',
			baseline: 40,
			method: 'Telling i fagsystemet',
			target: 20
		});
	});
});
