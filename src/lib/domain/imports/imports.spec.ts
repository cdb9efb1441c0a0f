import { describe, expect, it } from 'vitest';
import { deflateRawSync } from 'node:zlib';
import { detectSeparator, parseCsv } from './csv';
import { autoMap, cellName, columnLetter, doubleMapped, rememberMapping } from './mapping';
import { describeSchedule, parseScheduleText } from './wheel-schedule';
import { WHEEL_TASK_FIELDS, wheelTaskMapping, wheelTaskRows } from './wheel-tasks';
import { zipEntries, zipProblem, type ZipEntry } from './zip';
import {
	isoDay,
	lifecycleOf,
	lifecyclePath,
	portfolioMapping,
	portfolioSheetIndex
} from './portfolio';

describe('CSV as spreadsheets write it', () => {
	it('reads Norwegian Excel: semicolons, a BOM, quotes with separators and line breaks', () => {
		const text =
			'\ufeffOppgave;Ansvar\r\n"ROS; vold og trusler";"Leder ""A"""\r\n"To\nlinjer";x\r\n';
		expect(parseCsv(text)).toEqual({
			ok: true,
			rows: [
				['Oppgave', 'Ansvar'],
				['ROS; vold og trusler', 'Leder "A"'],
				['To\nlinjer', 'x']
			]
		});
	});

	it('takes the separator the header uses most', () => {
		expect(detectSeparator('a,b,c\n1;2')).toBe(',');
		expect(detectSeparator('a;b\n')).toBe(';');
		expect(detectSeparator('a\tb')).toBe('\t');
		expect(detectSeparator('"a;b",c')).toBe(',');
	});

	it('refuses a quote left open, naming its line', () => {
		expect(parseCsv('a;b\n1;"open\n2;3')).toEqual({ ok: false, line: 2 });
	});
});

describe('column mapping', () => {
	it('matches headers by label and synonym, ignoring case and punctuation', () => {
		const map = autoMap(WHEEL_TASK_FIELDS, [
			'Tittel',
			'Ansvarlig:',
			'LAGRES I',
			'Frekvens',
			'Hjemmel'
		]);
		expect(map).toMatchObject({
			title: 0,
			responsibleRole: 1,
			storedIn: 2,
			schedule: 3,
			reference: 4
		});
		expect(map.description).toBeNull();
	});

	it('prefers what was remembered, by header name, wherever the column now is', () => {
		const headers = ['Kolonne X', 'Oppgave', 'Hvem gjør det'];
		const remembered = rememberMapping(
			WHEEL_TASK_FIELDS,
			{ title: 1, responsibleRole: 2 },
			() => headers
		);
		const moved = autoMap(WHEEL_TASK_FIELDS, ['Hvem gjør det', 'Oppgave'], remembered);
		expect(moved).toMatchObject({ title: 1, responsibleRole: 0 });
	});

	it('names cells as the spreadsheet does and finds a column used twice', () => {
		expect([columnLetter(0), columnLetter(25), columnLetter(26), cellName(2, 7)]).toEqual([
			'A',
			'Z',
			'AA',
			'C7'
		]);
		expect(doubleMapped(WHEEL_TASK_FIELDS, { title: 0, storedIn: 0 })?.map((f) => f.key)).toEqual([
			'title',
			'storedIn'
		]);
	});
});

describe('a wheel task schedule written as text', () => {
	const values = (text: string) => {
		const parsed = parseScheduleText(text);
		return parsed.ok ? parsed.values : parsed.problem;
	};
	it('reads what people write and what the templates page shows', () => {
		expect(values('hver måned')).toEqual({ scheduleKind: 'monthly', dueDay: '' });
		expect(values('Månedlig')).toEqual({ scheduleKind: 'monthly', dueDay: '' });
		expect(values('Hver måned, den 15.')).toEqual({ scheduleKind: 'monthly', dueDay: '15' });
		expect(values('mars, september')).toEqual({
			scheduleKind: 'months',
			months: ['3', '9'],
			dueDay: ''
		});
		expect(values('september og mars, siste dag')).toEqual({
			scheduleKind: 'months',
			months: ['3', '9'],
			dueDay: ''
		});
		expect(values('årlig: juni')).toEqual({ scheduleKind: 'yearly', month: '6', dueDay: '' });
		expect(values('Hvert år (jun)')).toEqual({ scheduleKind: 'yearly', month: '6', dueDay: '' });
		expect(values('Hvert år i mar, sep')).toMatchObject({
			scheduleKind: 'months',
			months: ['3', '9']
		});
		expect(values('Januar')).toEqual({ scheduleKind: 'yearly', month: '1', dueDay: '' });
		expect(values('jan, apr, jul, okt, den 10')).toEqual({
			scheduleKind: 'months',
			months: ['1', '4', '7', '10'],
			dueDay: '10'
		});
	});

	it('answers what it cannot read with a code and the text as written (the messages word it)', () => {
		expect(values('halvårlig')).toEqual({ code: 'unreadable', text: 'halvårlig' });
		expect(values('én gang i året: mars og juni')).toEqual({
			code: 'once_many_months',
			text: 'én gang i året: mars og juni',
			months: 2
		});
		expect(values('13')).toEqual({ code: 'unreadable', text: '13' });
		expect(values(` ${'x'.repeat(80)} `)).toEqual({ code: 'unreadable', text: 'x'.repeat(60) });
	});
});

describe('wheel task rows', () => {
	const defaults = { responsibleRole: 'Avdelingsleder', storedIn: 'Compilo' };

	it('reads seed 004’s layout: month headings over the tasks, empty Ansvar and Lagres', () => {
		const headers = ['Januar', 'Ansvar', 'Lagres', 'Utført', 'Kommentar'];
		const mapping = wheelTaskMapping(headers);
		expect(mapping).toMatchObject({ title: 0, responsibleRole: 1, storedIn: 2, schedule: null });
		const rows = wheelTaskRows(
			headers,
			[
				{ rowNumber: 2, cells: ['Ressursfordelingskartlegging'] },
				{ rowNumber: 3, cells: ['Februar', '', ''] },
				{ rowNumber: 4, cells: ['Planlegg HMS-dag', 'Enhetsleder', ''] },
				{ rowNumber: 5, cells: ['', '', ''] }
			],
			mapping,
			defaults
		);
		expect(
			rows.map((r) => [
				r.rowNumber,
				r.values.title,
				r.values.month,
				r.values.responsibleRole,
				r.values.storedIn
			])
		).toEqual([
			[2, 'Ressursfordelingskartlegging', '1', 'Avdelingsleder', 'Compilo'],
			[4, 'Planlegg HMS-dag', '2', 'Enhetsleder', 'Compilo']
		]);
	});

	it('says which rows have no schedule to go by', () => {
		const headers = ['Oppgave', 'Når'];
		const rows = wheelTaskRows(
			headers,
			[{ rowNumber: 2, cells: ['HMS-dag', ''] }],
			wheelTaskMapping(headers),
			defaults
		);
		expect(rows[0]!.scheduleProblem).toEqual({ code: 'missing' });
	});
});

describe('the ZIP directory', () => {
	/** A one-entry archive with a local header, a central directory and its end record. */
	function zip(name: string, data: Buffer, declared = data.length): Uint8Array {
		const packed = deflateRawSync(data);
		const n = Buffer.from(name);
		const local = Buffer.alloc(30);
		local.writeUInt32LE(0x04034b50, 0);
		local.writeUInt16LE(8, 8);
		local.writeUInt32LE(packed.length, 18);
		local.writeUInt32LE(declared, 22);
		local.writeUInt16LE(n.length, 26);
		const central = Buffer.alloc(46);
		central.writeUInt32LE(0x02014b50, 0);
		central.writeUInt16LE(8, 10);
		central.writeUInt32LE(packed.length, 20);
		central.writeUInt32LE(declared, 24);
		central.writeUInt16LE(n.length, 28);
		central.writeUInt32LE(0, 42);
		const dirStart = local.length + n.length + packed.length;
		const end = Buffer.alloc(22);
		end.writeUInt32LE(0x06054b50, 0);
		end.writeUInt16LE(1, 8);
		end.writeUInt16LE(1, 10);
		end.writeUInt32LE(central.length + n.length, 12);
		end.writeUInt32LE(dirStart, 16);
		return Buffer.concat([local, n, packed, central, n, end]);
	}

	it('lists entries with their declared sizes', () => {
		const entries = zipEntries(zip('xl/workbook.xml', Buffer.from('<workbook/>')));
		expect(entries?.map((e) => [e.name, e.uncompressedSize])).toEqual([['xl/workbook.xml', 11]]);
		expect(zipEntries(Buffer.from('not a zip at all, just text'))).toBeNull();
	});

	it('refuses macros and sizes that announce a bomb', () => {
		const entry = (name: string, compressedSize: number, uncompressedSize: number): ZipEntry => ({
			name,
			method: 8,
			compressedSize,
			uncompressedSize,
			localOffset: 0
		});
		expect(zipProblem([entry('xl/vbaProject.bin', 10, 10)])).toBe('macro');
		expect(zipProblem([entry('xl/printerSettings/printerSettings1.bin', 10, 10)])).toBeNull();
		expect(zipProblem([entry('xl/worksheets/sheet1.xml', 10_000, 5_000_000_000 % 2 ** 32)])).toBe(
			'zip_bomb'
		);
		expect(zipProblem([entry('xl/worksheets/sheet1.xml', 100_000, 200_000_000)])).toBe('zip_bomb');
		expect(zipProblem([entry('xl/worksheets/sheet1.xml', 100_000, 2_000_000)])).toBeNull();
	});
});

describe('a schedule in words', () => {
	it('is read back as the same schedule', () => {
		const schedules = [
			{ kind: 'monthly', dueDay: null },
			{ kind: 'monthly', dueDay: 15 },
			{ kind: 'months', months: [3, 9], dueDay: null },
			{ kind: 'yearly', month: 12, dueDay: 1 }
		] as const;
		for (const s of schedules) {
			const parsed = parseScheduleText(describeSchedule(s));
			expect(parsed.ok, describeSchedule(s)).toBe(true);
			const v = parsed.ok ? parsed.values : null;
			expect(v?.scheduleKind).toBe(s.kind);
			expect(v?.dueDay).toBe(s.dueDay === null ? '' : String(s.dueDay));
		}
	});
});

describe('portfolio rows', () => {
	it('walks the lifecycle one allowed step at a time', () => {
		expect(lifecyclePath('proposed', 'proposed')).toEqual([]);
		expect(lifecyclePath('proposed', 'in_progress')).toEqual([
			'recommended',
			'adopted',
			'in_progress'
		]);
		expect(lifecyclePath('proposed', 'completed')).toEqual([
			'recommended',
			'adopted',
			'in_progress',
			'completed'
		]);
		expect(lifecyclePath('proposed', 'rejected')).toEqual(['rejected']);
		expect(lifecyclePath('completed', 'proposed')).toEqual([]);
	});

	it('reads statuses by label or code, and Norwegian dates', () => {
		expect([
			lifecycleOf('Vedtatt'),
			lifecycleOf('pågår'),
			lifecycleOf(''),
			lifecycleOf('adopted')
		]).toEqual(['adopted', 'in_progress', 'proposed', 'adopted']);
		expect(lifecycleOf('Ferdig')).toBeNull();
		expect([isoDay('1.2.2026'), isoDay('2026-02-01'), isoDay('snart')]).toEqual([
			'2026-02-01',
			'2026-02-01',
			'snart'
		]);
	});

	it('finds each level’s sheet by name, or by its headers in a one-sheet file', () => {
		const workbook = [
			{ name: 'Spor', headers: ['Kode'] },
			{ name: 'Prosjekter', headers: ['Prosjekt'] },
			{ name: 'Tiltak', headers: ['Tiltak'] },
			{ name: 'Om uttrekket', headers: ['Felt'] }
		];
		expect(
			(['tracks', 'projects', 'measures'] as const).map((l) => portfolioSheetIndex(workbook, l))
		).toEqual([0, 1, 2]);
		const csv = [{ name: 'CSV', headers: ['Tiltak', 'Prosjekt'] }];
		expect(
			(['tracks', 'projects', 'measures'] as const).map((l) => portfolioSheetIndex(csv, l))
		).toEqual([-1, -1, 0]);
		expect(portfolioMapping(workbook)).toMatchObject({
			'tracks.code': 0,
			'projects.title': 0,
			'measures.title': 0
		});
	});
});
