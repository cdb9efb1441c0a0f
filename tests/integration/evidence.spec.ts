import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import {
	actions,
	load
} from '../../src/routes/(app)/arshjul/forekomst/[task=id]/[unit=id]/[period=period]/+page.server';
import { GET } from '../../src/routes/(app)/arshjul/forekomst/[task=id]/[unit=id]/[period=period]/bevis/[id=id]/+server';
import { makeEvent, makeUnit, makeUser, outcome, signIn, type Signed } from '../factories';
import { makeWheel } from '../factories/wheel';
import { db } from '$lib/server/db';
import { EVIDENCE_MAX_BYTES } from '$lib/domain/control/evidence';

let unitId: number;
let taskId: number;
const who: Record<string, Signed | null> = {};
const NOW = new Date('2026-11-20T10:00:00Z');
const FORM = { storedIn: 'Compilo', comment: 'Kontrollert', link: '' };

/** A real 1×1 PNG (ISO/IEC 15948): signature, IHDR, IDAT, IEND, with CRCs. */
function tinyPng(): Uint8Array {
	const crcTable = Array.from({ length: 256 }, (_, n) => {
		let c = n;
		for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
		return c >>> 0;
	});
	const crc = (b: Buffer) => {
		let c = 0xffffffff;
		for (const x of b) c = crcTable[(c ^ x) & 0xff]! ^ (c >>> 8);
		return (c ^ 0xffffffff) >>> 0;
	};
	const chunk = (type: string, data: Buffer) => {
		const len = Buffer.alloc(4);
		len.writeUInt32BE(data.length);
		const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
		const sum = Buffer.alloc(4);
		sum.writeUInt32BE(crc(body));
		return Buffer.concat([len, body, sum]);
	};
	const ihdr = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]);
	return Buffer.concat([
		Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		chunk('IHDR', ihdr),
		chunk('IDAT', deflateSync(Buffer.from([0, 255, 0, 0]))),
		chunk('IEND', Buffer.alloc(0))
	]);
}

/**
 * A ZIP with one stored entry (local file header, APPNOTE 4.3.7): enough for content sniffing,
 * which reads the first entries' names and, for office files, their content.
 */
function zipOf(name: string, data: string): Buffer {
	const n = Buffer.from(name);
	const d = Buffer.from(data);
	const header = Buffer.alloc(30);
	header.writeUInt32LE(0x04034b50, 0);
	header.writeUInt16LE(20, 4);
	header.writeUInt32LE(d.length, 18);
	header.writeUInt32LE(d.length, 22);
	header.writeUInt16LE(n.length, 26);
	return Buffer.concat([header, n, d]);
}
const DOCX = zipOf(
	'[Content_Types].xml',
	'<Types><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
);
const ODT = zipOf('mimetype', 'application/vnd.oasis.opendocument.text');

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const file = (bytes: Uint8Array, name: string, type = 'application/pdf') =>
	new File([bytes as Uint8Array<ArrayBuffer>], name, { type });

function occurrenceEvent(signed: Signed | null, period: string, form?: Record<string, unknown>) {
	return makeEvent({
		signed,
		path: `/arshjul/forekomst/${taskId}/${unitId}/${period}`,
		params: { task: String(taskId), unit: String(unitId), period },
		form: form as never,
		now: NOW
	}) as never;
}

const sign = (period: string, files: File[], extra: Record<string, string> = {}) =>
	outcome(() =>
		actions.sign!(occurrenceEvent(who.leader!, period, { ...FORM, ...extra, evidence: files }))
	);

const page = async (signed: Signed | null, period: string) => {
	const result = await outcome(() => load(occurrenceEvent(signed, period)));
	if (result.kind !== 'ok') throw new Error(JSON.stringify(result));
	return result.data as {
		history: {
			id: number;
			reopening: unknown;
			evidence: {
				items: { id: number; kind: string; fileName: string; sha256: string; url: string }[];
				hiddenFiles: number;
			};
		}[];
	};
};

const count = (table: string) =>
	(db.$client.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
const counts = () =>
	['wheel_signature', 'signature_evidence', 'evidence_file', 'audit_log'].map(count);

async function download(signed: Signed | null, period: string, id: number, task = taskId) {
	const event = makeEvent({
		signed,
		path: `/arshjul/forekomst/${task}/${unitId}/${period}/bevis/${id}`,
		params: { task: String(task), unit: String(unitId), period, id: String(id) },
		now: NOW
	});
	try {
		return await GET(event as never);
	} catch (e) {
		const status = (e as { status?: number }).status;
		return { status, headers: new Headers() } as Response;
	}
}

beforeAll(async () => {
	const top = makeUnit('Helse og omsorg');
	const parentId = makeUnit('Bo og habilitering', top);
	unitId = makeUnit('Avdeling Nord', parentId);
	const otherUnitId = makeUnit('Avdeling Sør', parentId);
	taskId = makeWheel({ ownerUnitId: parentId, unitIds: [unitId, otherUnitId] }).taskIds[0]!;
	const users = await Promise.all([
		makeUser([{ role: 'admin' }]),
		makeUser([{ role: 'unit_leader', unitId }]),
		makeUser([{ role: 'unit_leader', unitId: parentId }]),
		makeUser([{ role: 'unit_leader', unitId: top }]),
		makeUser([{ role: 'unit_leader', unitId: otherUnitId }]),
		makeUser([{ role: 'steering' }]),
		makeUser([{ role: 'viewer' }])
	]);
	const names = ['admin', 'leader', 'parentLeader', 'topLeader', 'otherLeader', 'steering'];
	[...names, 'viewer'].forEach((name, i) => (who[name] = signIn(users[i]!)));
	who.anonymous = null;
});

describe('evidence on a sign-off', () => {
	it('stores the files with their SHA-256 and a sanitised name, with the signature', async () => {
		const png = tinyPng();
		const result = await sign(
			'2026-01',
			[file(PDF, '../../etc/Referat\u202Emars.pdf'), file(png, 'skjerm.png', 'image/png')],
			{ link: 'https://sak.kommune.no/123' }
		);
		expect(result.kind).toBe('ok');
		const { history } = await page(who.leader!, '2026-01');
		const items = history[0]!.evidence.items;
		expect(items.map((i) => [i.kind, i.fileName, i.sha256])).toEqual([
			['file', 'Referatmars.pdf', sha(PDF)],
			['file', 'skjerm.png', sha(png)],
			['link', null, null]
		]);
		expect(items[2]!.url).toBe('https://sak.kommune.no/123');
		const stored = db.$client
			.prepare('select byte_size as size from evidence_file where sha256 = ?')
			.get(sha(PDF)) as { size: number };
		expect(stored.size).toBe(PDF.byteLength);
		const audit = db.$client
			.prepare(`select "after" from audit_log where entity = 'wheel_signature' order by id desc`)
			.get() as { after: string };
		expect(JSON.parse(audit.after).evidence).toHaveLength(3);
	});

	it('recognises office files by the entries inside the ZIP, whatever their names', async () => {
		const result = await sign('2026-02', [
			file(DOCX, 'notat', 'application/octet-stream'),
			file(ODT, 'referat.pdf', 'application/pdf')
		]);
		expect(result.kind).toBe('ok');
		const { history } = await page(who.leader!, '2026-02');
		expect(history[0]!.evidence.items.map((i) => i.fileName)).toEqual([
			'notat.docx',
			'referat.pdf.odt'
		]);
	});

	it.each([
		['an HTML page named .pdf', Buffer.from('<!doctype html><script>alert(1)</script>'), 400],
		['a Windows program named .pdf', Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200)]), 400],
		['a plain ZIP named .pdf', zipOf('les-meg.txt', 'hei'), 400],
		['a file over the size limit', Buffer.alloc(EVIDENCE_MAX_BYTES + 1, 0x25), 413]
	])('refuses %s, keeps the values and writes nothing', async (_, bytes, status) => {
		const before = counts();
		const result = await sign('2026-03', [file(PDF, 'ok.pdf'), file(bytes, 'rapport.pdf')]);
		expect(result).toMatchObject({ kind: 'fail', status });
		if (result.kind !== 'fail') return;
		expect(result.data.errors?.evidence).toMatch(/rapport\.pdf/);
		expect(result.data.values).toMatchObject({ storedIn: 'Compilo', comment: 'Kontrollert' });
		expect(counts()).toEqual(before);
	});

	it('the database refuses to change or remove evidence', () => {
		const run = (statement: string) => () => db.$client.prepare(statement).run();
		expect(run(`update signature_evidence set file_name = 'x.pdf'`)).toThrow(/cannot be changed/);
		expect(run(`delete from signature_evidence`)).toThrow(/cannot be removed/);
		expect(run(`update evidence_file set byte_size = 1`)).toThrow(/cannot be changed/);
		expect(run(`delete from evidence_file`)).toThrow(/cannot be removed/);
	});
});

describe('downloading evidence', () => {
	let fileId: number;
	beforeAll(async () => {
		fileId = (await page(who.leader!, '2026-01')).history[0]!.evidence.items[0]!.id;
	});

	it('answers an attachment with the stored type, nosniff and an RFC 6266 name', async () => {
		const response = await download(who.leader!, '2026-01', fileId);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('application/pdf');
		expect(response.headers.get('x-content-type-options')).toBe('nosniff');
		expect(response.headers.get('content-disposition')).toBe(
			`attachment; filename="Referatmars.pdf"; filename*=UTF-8''Referatmars.pdf`
		);
		expect(sha(new Uint8Array(await response.arrayBuffer()))).toBe(sha(PDF));
	});

	it.each([
		['admin', 200],
		['leader', 200],
		['parentLeader', 200],
		['topLeader', 200],
		['otherLeader', 403],
		['steering', 403],
		['viewer', 403],
		['anonymous', 303]
	])('%s gets %i', async (name, status) => {
		expect((await download(who[name]!, '2026-01', fileId)).status).toBe(status);
	});

	it('an id under another occurrence is not found', async () => {
		expect((await download(who.admin!, '2026-02', fileId)).status).toBe(404);
	});

	it('the page lists files only for those who may download them', async () => {
		const entry = (await page(who.viewer!, '2026-01')).history[0]!;
		expect(entry.evidence.hiddenFiles).toBe(2);
		expect(entry.evidence.items.map((i) => i.kind)).toEqual(['link']);
	});
});

describe('reopening', () => {
	it('keeps the evidence with the reopened signature; a new sign-off has its own', async () => {
		const reopen = await outcome(() =>
			actions.reopen!(occurrenceEvent(who.leader!, '2026-01', { reason: 'Feil vedlegg' }))
		);
		expect(reopen.kind).toBe('ok');
		const png = tinyPng();
		expect((await sign('2026-01', [file(png, 'ny.png', 'image/png')])).kind).toBe('ok');
		const { history } = await page(who.leader!, '2026-01');
		expect(history).toHaveLength(2);
		expect(history[0]!.evidence.items.map((i) => i.fileName)).toEqual(['ny.png']);
		expect(history[1]!.reopening).not.toBeNull();
		expect(history[1]!.evidence.items.map((i) => i.fileName)).toEqual([
			'Referatmars.pdf',
			'skjerm.png',
			null
		]);
	});
});
