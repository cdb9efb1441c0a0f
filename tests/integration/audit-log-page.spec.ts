/**
 * The change log page (/admin/logg) through its load and its `verify` action: pages by id in a
 * stable order with the filters kept in every link, shows the last recorded check of the hash
 * chain instead of walking it on each visit, and checks the whole chain when asked. Each row in
 * Norwegian words (what, action, person, field by field before → after), filtered by person,
 * period and unit, and exported for a tilsyn as a PDF and an xlsx.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { actions, load } from '../../src/routes/(app)/admin/logg/+page.server';
import { GET as pdfGet } from '../../src/routes/(app)/admin/logg/pdf/+server';
import { GET as xlsxGet } from '../../src/routes/(app)/admin/logg/last-ned/+server';
import { db } from '$lib/server/db';
import { writeAudit } from '$lib/server/db/queries/audit';
import { auditLogPdf } from '$lib/server/org/views/audit-log-export';
import { pdfText } from '$lib/server/reports/pdf-text';
import { formatKroner } from '$lib/format';
import { AUDIT_ACTION_LABEL, AUDIT_ENTITY_LABEL } from '$lib/domain/audit/vocabulary';
import { makeEvent, makeUnit, makeUser, outcome, signIn, type Signed } from '../factories';

const NOW = new Date('2026-11-20T10:00:00Z');
const flat = (text: string) => text.replace(/[\s\u00a0\u202f]+/g, ' ');
const sqlite = () => db.$client;

type LogPage = {
	rows: { id: number; entity: string; action: string; actorName: string | null }[];
	newerHref: string | null;
	olderHref: string | null;
	newestHref: string | null;
	chain: { state: string; line: string; checkedBy: string | null; newerRows: number };
	facets: {
		entities: { value: string; label: string }[];
		actions: { value: string; label: string }[];
	};
	actors: { value: string; label: string }[];
};

let admin: Signed;
let adminId: number;
let viewer: Signed;

/** `count` rows: every third about a benefit, the rest about a project; two actions. */
function writeRows(count: number, actorId: number | null) {
	db.transaction((tx) => {
		for (let i = 0; i < count; i++) {
			writeAudit(tx, new Date(NOW.getTime() - (count - i) * 60_000), {
				actorId,
				entity: i % 3 === 0 ? 'benefit' : 'project',
				entityId: i,
				action: i % 2 === 0 ? 'update' : 'create',
				after: { n: i }
			});
		}
	});
}

async function open(query = ''): Promise<LogPage> {
	const result = await outcome(() =>
		load(makeEvent({ signed: admin, path: `/admin/logg${query}`, now: NOW }) as never)
	);
	if (result.kind !== 'ok') throw new Error(JSON.stringify(result));
	return result.data as LogPage;
}

beforeAll(async () => {
	adminId = await makeUser([{ role: 'admin' }], { name: 'Ada Admin' });
	admin = signIn(adminId, NOW);
	viewer = signIn(await makeUser([{ role: 'viewer' }]), NOW);
	writeRows(140, adminId);
});

describe('the change log, a page at a time', () => {
	it('walks from the newest to the oldest row and back, each row once, in id order', async () => {
		const total = (sqlite().prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number })
			.n;
		const pages: LogPage[] = [await open()];
		expect(pages[0]!.newerHref).toBeNull();
		expect(pages[0]!.newestHref).toBeNull();
		while (pages[pages.length - 1]!.olderHref) {
			pages.push(await open(pages[pages.length - 1]!.olderHref!));
		}
		const ids = pages.flatMap((p) => p.rows.map((r) => r.id));
		expect(ids).toHaveLength(total);
		const newestFirst = sqlite()
			.prepare('SELECT id FROM audit_log ORDER BY at DESC, id DESC')
			.all()
			.map((r) => (r as { id: number }).id);
		expect(ids).toEqual(newestFirst);
		expect(pages.slice(0, -1).every((p) => p.rows.length === 50)).toBe(true);
		// Back again from the second page: the first page exactly.
		const back = await open(pages[1]!.newerHref!);
		expect(back.rows.map((r) => r.id)).toEqual(pages[0]!.rows.map((r) => r.id));
		expect(back.newerHref).toBeNull();
		expect(pages[1]!.newestHref).toBe('?');
	});

	it('keeps the filters in every link, and pages within them', async () => {
		const first = await open('?type=project');
		expect(first.rows.every((r) => r.entity === 'project')).toBe(true);
		expect(first.olderHref).toMatch(/^\?type=project&eldre=\d+-\d+$/);
		const second = await open(first.olderHref!);
		expect(second.rows.length).toBeGreaterThan(0);
		expect(second.rows.every((r) => r.entity === 'project')).toBe(true);
		const seen = new Set(first.rows.map((r) => r.id));
		expect(second.rows.some((r) => seen.has(r.id))).toBe(false);
		expect(second.newerHref).toMatch(/^\?type=project&nyere=\d+-\d+$/);
	});

	it('offers the names and people that occur in the log as filters', async () => {
		const page = await open();
		expect(page.facets.entities).toEqual(
			expect.arrayContaining([
				{ value: 'benefit', label: 'Gevinst' },
				{ value: 'project', label: 'Prosjekt' }
			])
		);
		expect(page.facets.actions).toEqual(
			expect.arrayContaining([
				{ value: 'create', label: 'Opprettet' },
				{ value: 'update', label: 'Endret' }
			])
		);
		expect(page.actors).toContainEqual({ value: String(adminId), label: 'Ada Admin' });
	});

	it('answers a cursor that is not an id with 400', async () => {
		for (const query of ['?eldre=abc', '?nyere=-1', '?eldre=12', '?eldre=1-2&nyere=3-4']) {
			const result = await outcome(() =>
				load(makeEvent({ signed: admin, path: `/admin/logg${query}`, now: NOW }) as never)
			);
			expect(result, query).toMatchObject({ kind: 'error', status: 400 });
		}
	});
});

describe('the hash chain on the change log page', () => {
	it('is checked when an administrator asks, and the page shows that check', async () => {
		expect((await open()).chain).toMatchObject({ state: 'unchecked' });
		const checked = await outcome(() =>
			actions.verify!(
				makeEvent({ signed: admin, path: '/admin/logg', form: {}, now: NOW }) as never
			)
		);
		expect(checked).toMatchObject({
			kind: 'ok',
			data: { verified: { ok: true, line: expect.stringMatching(/^Endringsloggen er intakt/) } }
		});
		const page = await open();
		expect(page.chain).toMatchObject({ state: 'ok', checkedBy: 'Ada Admin', newerRows: 0 });
		expect(page.chain.line).toMatch(/^Endringsloggen er intakt \(\d+ rader kontrollert\)\.$/);
		// Rows written later are named as not yet checked.
		writeRows(3, null);
		expect((await open()).chain.newerRows).toBe(3);
	});

	it('is checked only by administrators', async () => {
		const refused = await outcome(() =>
			actions.verify!(
				makeEvent({ signed: viewer, path: '/admin/logg', form: {}, now: NOW }) as never
			)
		);
		expect(refused).toMatchObject({ kind: 'error', status: 403 });
	});

	it('is not walked when the page loads', async () => {
		const before = sqlite().prepare('SELECT count(*) AS n FROM audit_verification').get();
		const statements: string[] = [];
		const client = sqlite();
		const prepare = client.prepare;
		client.prepare = ((source: string) => {
			statements.push(source);
			return prepare.call(client, source);
		}) as typeof prepare;
		try {
			await open();
		} finally {
			client.prepare = prepare;
		}
		expect(statements.some((s) => /hash/i.test(s))).toBe(false);
		expect(sqlite().prepare('SELECT count(*) AS n FROM audit_verification').get()).toEqual(before);
	});
});

describe('the change log in words, filtered, and exported for a tilsyn', () => {
	let other: number;
	let parent: number;
	let child: number;
	let elsewhere: number;
	let projectId: number;

	beforeAll(async () => {
		other = await makeUser([{ role: 'programme_leader' }], { name: 'Per Programleder' });
		parent = makeUnit('Helse og omsorg');
		child = makeUnit('Sykehjemmet', parent);
		elsewhere = makeUnit('Oppvekst');
		const deviation = (
			sqlite()
				.prepare(
					`insert into deviation (unit_id, source, title, severity, found_on)
					 values (?, 'incident', 'Nøkkel borte', 'medium', '2026-10-01') returning id`
				)
				.get(child) as { id: number }
		).id;
		projectId = 9001;
		db.transaction((tx) => {
			writeAudit(tx, new Date('2026-10-01T09:30:00Z'), {
				actorId: other,
				entity: 'project',
				entityId: projectId,
				action: 'status',
				before: {
					title: 'Digital hjemmeoppfølging',
					status: 'proposed',
					ownerId: adminId,
					startDate: '2026-03-01',
					prioritised: false,
					hourlyRateKroner: 950,
					version: 3
				},
				after: {
					title: 'Digital hjemmeoppfølging',
					status: 'adopted',
					ownerId: other,
					startDate: '2026-04-01',
					prioritised: true,
					hourlyRateKroner: 1000,
					version: 4
				}
			});
			writeAudit(tx, new Date('2026-10-02T08:00:00Z'), {
				actorId: adminId,
				entity: 'mystery_thing',
				entityId: 1,
				action: 'zap',
				after: 'x'
			});
			writeAudit(tx, new Date('2026-10-03T08:00:00Z'), {
				actorId: adminId,
				entity: 'deviation',
				entityId: deviation,
				action: 'create',
				after: { title: 'Nøkkel borte', unitId: child, severity: 'medium', deadline: '2026-10-15' }
			});
		});
	});

	type Row = {
		id: number;
		entity: string;
		entityLabel: string;
		subject: string;
		action: string;
		actionLabel: string;
		actorName: string;
		changes: { label: string; before: string; after: string }[];
	};
	const rowsOf = async (query: string) => (await open(query)).rows as unknown as Row[];

	it('names what, the action, the person and each field before → after in Norwegian', async () => {
		const [row] = await rowsOf('?type=project&handling=status');
		expect(row).toMatchObject({
			entityLabel: 'Prosjekt',
			subject: `Prosjekt «Digital hjemmeoppfølging» (#${projectId})`,
			actionLabel: 'Ny status',
			actorName: 'Per Programleder'
		});
		const change = Object.fromEntries(row!.changes.map((c) => [c.label, [c.before, c.after]]));
		expect(change).toEqual({
			Status: ['Forslag', 'Vedtatt'],
			Eier: ['Ada Admin', 'Per Programleder'],
			Startet: ['1. mars 2026', '1. april 2026'],
			Prioritert: ['nei', 'ja'],
			Timesats: [formatKroner(950), formatKroner(1000)]
		});
		// A code the labels do not know is shown as it is.
		const [odd] = await rowsOf('?type=mystery_thing');
		expect(odd).toMatchObject({ entityLabel: 'mystery_thing', actionLabel: 'zap' });
		expect(odd!.changes).toEqual([{ field: 'value', label: 'Verdi', before: '–', after: 'x' }]);
	});

	it('filters by person, period and unit (the unit and the units below it)', async () => {
		const byPerson = await rowsOf(`?person=${other}`);
		expect(byPerson.map((r) => r.entity)).toEqual(['project']);
		const day = await rowsOf('?fra=2026-10-02&til=2026-10-02');
		expect(day.map((r) => r.entity)).toEqual(['mystery_thing']);
		writeUnitRows();
		const unit = await rowsOf(`?enhet=${parent}`);
		expect(unit.map((r) => `${r.entity}:${r.actionLabel}`).sort()).toEqual([
			'deviation:Opprettet',
			'unit:Nytt navn',
			'unit:Nytt navn',
			'unit:Opprettet',
			'unit:Opprettet'
		]);
		expect(unit.some((r) => r.subject.includes(`#${elsewhere}`))).toBe(false);
		expect(unit.find((r) => r.entity === 'deviation')!.changes).toContainEqual({
			field: 'unitId',
			label: 'Enhet',
			before: '',
			after: 'Sykehjemmet'
		});
		const bad = await outcome(() =>
			load(
				makeEvent({
					signed: admin,
					path: '/admin/logg?fra=2026-10-05&til=2026-10-01',
					now: NOW
				}) as never
			)
		);
		expect(bad).toMatchObject({
			kind: 'ok',
			data: { errors: { til: expect.stringMatching(/før/) } }
		});
	});

	function writeUnitRows() {
		db.transaction((tx) => {
			for (const id of [parent, child, elsewhere]) {
				writeAudit(tx, new Date('2026-10-04T08:00:00Z'), {
					actorId: adminId,
					entity: 'unit',
					entityId: id,
					action: 'rename',
					before: { name: 'Gammelt navn' }
				});
			}
		});
	}

	it('exports the filtered log as a PDF with the filters, the chain check and a cap', async () => {
		const res = await outcome(() =>
			pdfGet(
				makeEvent({
					signed: admin,
					path: '/admin/logg/pdf?type=project&handling=status',
					now: NOW
				}) as never
			)
		);
		const text = flat(
			pdfText(new Uint8Array(await (res as { data: Response }).data.arrayBuffer()))
		);
		for (const s of [
			'Endringslogg',
			'Uttrekk for tilsyn',
			'Hva: Prosjekt',
			'Handling: Ny status',
			'Kontroll av hashkjeden: Endringsloggen er intakt',
			'1 hendelser i utvalget, alle vist',
			'Status: Forslag > Vedtatt',
			'Per Programleder',
			'2026-10-01 11:30:00'
		]) {
			expect(text).toContain(s);
		}
		expect(
			await outcome(() =>
				pdfGet(makeEvent({ signed: viewer, path: '/admin/logg/pdf', now: NOW }) as never)
			)
		).toMatchObject({ kind: 'error', status: 403 });
		const capped = await auditLogPdf(
			admin.user,
			new URL('http://x/admin/logg/pdf?type=benefit'),
			NOW,
			10
		);
		expect(capped.rows).toBe(10);
		expect(flat(pdfText(capped.content))).toMatch(
			/\d+ hendelser i utvalget\. Rapporten viser de 10 nyeste; avgrens/
		);
	});

	it('exports every filtered row to xlsx, in words and as stored', async () => {
		const res = await outcome(() =>
			xlsxGet(
				makeEvent({ signed: admin, path: '/admin/logg/last-ned?type=benefit', now: NOW }) as never
			)
		);
		const wb = new ExcelJS.Workbook();
		await wb.xlsx.load((await (res as { data: Response }).data.arrayBuffer()) as ArrayBuffer);
		const ws = wb.getWorksheet('Endringslogg')!;
		const benefits = (
			sqlite().prepare(`select count(*) as n from audit_log where entity = 'benefit'`).get() as {
				n: number;
			}
		).n;
		expect(ws.rowCount).toBe(benefits + 1);
		expect(ws.getRow(2).getCell(4).value).toBe('Gevinst');
		const about = wb.getWorksheet('Om uttrekket')!;
		const notes: string[] = [];
		about.eachRow((r) => notes.push(String(r.getCell(2).value)));
		expect(notes).toEqual(
			expect.arrayContaining(['Hva: Gevinst', expect.stringMatching(/^Kontroll av hashkjeden: /)])
		);
		const words = await outcome(() =>
			xlsxGet(
				makeEvent({
					signed: admin,
					path: '/admin/logg/last-ned?type=project&handling=status',
					now: NOW
				}) as never
			)
		);
		const wb2 = new ExcelJS.Workbook();
		await wb2.xlsx.load((await (words as { data: Response }).data.arrayBuffer()) as ArrayBuffer);
		const row = wb2.getWorksheet('Endringslogg')!.getRow(2);
		expect(String(row.getCell(8).value)).toContain('Status: Forslag → Vedtatt');
		expect(JSON.parse(String(row.getCell(10).value))).toMatchObject({ status: 'adopted' });
	});
});

describe('the labels of the change log', () => {
	it('name every entity and action the code writes to the log', () => {
		const root = path.resolve('src/lib/server');
		const files = readdirSync(root, { recursive: true, encoding: 'utf8' })
			.filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts'))
			.map((f) => readFileSync(path.join(root, f), 'utf8'))
			.filter((text) => /\b(?:writeAudit|insertAuditEntry)\(/.test(text));
		const codes = { entity: new Set<string>(), action: new Set<string>() };
		for (const text of files) {
			for (const m of text.matchAll(/\b(entity|action): ([^,\n]+)/g)) {
				for (const lit of m[2]!.matchAll(/'([a-z_]+)'/g)) {
					codes[m[1] as 'entity' | 'action'].add(lit[1]!);
				}
			}
		}
		expect(codes.entity.size).toBeGreaterThan(20);
		expect([...codes.entity].filter((c) => !(c in AUDIT_ENTITY_LABEL))).toEqual([]);
		expect([...codes.action].filter((c) => !(c in AUDIT_ACTION_LABEL))).toEqual([]);
	});
});
