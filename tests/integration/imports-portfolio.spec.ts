import { beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import * as portfolioImport from '../../src/routes/(app)/portefolje/import/+page.server';
import { makeUnit, makeUser, signIn, type Signed } from '../factories';
import { importPage, type Preview } from '../factories/imports';
import { makeMission, makeTrack } from '../factories/portfolio';
import { db } from '$lib/server/db';
import { createProject, deleteProject, listProjects } from '$lib/server/db/queries/projects';
import { createMeasure, deleteMeasure, listMeasures } from '$lib/server/db/queries/measures';
import { deleteTrack, listTracks } from '$lib/server/db/queries/tracks';
import { changeStatus } from '$lib/server/db/queries/lifecycle';
import { portfolioXlsx, risksXlsx } from '$lib/server/portfolio/views/export';

const NOW = new Date('2026-11-25T12:00:00Z');
const who: Record<string, Signed> = {};
let perId: number;
let unitId: number;

const { stage, page, preview, commit, open } = importPage(portfolioImport, {
	path: '/portefolje/import',
	now: NOW,
	signed: () => who.admin!
});

const count = (table: string) =>
	(db.$client.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;

function walk(subject: 'track' | 'project' | 'measure', id: number, ...steps: string[]) {
	for (const to of steps) {
		const r = changeStatus(subject, id, to as never, 'Vedtatt i styringsgruppen', null, NOW);
		if (!r.ok) throw new Error(r.reason);
	}
}

/** The cells of a workbook's sheets, without the columns that name ids or the ranking. */
async function contentOf(bytes: Uint8Array) {
	const wb = new ExcelJS.Workbook();
	await wb.xlsx.load(Buffer.from(bytes) as never);
	const out: Record<string, string[][]> = {};
	for (const name of ['Spor', 'Prosjekter', 'Tiltak']) {
		const ws = wb.getWorksheet(name)!;
		const rows: string[][] = [];
		const headers = (ws.getRow(1).values as unknown[]).slice(1).map(String);
		const keep = headers.map((h) => !/ID$|^Rangering$/.test(h));
		ws.eachRow((row) => {
			const cells = (row.values as unknown[]).slice(1);
			rows.push(headers.map((_, i) => String(cells[i] ?? '')).filter((_, i) => keep[i]));
		});
		out[name] = rows.sort((a, b) => a.join().localeCompare(b.join()));
	}
	return out;
}

beforeAll(async () => {
	unitId = makeUnit('Enhet Nord (import)');
	who.admin = signIn(await makeUser([{ role: 'admin' }], { name: 'Ada Admin' }));
	perId = await makeUser([{ role: 'programme_leader' }], { name: 'Per Programleder' });
	who.per = signIn(perId);
	who.leader = signIn(await makeUser([{ role: 'programme_leader' }], { name: 'Lise Leder' }));
	who.viewer = signIn(await makeUser([{ role: 'viewer' }]));
	makeMission();
	const a = makeTrack(perId, { code: '1A', title: 'Brukermedvirkning' });
	const b = makeTrack(perId, { code: '1B', title: 'Samhandling' });
	walk('track', a, 'recommended', 'adopted');
	const ok = <T>(r: { ok: true; value: T } | { ok: false; reason: string }) => {
		if (!r.ok) throw new Error(r.reason);
		return r.value;
	};
	const project = (
		title: string,
		trackIds: number[],
		more: { description?: string; startDate?: string; endDate?: string } = {}
	) =>
		ok(
			createProject(
				makeMission(),
				{
					title,
					description: more.description ?? null,
					ownerId: perId,
					startDate: more.startDate ?? null,
					endDate: more.endDate ?? null,
					trackIds,
					levels: []
				},
				null,
				NOW
			)
		);
	// Seed 004: the project in Molde and Kristiansund, with its dates and its description.
	const p1 = project('Omstilling i bo og habilitering', [a, b], {
		description:
			'Molde og Kristiansund: 86 foreslåtte tiltak, 15 anbefalt, 6 vedtatt for utprøving.',
		startDate: '2025-09-01',
		endDate: '2027-06-30'
	});
	const p2 = project('Felles tjenesteplan', [b]);
	walk('project', p1, 'recommended', 'adopted');
	const measure = (
		projectId: number,
		title: string,
		unitIds: number[] = [],
		dates: (string | null)[] = [null, null],
		description: string | null = null
	) =>
		ok(
			createMeasure(
				{
					projectId,
					title,
					description,
					ownerId: perId,
					unitIds,
					startDate: dates[0] ?? null,
					endDate: dates[1] ?? null
				},
				null,
				NOW
			)
		);
	walk(
		'measure',
		measure(
			p1,
			'Veiledningsteam',
			[unitId],
			['2026-01-01', '2026-12-31'],
			'Et team som veileder primærkontaktene i turnus.'
		),
		'recommended',
		'adopted',
		'in_progress'
	);
	walk('measure', measure(p1, 'Felles turnusplan'), 'rejected');
	measure(p2, 'Brukerundersøkelse «Min stemme teller»');
});

describe('the portfolio workbook imports back unchanged', () => {
	it('into the same portfolio: every row is found, nothing is created', async () => {
		const exported = await portfolioXlsx(new URLSearchParams(), NOW);
		const before = [count('track'), count('project'), count('measure'), count('audit_log')];
		const token = await stage(exported.content, exported.fileName);
		const p = await preview(token);
		expect(p.counts).toEqual({ rows: 7, new: 0, skipped: 7, errors: 0 });
		// Every column the import reads is in the download, so it maps itself.
		const mapped = (await page(token)) as {
			staged: { mapping: { fields: { key: string; column: string }[] } };
		};
		const unmapped = mapped.staged.mapping.fields.filter((f) => f.column === '').map((f) => f.key);
		expect(unmapped).toEqual([]);
		expect(p.rows.map((r) => r.sheet)).toEqual([
			'Spor',
			'Spor',
			'Prosjekter',
			'Prosjekter',
			'Tiltak',
			'Tiltak',
			'Tiltak'
		]);
		expect(await commit(token, p.digest)).toMatchObject({
			kind: 'ok',
			data: { success: '0 elementer importert, 7 hoppet over.' }
		});
		// Nothing was created, so there is no import to account for: no audit row either.
		expect([count('track'), count('project'), count('measure'), count('audit_log')]).toEqual(
			before
		);
	});

	it('a changed title or code with its id kept is an error on the id cell, not a new item', async () => {
		const exported = await portfolioXlsx(new URLSearchParams(), NOW);
		const wb = new ExcelJS.Workbook();
		await wb.xlsx.load(Buffer.from(exported.content) as never);
		const track = listTracks().find((t) => t.code === '1B')!;
		const project = listProjects().find((p) => p.title === 'Felles tjenesteplan')!;
		const measure = listMeasures().find((m) => m.title === 'Felles turnusplan')!;
		const rename = (sheet: string, idColumn: number, id: number, column: number, to: string) =>
			wb.getWorksheet(sheet)!.eachRow((row) => {
				if (row.getCell(idColumn).value === id) row.getCell(column).value = to;
			});
		rename('Spor', 1, track.id, 2, '1C');
		rename('Prosjekter', 2, project.id, 3, 'Felles plan');
		rename('Tiltak', 1, measure.id, 2, 'Turnusplan');
		const before = [count('track'), count('project'), count('measure'), count('audit_log')];
		const token = await stage(new Uint8Array(await wb.xlsx.writeBuffer()), 'portefolje.xlsx');
		const p = await preview(token);
		expect(p.counts).toMatchObject({ new: 0, errors: 3 });
		const ids = p.issues.filter((i) => i.field.endsWith('-ID'));
		expect(ids.map((i) => [i.cell.replace(/\d+$/, ''), i.field, i.message])).toEqual([
			[
				'Spor!A',
				'Spor-ID',
				`Spor-ID ${track.id} er «1B» i Misjonskart, ikke «1C». Endre koden i filen eller fjern ID-en.`
			],
			[
				'Prosjekter!B',
				'Prosjekt-ID',
				`Prosjekt-ID ${project.id} er «Felles tjenesteplan» i Misjonskart, ikke «Felles plan». Endre tittelen i filen eller fjern ID-en.`
			],
			[
				'Tiltak!A',
				'Tiltak-ID',
				`Tiltak-ID ${measure.id} er «Felles turnusplan» i Misjonskart, ikke «Turnusplan». Endre tittelen i filen eller fjern ID-en.`
			]
		]);
		expect(await commit(token, p.digest)).toMatchObject({ kind: 'fail', status: 400 });
		expect([count('track'), count('project'), count('measure'), count('audit_log')]).toEqual(
			before
		);
	});

	it('into an empty portfolio: everything is created, with its status, owner, tracks and units', async () => {
		const exported = await portfolioXlsx(new URLSearchParams(), NOW);
		const original = await contentOf(exported.content);
		for (const m of listMeasures())
			expect(deleteMeasure(m.id, who.admin!.user.id, NOW).ok).toBe(true);
		for (const p of listProjects())
			expect(deleteProject(p.id, who.admin!.user.id, NOW).ok).toBe(true);
		for (const t of listTracks()) expect(deleteTrack(t.id, who.admin!.user.id, NOW).ok).toBe(true);
		expect([count('track'), count('project'), count('measure')]).toEqual([0, 0, 0]);

		// The download holds what the forms hold (problem statements, descriptions, start and
		// end): it maps itself and creates the portfolio again as it was, with no step between.
		const token = await stage(exported.content, exported.fileName);
		const p = await preview(token);
		expect(p.issues).toEqual([]);
		expect(p.counts).toEqual({ rows: 7, new: 7, skipped: 0, errors: 0 });
		const audits = count('audit_log');
		expect(await commit(token, p.digest)).toMatchObject({
			kind: 'ok',
			data: { success: '7 elementer importert, 0 hoppet over.' }
		});
		// A create per item, each status step, and the import itself.
		expect(count('audit_log') - audits).toBe(7 + 2 + 2 + 3 + 1 + 1);
		const again = await portfolioXlsx(new URLSearchParams(), NOW);
		expect(await contentOf(again.content)).toEqual(original);
		const veiledning = listMeasures().find((m) => m.title === 'Veiledningsteam')!;
		expect(veiledning).toMatchObject({
			status: 'in_progress',
			ownerId: perId,
			unitIds: [unitId],
			startDate: '2026-01-01',
			endDate: '2026-12-31',
			description: 'Et team som veileder primærkontaktene i turnus.'
		});
		expect(listProjects().find((x) => x.title === 'Omstilling i bo og habilitering')).toMatchObject(
			{
				description:
					'Molde og Kristiansund: 86 foreslåtte tiltak, 15 anbefalt, 6 vedtatt for utprøving.',
				startDate: '2025-09-01',
				endDate: '2027-06-30'
			}
		);
		const tracks = listTracks();
		expect(tracks.map((t) => t.problemStatement)).not.toContain('');
	});
});

describe('a workbook with none of the portfolio’s sheets', () => {
	it('says which sheets were looked for and which it has; a commit writes nothing', async () => {
		const risks = await risksXlsx(new URLSearchParams(), NOW);
		const token = await stage(risks.content, risks.fileName);
		const p = (await preview(token)) as Preview & { noSheets: string };
		expect(p.counts).toEqual({ rows: 0, new: 0, skipped: 0, errors: 0 });
		expect(p.noSheets).toBe(
			'Filen har ingen av arkene som importeres: «Spor», «Prosjekter» eller «Tiltak». Filen har arkene «Risikoer» og «Om uttrekket». Last opp en fil med minst ett av disse arkene. Ingenting er importert.'
		);
		const audits = count('audit_log');
		expect(await commit(token, p.digest)).toMatchObject({ kind: 'ok' });
		expect(count('audit_log')).toBe(audits);
	});
});

describe('rows a programme leader may not import', () => {
	it('are refused on their row: another owner, a project they do not lead, an unknown track', async () => {
		const csv =
			'Tiltak;Prosjekt;Eier;Status\n' +
			'Nytt tiltak;Omstilling i bo og habilitering;;Forslag\n' +
			'Mitt tiltak;Finnes ikke;Lise Leder;Vedtatt?\n';
		const token = await stage(csv, 'tiltak.csv', who.leader!);
		const p = await preview(token, who.leader!);
		expect(p.counts).toMatchObject({ rows: 2, errors: 2 });
		expect(p.issues.map((i) => [i.cell, i.field, i.message])).toEqual([
			['CSV!B2', 'Prosjekt', 'Du kan bare legge tiltak til prosjekter du leder.'],
			['CSV!B3', 'Prosjekt', expect.stringMatching(/Fant ikke prosjektet «Finnes ikke»/)],
			['CSV!D3', 'Status', expect.stringMatching(/Ukjent status «Vedtatt\?»/)]
		]);
		const before = count('measure');
		expect(await commit(token, p.digest, who.leader!)).toMatchObject({ kind: 'fail', status: 400 });
		expect(count('measure')).toBe(before);
	});

	it('a row that names a track or project on a row with errors is pointed to that row', async () => {
		// A new programme's first file: the track's code is not one the form takes («BH»), and the
		// project names an owner who does not exist. The rows under them are not «missing».
		const wb = new ExcelJS.Workbook();
		wb.addWorksheet('Spor').addRows([
			['Kode', 'Spor', 'Problemformulering'],
			['BH', 'Bo og habilitering', 'Behovet øker raskere enn ressursene']
		]);
		wb.addWorksheet('Prosjekter').addRows([
			['Prosjekt', 'Spor', 'Eier'],
			['Ny omstilling', 'BH', 'Ingen Slik'],
			['Ukjent spor', '9Z', '']
		]);
		wb.addWorksheet('Tiltak').addRows([
			['Tiltak', 'Prosjekt'],
			['Felles vedtaksmodell', 'Ny omstilling'],
			['Løst tiltak', 'Finnes ikke']
		]);
		const token = await stage(new Uint8Array(await wb.xlsx.writeBuffer()), 'ny.xlsx');
		const issues = (await preview(token)).issues.map((i) => `${i.cell} ${i.message}`);
		expect(issues).toEqual(
			expect.arrayContaining([
				'Prosjekter!B2 Sporet «BH» står i arket «Spor» på rad 2, men den raden har feil. Rett den først.',
				'Prosjekter!B3 Fant ikke sporet «9Z», verken i porteføljen eller i arket «Spor».',
				'Tiltak!B2 Prosjektet «Ny omstilling» står i arket «Prosjekter» på rad 2, men den raden har feil. Rett den først.',
				'Tiltak!B3 Fant ikke prosjektet «Finnes ikke», verken i porteføljen eller i arket «Prosjekter».'
			])
		);
	});

	it('is not offered to a viewer', async () => {
		expect(await open(who.viewer!)).toMatchObject({
			kind: 'error',
			status: 403
		});
	});
});
