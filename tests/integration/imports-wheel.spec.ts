import { beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import * as wheelImport from '../../src/routes/(app)/arshjul/maler/[id=id]/import/+page.server';
import { makeEvent, makeUnit, makeUser, outcome, signIn, type Signed } from '../factories';
import { fileOf, importPage } from '../factories/imports';
import { makeWheel } from '../factories/wheel';
import { db } from '$lib/server/db';
import { createWheelTask, listWheelTasks } from '$lib/server/db/queries/wheel';
import { commitStaging, getStaging } from '$lib/server/db/queries/imports';
import { withLocale } from '$lib/server/i18n';

const NOW = new Date('2026-11-25T12:00:00Z');
const who: Record<string, Signed> = {};
let ownerUnitId: number;

beforeAll(async () => {
	ownerUnitId = makeUnit('Bo og habilitering (import)');
	who.admin = signIn(await makeUser([{ role: 'admin' }]));
	who.leader = signIn(await makeUser([{ role: 'unit_leader', unitId: ownerUnitId }]));
	who.viewer = signIn(await makeUser([{ role: 'viewer' }]));
});

const count = (sql: string) => (db.$client.prepare(sql).get() as { n: number }).n;
const auditRows = () => count('select count(*) as n from audit_log');
const emptyWheel = () => makeWheel({ ownerUnitId, tasks: [] }).wheelId;

type PageData = {
	missing: boolean;
	staged: null | {
		done: string | null;
		mapping: null | { fields: { key: string; column: string; default: string }[] };
		preview: null | {
			counts: { rows: number; new: number; skipped: number; errors: number };
			digest: string;
			issues: { rowNumber: number; cell: string; field: string; message: string }[];
			rows: { rowNumber: number; status: string; cells: string[]; note: string | null }[];
		};
	};
};

/** The import page of one wheel; a step not told who acts is taken by the unit leader. */
const importOf = (wheelId: number) =>
	importPage(wheelImport, {
		path: `/arshjul/maler/${wheelId}/import`,
		params: { id: String(wheelId) },
		now: NOW,
		signed: () => who.leader!
	});

const file = fileOf;
const upload = (wheelId: number, f: File | Record<string, string>, signed = who.leader!) =>
	importOf(wheelId).upload(f, signed);
const stage = (wheelId: number, f: File | Record<string, string>, signed = who.leader!) =>
	importOf(wheelId).stage(f, '', signed);
const page = async (wheelId: number, token: string, signed = who.leader!) =>
	(await importOf(wheelId).page(token, signed)) as PageData;

const refusal = async (wheelId: number, f: File) => {
	const result = await upload(wheelId, f);
	if (result.kind !== 'fail') throw new Error(JSON.stringify(result));
	return { status: result.status, message: result.data.errors?.file ?? '' };
};

async function xlsx(rows: unknown[][], build?: (ws: ExcelJS.Worksheet) => void) {
	const wb = new ExcelJS.Workbook();
	const ws = wb.addWorksheet('Årshjul');
	for (const r of rows) ws.addRow(r);
	build?.(ws);
	return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** Seed 004's wheel as the municipality keeps it: month names head their tasks. */
const SEED_004 = [
	['Januar', 'Ansvar', 'Lagres', 'Utført', 'Kommentar'],
	['Heng opp informasjon om sommerpuljer (når delestrek er avklart)'],
	['Utarbeide årets plan for internundervisning i avdeling'],
	['Ressursfordelingskartlegging'],
	['Lyse ut etter sommervikarer'],
	['Februar'],
	['Påske-/mai-/pinseturnus planlegges'],
	['Ansvar for at det blir utført egenvurdering av legemiddelhåndteringsrutinene'],
	['Planlegg HMS-dag'],
	['Mars'],
	['ROS-analyse vold og trusler'],
	['Ansvar for at det utføres halvårsevaluering av tjenestetilbudet til brukerne – Fagrapport.'],
	['April'],
	['Gjennomfør HMS-dag']
];

describe('importing wheel tasks', () => {
	it('reads seed 004’s layout, fills empty cells from defaults, and commits every task with its audit row', async () => {
		const wheelId = emptyWheel();
		const token = await stage(wheelId, file(await xlsx(SEED_004), 'arshjul.xlsx'));
		let data = await page(wheelId, token);
		const field = (key: string) => data.staged!.mapping!.fields.find((f) => f.key === key)!;
		expect([
			field('title').column,
			field('responsibleRole').column,
			field('schedule').column
		]).toEqual(['0', '1', '']);
		// Ansvar and Lagres are empty in the seed: every row is refused until a default is chosen.
		expect(data.staged!.preview!.counts).toMatchObject({ rows: 10, errors: 10 });
		expect(data.staged!.preview!.issues[0]).toMatchObject({
			rowNumber: 2,
			cell: 'B2',
			field: 'Ansvar'
		});

		const mapped = await importOf(wheelId).map(token, {
			'column.title': '0',
			'column.responsibleRole': '1',
			'column.storedIn': '2',
			'default.responsibleRole': 'Avdelingsleder',
			'default.storedIn': 'Compilo'
		});
		expect(mapped.kind).toBe('ok');
		data = await page(wheelId, token);
		const preview = data.staged!.preview!;
		expect(preview.counts).toEqual({ rows: 10, new: 10, skipped: 0, errors: 0 });
		expect(preview.rows[0]!.cells).toEqual([
			'Heng opp informasjon om sommerpuljer (når delestrek er avklart)',
			'',
			'Avdelingsleder',
			'Compilo',
			'januar, siste dag',
			''
		]);
		expect(preview.rows.find((r) => r.cells[0] === 'Gjennomfør HMS-dag')!.cells[4]).toBe(
			'april, siste dag'
		);

		const audits = auditRows();
		const committed = await importOf(wheelId).commit(token, preview.digest, who.leader!);
		expect(committed).toMatchObject({
			kind: 'ok',
			data: { success: '10 oppgaver importert, 0 hoppet over.' }
		});
		const tasks = listWheelTasks(wheelId);
		expect(tasks).toHaveLength(10);
		expect(tasks.find((t) => t.title === 'ROS-analyse vold og trusler')).toMatchObject({
			scheduleKind: 'yearly',
			responsibleRole: 'Avdelingsleder',
			storedIn: 'Compilo'
		});
		// One audit row per task created, and one for the import itself.
		expect(auditRows() - audits).toBe(11);
		expect(
			count(
				`select count(*) as n from audit_log where entity = 'import' and action = 'commit' and entity_id = '${token}'`
			)
		).toBe(1);
		expect((await page(wheelId, token)).staged!.done).toBe('10 oppgaver importert, 0 hoppet over.');

		// The same file again: every row is found, so nothing is created; the mapping is remembered.
		const again = await stage(wheelId, file(await xlsx(SEED_004), 'arshjul.xlsx'));
		const second = (await page(wheelId, again)).staged!.preview!;
		expect(second.counts).toEqual({ rows: 10, new: 0, skipped: 10, errors: 0 });
		expect(second.rows[0]!.note).toBe('Finnes fra før i årshjulet – hoppes over.');
		const repeat = await importOf(wheelId).commit(again, second.digest, who.leader!);
		expect(repeat).toMatchObject({
			kind: 'ok',
			data: { success: '0 oppgaver importert, 10 hoppet over.' }
		});
		expect(listWheelTasks(wheelId)).toHaveLength(10);
		// A second commit of the same file writes nothing.
		const twice = await importOf(wheelId).commit(again, second.digest, who.leader!);
		expect(twice).toMatchObject({ kind: 'fail', status: 409 });
	});

	it('reads a Norwegian Excel CSV (semicolons, BOM) with a schedule column, and one bad row writes nothing', async () => {
		const wheelId = emptyWheel();
		const csv =
			'\ufeffOppgave;Ansvar;Lagres i;Hvor ofte;Frist;Hjemmel\r\n' +
			'Personalmøte;Enhetsleder;Teams;hver måned;10;\r\n' +
			'Halvårsevaluering;Fagansvarlig;Compilo;mars, september;;\r\n' +
			'ROS-analyse;Enhetsleder;Compilo;årlig: juni;;"Kommuneloven § 25-1"\r\n' +
			'Personalmøte;Enhetsleder;Teams;hver måned;10;\r\n' +
			'Medarbeidersamtaler;Enhetsleder;Compilo;halvårlig;;\r\n';
		const token = await stage(wheelId, file(csv, 'oppgaver.csv'));
		const preview = (await page(wheelId, token)).staged!.preview!;
		expect(preview.counts).toEqual({ rows: 5, new: 3, skipped: 1, errors: 1 });
		expect(preview.rows.map((r) => r.status)).toEqual(['new', 'new', 'new', 'repeated', 'error']);
		expect(preview.rows[0]!.cells[4]).toBe('Hver måned, den 10.');
		expect(preview.rows[3]!.note).toBe('Samme oppgave som rad 2 – hoppes over.');
		expect(preview.issues).toEqual([
			{
				rowNumber: 6,
				cell: 'D6',
				field: 'Når',
				message: expect.stringMatching(/Forstår ikke «halvårlig» som tidspunkt/)
			}
		]);
		const audits = auditRows();
		const committed = await importOf(wheelId).commit(token, preview.digest, who.leader!);
		expect(committed).toMatchObject({ kind: 'fail', status: 400 });
		expect(JSON.stringify(committed)).toMatch(/Én rad har feil.*Ingenting er importert/);
		expect(listWheelTasks(wheelId)).toHaveLength(0);
		expect(auditRows()).toBe(audits);
	});

	it('refuses a commit whose preview changed since it was shown', async () => {
		const wheelId = emptyWheel();
		const csv = 'Oppgave,Ansvar,Lagres,Når\nHMS-runde,Leder,Compilo,april\n';
		const token = await stage(wheelId, file(csv, 'a.csv'));
		const before = (await page(wheelId, token)).staged!.preview!;
		// Someone adds the same task by hand meanwhile.
		createWheelTask(
			wheelId,
			{
				title: 'HMS-runde',
				description: null,
				responsibleRole: 'Leder',
				storedIn: 'Compilo',
				reference: null,
				schedule: { kind: 'yearly', month: 4, dueDay: null }
			},
			null,
			NOW
		);
		const result = await importOf(wheelId).commit(token, before.digest, who.leader!);
		expect(result).toMatchObject({ kind: 'fail', status: 409 });
		expect(listWheelTasks(wheelId)).toHaveLength(1);
	});
});

describe('who may import', () => {
	it('is whoever may edit the wheel; a staged file is its uploader’s alone', async () => {
		const wheelId = emptyWheel();
		const viewerLoad = await importOf(wheelId).open(who.viewer!);
		expect(viewerLoad).toMatchObject({ kind: 'error', status: 403 });
		const viewerUpload = await upload(wheelId, file('Oppgave\nx\n', 'a.csv'), who.viewer!);
		expect(viewerUpload).toMatchObject({ kind: 'error', status: 403 });
		const token = await stage(wheelId, file('Oppgave;Ansvar;Lagres;Når\nx;y;z;mai\n', 'a.csv'));
		// The admin may import into the wheel too, but not commit the leader's file.
		expect((await page(wheelId, token, who.admin!)).missing).toBe(true);
		const digest = (await page(wheelId, token)).staged!.preview!.digest;
		const foreign = await importOf(wheelId).commit(token, digest, who.admin!);
		expect(foreign).toMatchObject({ kind: 'error', status: 404 });
		// Nor into another wheel than it was staged for.
		const other = emptyWheel();
		expect((await page(other, token)).missing).toBe(true);
		// It expires: an hour on, it is gone.
		const later = makeEvent({
			signed: who.leader!,
			path: `/arshjul/maler/${wheelId}/import?fil=${token}`,
			params: { id: String(wheelId) },
			now: new Date(NOW.getTime() + 61 * 60_000)
		});
		const expired = await outcome(() => wheelImport.load(later as never));
		expect((expired as { data: PageData }).data.missing).toBe(true);
	});
});

describe('files that are refused', () => {
	let wheelId: number;
	beforeAll(() => {
		wheelId = emptyWheel();
	});

	it('refuses formulas, merged cells and error values, naming the cell', async () => {
		const formula = await xlsx(
			[
				['Oppgave', 'Ansvar'],
				['a', 'b']
			],
			(ws) => {
				ws.getCell('B2').value = { formula: 'A2&"x"', result: 'ax' } as ExcelJS.CellFormulaValue;
			}
		);
		expect(await refusal(wheelId, file(formula, 'f.xlsx'))).toEqual({
			status: 400,
			message: expect.stringMatching(
				/^Cellen Årshjul!B2 inneholder en formel\..*Ingenting er importert\.$/
			)
		});
		const merged = await xlsx(
			[
				['Oppgave', 'Ansvar'],
				['a', 'b']
			],
			(ws) => ws.mergeCells('A2:B2')
		);
		expect((await refusal(wheelId, file(merged, 'm.xlsx'))).message).toMatch(
			/sammenslåtte celler \(A2:B2\)/
		);
		const errorValue = await xlsx([['Oppgave'], ['a']], (ws) => {
			ws.getCell('A2').value = { error: '#N/A' } as ExcelJS.CellErrorValue;
		});
		expect((await refusal(wheelId, file(errorValue, 'e.xlsx'))).message).toMatch(
			/Cellen Årshjul!A2 har en feilverdi/
		);
	});

	it('refuses macros, whatever the file is called', async () => {
		const zip = await JSZip.loadAsync(await xlsx([['Oppgave'], ['a']]));
		zip.file('xl/vbaProject.bin', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3]));
		const xlsm = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
		expect((await refusal(wheelId, file(xlsm, 'oppgaver.xlsx'))).message).toMatch(
			/inneholder makroer/
		);
	});

	it('refuses a zip bomb, by its declared sizes and by what it really inflates to', async () => {
		const zip = await JSZip.loadAsync(await xlsx([['Oppgave'], ['a']]));
		zip.file('xl/media/padding.xml', ' '.repeat(20 * 1024 * 1024));
		const bomb = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
		expect(bomb.byteLength).toBeLessThan(200_000);
		expect((await refusal(wheelId, file(bomb, 'b.xlsx'))).message).toMatch(/zip-bombe/);

		// An archive that understates its sizes: its central directory says 1 000 bytes.
		const liar = Buffer.from(
			await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' })
		);
		const name = Buffer.from('xl/media/padding.xml');
		for (let at = liar.indexOf(name); at >= 0; at = liar.indexOf(name, at + 1)) {
			const central = at - 46;
			if (liar.readUInt32LE(central) === 0x02014b50) liar.writeUInt32LE(1000, central + 24);
			const local = at - 30;
			if (liar.readUInt32LE(local) === 0x04034b50) liar.writeUInt32LE(1000, local + 22);
		}
		expect((await refusal(wheelId, file(liar, 'b.xlsx'))).message).toMatch(/zip-bombe/);
	});

	it('refuses too many rows without reading them all, and a file over the size limit', async () => {
		/** A workbook of `n` rows, written straight into the sheet part so the test stays quick. */
		async function rowsXlsx(n: number) {
			const zip = await JSZip.loadAsync(await xlsx([['Oppgave'], ['a']]));
			const rows: string[] = [];
			for (let r = 1; r <= n; r++) rows.push(`<row r="${r}"><c r="A${r}"><v>${r}</v></c></row>`);
			zip.file(
				'xl/worksheets/sheet1.xml',
				`<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows.join('')}</sheetData></worksheet>`
			);
			return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
		}
		// Under the size limit but over the row limit: refused by its row count before it is read.
		const many = await rowsXlsx(200_000);
		expect(many.byteLength).toBeLessThan(5 * 1024 * 1024);
		expect(await refusal(wheelId, file(many, 'mange.xlsx'))).toEqual({
			status: 400,
			message: expect.stringMatching(/flere enn 30\s000 rader/)
		});
		// A million rows do not fit in 5 MB: refused by its size before anything is read.
		const million = await rowsXlsx(1_000_000);
		expect(await refusal(wheelId, file(million, 'million.xlsx'))).toEqual({
			status: 413,
			message: expect.stringMatching(/større enn 5 MB/)
		});
		const csv = 'Oppgave\n' + 'x\n'.repeat(30_001);
		expect((await refusal(wheelId, file(csv, 'mange.csv'))).message).toMatch(
			/flere enn 30\s000 rader/
		);
		const big = new Uint8Array(5 * 1024 * 1024 + 1).fill(0x41);
		expect(await refusal(wheelId, file(big, 'stor.csv'))).toEqual({
			status: 413,
			message: expect.stringMatching(/større enn 5 MB/)
		});
		// Writing the million-row workbook itself takes most of this test's time: up to 20 s on
		// a busy two-core machine.
	}, 60_000);

	it('refuses other file types, old Excel, other encodings and empty files', async () => {
		const pdf = '%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n';
		expect((await refusal(wheelId, file(pdf, 'oppgaver.csv'))).message).toMatch(
			/verken et Excel-regneark/
		);
		const xls = new Uint8Array(1024);
		xls.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
		expect((await refusal(wheelId, file(xls, 'gammel.xls'))).message).toMatch(
			/gamle Excel-formatet|verken/
		);
		const latin1 = new Uint8Array([
			...Buffer.from('Oppgave\nP'),
			0xe5,
			...Buffer.from('sketurnus\n')
		]);
		expect((await refusal(wheelId, file(latin1, 'l.csv'))).message).toMatch(/ikke i UTF-8/);
		expect((await refusal(wheelId, file('', 'tom.csv'))).message).toMatch(/Velg en fil|tom/);
		expect((await refusal(wheelId, file('Oppgave;Ansvar\n', 'h.csv'))).message).toMatch(
			/ingen rader/
		);
		const none = await upload(wheelId, { other: 'x' });
		expect(none).toMatchObject({
			kind: 'fail',
			status: 400,
			data: { errors: { file: 'Velg en fil å importere.' } }
		});
	});
});

describe('all or nothing', () => {
	it('rolls back every row created before a refusal in the same commit', async () => {
		const wheelId = emptyWheel();
		const token = await stage(wheelId, file('Oppgave;Ansvar;Lagres;Når\nA;B;C;mai\n', 'a.csv'));
		const staging = getStaging(token, who.leader!.user.id, NOW)!;
		const audits = auditRows();
		const task = {
			title: 'Skrevet og rullet tilbake',
			description: null,
			responsibleRole: 'Leder',
			storedIn: 'Compilo',
			reference: null,
			schedule: { kind: 'monthly', dueDay: null }
		} as const;
		const result = commitStaging(staging, who.leader!.user.id, NOW, (_tx, abort) => {
			createWheelTask(wheelId, task, who.leader!.user.id, NOW);
			return abort('owner_missing');
		});
		expect(result).toEqual({ ok: false, reason: 'owner_missing' });
		expect(listWheelTasks(wheelId)).toHaveLength(0);
		expect(auditRows()).toBe(audits);
		expect(getStaging(token, who.leader!.user.id, NOW)!.committedAt).toBeNull();
	});

	it('gives pasted rows back with a refusal, and takes them as a tab-separated sheet', async () => {
		const wheelId = emptyWheel();
		const refused = await upload(wheelId, { tekst: 'Oppgave\tAnsvar\n' });
		expect(refused).toMatchObject({
			kind: 'fail',
			data: { values: { tekst: expect.stringMatching(/^Oppgave\tAnsvar\r?\n$/) } }
		});
		const token = await stage(wheelId, {
			tekst: 'Oppgave\tAnsvar\tLagres\tNår\nHMS-dag\tLeder\tCompilo\tapril\n'
		});
		const preview = (await page(wheelId, token)).staged!.preview!;
		expect(preview.rows[0]!.cells).toEqual([
			'HMS-dag',
			'',
			'Leder',
			'Compilo',
			'april, siste dag',
			''
		]);
	});
});

describe('cells of the wrong kind, and files that are no spreadsheet', () => {
	it('refuses a number as a task and TRUE as «Ansvar» on their cells; a number is a due day', async () => {
		const wheelId = emptyWheel();
		const bytes = await xlsx([
			['Oppgave', 'Ansvar', 'Lagres', 'Når', 'Forfallsdag', 'Beskrivelse'],
			[42, 'Enhetsleder', 'Compilo', 'mars', 15, 'Et tall som tittel'],
			['Gjennomfør HMS-dag', true, 'Compilo', 'april', 10, ''],
			['ROS-analyse vold og trusler', 'Enhetsleder', 'Compilo', 'mars', 20, ''],
			['Halvårsevaluering', 'Fagansvarlig', new Date('2026-03-01T00:00:00Z'), 'mars', 1, '']
		]);
		const token = await stage(wheelId, file(bytes, 'arshjul.xlsx'));
		const preview = (await page(wheelId, token)).staged!.preview!;
		expect(preview.counts).toEqual({ rows: 4, new: 1, skipped: 0, errors: 3 });
		expect(preview.issues.map((i) => [i.cell, i.field, i.message])).toEqual([
			['A2', 'Oppgave', 'Cellen har et tall; her må det stå tekst.'],
			['B3', 'Ansvar', 'Cellen har en sannhetsverdi (SANN/USANN); her må det stå tekst.'],
			['C5', 'Lagres', 'Cellen har en dato; her må det stå tekst.']
		]);
		const committed = await importOf(wheelId).commit(token, preview.digest, who.leader!);
		expect(committed).toMatchObject({ kind: 'fail', status: 400 });
		expect(listWheelTasks(wheelId)).toHaveLength(0);
	});

	it('refuses a text file that is no table, and a file of another type, saying what it is', async () => {
		const wheelId = emptyWheel();
		const prose = 'Husk å gjennomføre HMS-dagen i april\nog ROS-analysen i mars.\n';
		expect((await refusal(wheelId, file(prose, 'notater.txt'))).message).toBe(
			'Filen er ren tekst uten kolonner, verken et Excel-regneark (.xlsx) eller en CSV-fil med kolonner skilt med semikolon, komma eller tabulator. Ingenting er importert.'
		);
		expect((await refusal(wheelId, file('# Årshjul\n\n- HMS-dag\n', 'arshjul.md'))).message).toBe(
			'Filen er en .md-fil, verken et Excel-regneark (.xlsx) eller en CSV-fil. Ingenting er importert.'
		);
		// Excel's «Tekst (tabulatordelt)» is a .txt with columns: a table.
		const tabs = 'Oppgave\tAnsvar\tLagres\tNår\nGjennomfør HMS-dag\tEnhetsleder\tCompilo\tapril\n';
		const token = await stage(wheelId, file(tabs, 'arshjul.txt'));
		expect((await page(wheelId, token)).staged!.preview!.counts).toMatchObject({
			new: 1,
			errors: 0
		});
	});

	it('maps headers written in nynorsk or English, and shows the preview in the reader’s words', async () => {
		const wheelId = emptyWheel();
		const csv =
			'Task;Responsible;Stored in;When;Due day\nPersonalmøte;Enhetsleder;Teams;hver måned;10\n';
		const token = await stage(wheelId, file(csv, 'wheel.csv'));
		const preview = (await page(wheelId, token)).staged!.preview!;
		expect(preview.counts).toMatchObject({ new: 1, errors: 0 });
		expect(preview.rows[0]!.cells[4]).toBe('Hver måned, den 10.');
		const english = (await withLocale('en', () => page(wheelId, token))).staged!.preview!;
		expect(english.rows[0]!.cells[4]).toBe('Every month, day 10');
		// The digest is of what is stored: a preview read in English commits from a bokmål page.
		expect(english.digest).toBe(preview.digest);
	});
});
