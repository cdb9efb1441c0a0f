import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { withLocale } from '../i18n';
import { NUMBER_FORMATS, sheetName, XlsxWorkbook } from './xlsx';

const CREATED = new Date('2026-11-20T10:00:00Z');

async function read(bytes: Uint8Array) {
	const wb = new ExcelJS.Workbook();
	await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
	return wb;
}

function build() {
	return new XlsxWorkbook({
		title: 'Gevinstregister',
		organisation: 'Molde kommune',
		createdAt: CREATED,
		period: { from: '2026-01-01', to: '2026-12-31' },
		notes: ['Spor: 1B Samhandling']
	})
		.sheet({
			name: 'Gevinster',
			caption: 'Gevinster',
			columns: [
				{ header: 'Gevinst' },
				{ header: 'Nullpunkt dato', format: 'date' },
				{ header: 'Måned', format: 'month' },
				{ header: 'Estimat', format: 'kroner' },
				{ header: 'Andel realisert', format: 'percent' },
				{ header: 'Timer', format: 'number' }
			],
			rows: [
				['Tapt arbeidsinntekt ved sykemelding for far', '2026-01-15', '2026-03', 73_530, 0.5, 12.5],
				['Ekstra tidsbruk ved skolestart', '2026-02-01', '2026-04', 80_000, 0.25, null],
				[
					'Ekstra tidsbruk ved koordinering og oppfølging av medisinske tilbud og skole',
					'2026-03-31',
					'2026-05',
					1_500_000,
					0,
					3
				]
			],
			totals: ['Sum', null, null, 1_653_530, 0.6, 15.5]
		})
		.sheet({
			name: 'Realiseringer: 2026/27 [utkast]',
			caption: 'x',
			columns: [{ header: 'Periode', format: 'month' }],
			rows: [],
			empty: 'Ingen realiseringer i utvalget.'
		});
}

describe('XlsxWorkbook', () => {
	it('writes kroner as an English reader reads them, and its own «About» sheet in English', async () => {
		const wb = await read(await withLocale('en', () => build().render()));
		expect(wb.getWorksheet('Gevinster')!.getCell('D2').numFmt).toBe('"NOK "#,##0');
		const about = wb.getWorksheet('About this export')!;
		expect(about.getRow(1).values).toEqual([undefined, 'Field', 'Value']);
		expect(about.getCell('A2').value).toBe('Title');
	});

	it('writes numbers as numbers, dates as dates, with number formats', async () => {
		const wb = await read(await build().render());
		const ws = wb.getWorksheet('Gevinster')!;
		expect(ws.getCell('A2').type).toBe(ExcelJS.ValueType.String);
		expect(ws.getCell('B2').type).toBe(ExcelJS.ValueType.Date);
		expect(ws.getCell('B2').value).toEqual(new Date('2026-01-15T00:00:00Z'));
		expect(ws.getCell('B2').numFmt).toBe('dd.mm.yyyy');
		expect(ws.getCell('C2').value).toEqual(new Date('2026-03-01T00:00:00Z'));
		expect(ws.getCell('C2').numFmt).toBe(NUMBER_FORMATS.month);
		expect(ws.getCell('D2').type).toBe(ExcelJS.ValueType.Number);
		expect(ws.getCell('D2').value).toBe(73_530);
		expect(ws.getCell('D2').numFmt).toBe('#,##0 "kr"');
		expect(ws.getCell('E2').value).toBe(0.5);
		expect(ws.getCell('E2').numFmt).toBe('0.0 %');
		expect(ws.getCell('F3').value).toBeNull();
	});

	it('freezes the header row, filters it, and sums below the filtered range', async () => {
		const wb = await read(await build().render());
		const ws = wb.getWorksheet('Gevinster')!;
		expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
		expect(ws.autoFilter).toBe('A1:F4');
		expect(ws.getRow(1).font?.bold).toBe(true);
		expect(ws.getRow(1).values).toEqual([
			undefined,
			'Gevinst',
			'Nullpunkt dato',
			'Måned',
			'Estimat',
			'Andel realisert',
			'Timer'
		]);
		const sum = ws.getCell('D5');
		expect(sum.type).toBe(ExcelJS.ValueType.Formula);
		expect(sum.formula).toBe('SUM(D2:D4)');
		expect(sum.result).toBe(1_653_530);
		expect(sum.numFmt).toBe('#,##0 "kr"');
		expect(ws.getCell('A5').value).toBe('Sum');
		// A total share is the ratio of the sums, not the sum of the shares: a value, no SUM.
		expect(ws.getCell('E5').value).toBe(0.6);
		expect(ws.getCell('E5').type).toBe(ExcelJS.ValueType.Number);
		// The column fits the longest value; the long benefit title is capped and wraps.
		expect(ws.getColumn(4).width).toBeGreaterThanOrEqual(12);
		expect(ws.getColumn(1).width).toBeLessThanOrEqual(60);
	});

	it('names sheets in Norwegian within Excel’s rules, and says when a sheet is empty', async () => {
		const wb = await read(await build().render());
		expect(wb.worksheets.map((w) => w.name)).toEqual([
			'Gevinster',
			'Realiseringer- 2026-27 -utkast-',
			'Om uttrekket'
		]);
		const empty = wb.worksheets[1]!;
		expect(empty.getCell('A2').value).toBe('Ingen realiseringer i utvalget.');
		const about = wb.getWorksheet('Om uttrekket')!;
		expect(about.getCell('B2').value).toBe('Gevinstregister');
		expect(about.getCell('B4').value).toEqual(new Date('2026-01-01T00:00:00Z'));
		expect(about.getCell('B7').value).toBe('Spor: 1B Samhandling');
		expect(wb.created).toEqual(CREATED);
	});

	it('sheetName: illegal characters, length, apostrophes and duplicates', () => {
		expect(sheetName('Risiko: høy/middels?')).toBe('Risiko- høy-middels-');
		expect(sheetName("'Årshjul'")).toBe('Årshjul');
		expect(sheetName('Etterlevelse per enhet og måned i årshjulet')).toHaveLength(31);
		expect(sheetName('Gevinster', ['gevinster'])).toBe('Gevinster (2)');
		expect(sheetName('Gevinster', ['Gevinster', 'Gevinster (2)'])).toBe('Gevinster (3)');
		expect(sheetName('x'.repeat(40), ['x'.repeat(31)])).toBe(`${'x'.repeat(27)} (2)`);
		expect(sheetName('  ')).toBe('Ark');
	});
});
