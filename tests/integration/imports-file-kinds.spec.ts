/**
 * Files that are no spreadsheet the import reads, named for what they are (read.ts,
 * file-kind.ts), and the rows a staged file is said to have: only those of the sheets read.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import * as portfolioImport from '../../src/routes/(app)/portefolje/import/+page.server';
import * as benefitsImport from '../../src/routes/(app)/gevinster/import/+page.server';
import { makeUser, signIn, type Signed } from '../factories';
import { fileOf, importPage } from '../factories/imports';
import { makeMission } from '../factories/portfolio';
import { withLocale } from '$lib/server/i18n';

const NOW = new Date('2026-11-25T12:00:00Z');
let leader: Signed;

const portfolio = importPage(portfolioImport, {
	path: '/portefolje/import',
	now: NOW,
	signed: () => leader
});
const benefits = importPage(benefitsImport, {
	path: '/gevinster/import',
	now: NOW,
	signed: () => leader
});

beforeAll(async () => {
	makeMission();
	leader = signIn(await makeUser([{ role: 'programme_leader' }], { name: 'Filtype Leder' }));
});

async function refusal(bytes: Uint8Array, name: string) {
	const result = await portfolio.upload(fileOf(bytes, name));
	if (result.kind !== 'fail') throw new Error(JSON.stringify(result));
	return (result.data as { errors: { file: string } }).errors.file;
}

/** Bytes that are no format at all: a fixed pseudo-random sequence. */
function noise(length: number) {
	const out = new Uint8Array(length);
	let x = 2463534242;
	for (let i = 0; i < length; i++) {
		x ^= x << 13;
		x ^= x >>> 17;
		x ^= x << 5;
		out[i] = x & 0xff;
	}
	return out;
}

async function zipOf(entries: Record<string, string>) {
	const zip = new JSZip();
	// An OpenDocument file's `mimetype` comes first and is stored, not deflated.
	for (const [name, text] of Object.entries(entries)) {
		zip.file(name, text, { compression: name === 'mimetype' ? 'STORE' : 'DEFLATE' });
	}
	return new Uint8Array(await zip.generateAsync({ type: 'uint8array' }));
}

/** An OLE compound file (MS-CFB) of 512-byte sectors whose directory names these streams. */
function compoundFile(streams: string[]) {
	const bytes = new Uint8Array(512 * 3);
	bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
	const view = new DataView(bytes.buffer);
	view.setUint16(0x1e, 9, true); // 2^9 = 512-byte sectors
	view.setUint32(0x30, 0, true); // the directory starts in sector 0, at byte 512
	['Root Entry', ...streams].forEach((name, i) => {
		const at = 512 + i * 128;
		const utf16 = Buffer.from(`${name}\u0000`, 'utf16le');
		bytes.set(utf16, at);
		view.setUint16(at + 64, utf16.length, true);
		bytes[at + 66] = i === 0 ? 5 : 2;
	});
	return bytes;
}

describe('a file that is no spreadsheet is named for what it is', () => {
	it('a file named .xlsx that is no ZIP archive is no Excel workbook, not a CSV in another encoding', async () => {
		expect(await refusal(noise(4096), 'x.xlsx')).toBe(
			'Filen heter .xlsx, men er ikke en Excel-arbeidsbok: innholdet er verken et Excel-regneark eller en CSV-fil. Den kan være skadet eller ha fått feil navn; åpne den i programmet den ble laget i, lagre den som Excel-arbeidsbok (.xlsx) og prøv igjen. Ingenting er importert.'
		);
		// The same bytes named .csv are still a CSV file that is not UTF-8.
		expect(await refusal(noise(4096), 'x.csv')).toMatch(/^CSV-filen er ikke i UTF-8/);
	});

	it('an OpenDocument spreadsheet says to save it as .xlsx, whatever its name', async () => {
		const ods = await zipOf({
			mimetype: 'application/vnd.oasis.opendocument.spreadsheet',
			'content.xml': '<office:document-content/>',
			'META-INF/manifest.xml': '<manifest:manifest/>'
		});
		const said =
			'Filen er et OpenDocument-regneark (.ods), ikke et Excel-regneark. Åpne den i LibreOffice Calc, velg Fil → Lagre som → «Excel 2007-365 (.xlsx)», og prøv igjen. Ingenting er importert.';
		expect(await refusal(ods, 'budsjett.xlsx')).toBe(said);
		expect(await refusal(ods, 'budsjett.ods')).toBe(said);
	});

	it('a Word document renamed .xlsx is named as one', async () => {
		const docx = await zipOf({
			'[Content_Types].xml': '<Types/>',
			'_rels/.rels': '<Relationships/>',
			'word/document.xml': '<w:document/>'
		});
		expect(await refusal(docx, 'notat.xlsx')).toBe(
			'Filen er en .docx-fil, verken et Excel-regneark (.xlsx) eller en CSV-fil. Ingenting er importert.'
		);
	});

	it('tells a password-protected workbook from an old .xls, in every language', async () => {
		const encrypted = compoundFile(['EncryptionInfo', 'EncryptedPackage']);
		expect(await refusal(encrypted, 'hemmelig.xlsx')).toMatch(/^Filen er passordbeskyttet/);
		expect(await refusal(encrypted, 'hemmelig.xls')).toMatch(/^Filen er passordbeskyttet/);
		const xls = compoundFile(['Workbook', 'SummaryInformation']);
		expect(await refusal(xls, 'gammel.xlsx')).toMatch(/^Filen er i det gamle Excel-formatet/);
		expect(await withLocale('nn', () => refusal(encrypted, 'h.xlsx'))).toMatch(
			/^Fila er passordverna/
		);
		expect(await withLocale('en', () => refusal(encrypted, 'h.xlsx'))).toMatch(
			/^The file is password-protected/
		);
	});
});

describe('the rows a staged file is said to have', () => {
	const rowCountAndPreview = async (
		target: typeof portfolio,
		build: (wb: ExcelJS.Workbook) => void
	) => {
		const wb = new ExcelJS.Workbook();
		build(wb);
		const token = await target.stage(new Uint8Array(await wb.xlsx.writeBuffer()), 'fil.xlsx');
		const data = (await target.page(token)) as { staged: { file: { rowCount: number } } };
		return [data.staged.file.rowCount, (await target.preview(token)).counts.rows];
	};

	it('counts the sheets the portfolio reads, not «Om uttrekket»', async () => {
		const counts = await rowCountAndPreview(portfolio, (wb) => {
			wb.addWorksheet('Spor').addRows([
				['Kode', 'Spor', 'Status'],
				['8A', 'Første spor', 'Vedtatt'],
				['8B', 'Andre spor', 'Vedtatt']
			]);
			wb.addWorksheet('Om uttrekket').addRows([
				['Uttrekk', 'Portefølje'],
				['Laget', '25.11.2026'],
				['Filter', 'Ingen'],
				['Rader', '2'],
				['Kuttet', 'Nei']
			]);
		});
		expect(counts).toEqual([2, 2]);
	});

	it('counts the sheets the benefits import reads, not «Realiseringer»', async () => {
		const counts = await rowCountAndPreview(benefits, (wb) => {
			wb.addWorksheet('Gevinster').addRows([
				['Gevinst', 'Prosjekt', 'Nivå', 'Type'],
				['Mindre overtid', 'Et prosjekt', 'Tjeneste', 'Kvalitativ']
			]);
			wb.addWorksheet('Realiseringer').addRows([
				['Gevinst', 'Måned', 'Verdi'],
				['Mindre overtid', '2026-01', 10],
				['Mindre overtid', '2026-02', 20],
				['Mindre overtid', '2026-03', 30]
			]);
		});
		expect(counts).toEqual([1, 1]);
	});
});
