import { beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import * as portfolioImport from '../../src/routes/(app)/portefolje/import/+page.server';
import * as benefitsImport from '../../src/routes/(app)/gevinster/import/+page.server';
import * as realisationsImport from '../../src/routes/(app)/gevinster/import/realiseringer/+page.server';
import * as wheelImport from '../../src/routes/(app)/arshjul/maler/[id=id]/import/+page.server';
import { makeUnit, makeUser, signIn, type Signed } from '../factories';
import { makeWheel } from '../factories/wheel';
import { importPage, type Preview } from '../factories/imports';
import { makeBenefit, makeMission, makeProject, makeRegisterBenefit } from '../factories/benefits';
import { db } from '$lib/server/db';
import { logRealisation } from '$lib/server/db/queries/benefits-gains';
import { changeStatus } from '$lib/server/db/queries/lifecycle';
import { benefitRegisterXlsx } from '$lib/server/benefits/views/register';
import { portfolioXlsx, risksXlsx } from '$lib/server/portfolio/views/export';
import { withLocale } from '$lib/server/i18n';
import type { Locale } from '$lib/i18n';

// A download in nynorsk or English is the same file as one in bokmål, in other words: read back,
// every row is found again and nothing is created (imports/file-words.ts).
const NOW = new Date('2026-12-03T09:00:00Z');
let per: Signed;

/** The import page, read in the file's language: the importing user reads the pages in it. */
const importer = (route: unknown, path: string, locale: Locale) =>
	importPage(route, { path, now: NOW, signed: () => per, run: (call) => withLocale(locale, call) });

const count = (table: string) =>
	(db.$client.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;

const ok = <T>(r: { ok: true; value: T } | { ok: false; reason: string }) => {
	if (!r.ok) throw new Error(r.reason);
	return r.value;
};

/** Each sheet's name and header row, as a reader of the file sees them. */
async function headersOf(bytes: Uint8Array) {
	const wb = new ExcelJS.Workbook();
	await wb.xlsx.load(Buffer.from(bytes) as never);
	return Object.fromEntries(
		wb.worksheets.map((ws) => [ws.name, (ws.getRow(1).values as unknown[]).slice(1).map(String)])
	);
}

beforeAll(async () => {
	const perId = await makeUser([{ role: 'programme_leader' }], { name: 'Per Programleder' });
	per = signIn(perId);
	const { tracks } = makeMission(perId);
	const { projectId, measureIds } = makeProject(perId, [tracks[0]!, tracks[1]!]);
	// Statuses other than the default, so the import has to read them in each language.
	for (const to of ['recommended', 'adopted'])
		ok(changeStatus('project', projectId, to as never, 'Vedtatt', null, NOW));
	for (const to of ['recommended', 'adopted', 'in_progress'])
		ok(changeStatus('measure', measureIds[0]!, to as never, 'Vedtatt', null, NOW));
	makeRegisterBenefit(projectId, {}, perId, perId, NOW);
	const qualitative = makeBenefit(
		projectId,
		{ title: 'Tryggere overganger', kind: 'kvalitativ', unit: undefined, indicator: '' },
		perId
	);
	ok(
		logRealisation(
			qualitative,
			{
				period: '2026-03',
				assessment: 'gronn',
				comment: 'Godt i gang',
				evidence: '',
				supersedesId: null
			} as never,
			perId,
			NOW
		)
	);
});

describe('a download in bokmål keeps its headers', () => {
	it('as the import’s contract names them', async () => {
		const portfolio = await headersOf(
			(await withLocale('nb', () => portfolioXlsx(new URLSearchParams(), NOW))).content
		);
		expect(Object.keys(portfolio)).toEqual(['Spor', 'Prosjekter', 'Tiltak', 'Om uttrekket']);
		expect(portfolio['Spor']).toEqual([
			'Spor-ID',
			'Kode',
			'Spor',
			'Status',
			'Prioritert',
			'Eier',
			'Problemformulering',
			'Hovedbarrierer'
		]);
		expect(portfolio['Prosjekter']?.slice(-3)).toEqual(['Beskrivelse', 'Start', 'Slutt']);
		expect(portfolio['Tiltak']?.slice(-3)).toEqual(['Start', 'Slutt', 'Beskrivelse']);
	});
});

describe.each(['nn', 'en'] as const)('a download in %s', (locale) => {
	const download = {
		portfolio: () => withLocale(locale, () => portfolioXlsx(new URLSearchParams(), NOW)),
		register: () =>
			withLocale(locale, () => benefitRegisterXlsx(per.user, new URLSearchParams(), NOW))
	};

	it('is written in that language', async () => {
		const portfolio = await headersOf((await download.portfolio()).content);
		const register = await headersOf((await download.register()).content);
		if (locale === 'en') {
			expect(Object.keys(portfolio)).toEqual([
				'Tracks',
				'Projects',
				'Measures',
				'About this export'
			]);
			expect(portfolio['Tracks']).toEqual([
				'Track ID',
				'Code',
				'Mission track',
				'Status',
				'Prioritised',
				'Owner',
				'Problem statement',
				'Main barriers'
			]);
			const risks = await headersOf(
				(await withLocale('en', () => risksXlsx(new URLSearchParams(), NOW))).content
			);
			expect(risks['Risks']?.slice(0, 3)).toEqual(['Risk ID', 'Risk', 'Concerns']);
			expect(Object.keys(register)).toEqual([
				'Benefits',
				'Estimate lines',
				'Realisations',
				'About this export'
			]);
		} else {
			expect(Object.keys(portfolio)).toEqual(['Spor', 'Prosjekt', 'Tiltak', 'Om uttrekket']);
			expect(Object.keys(register)).toEqual([
				'Gevinstar',
				'Estimatlinjer',
				'Realiseringar',
				'Om uttrekket'
			]);
			expect(register['Gevinstar']).toContain('Gevinstansvarleg');
		}
	});

	it('portfolio: every track, project and measure is found again, nothing is created', async () => {
		const before = [count('track'), count('project'), count('measure'), count('audit_log')];
		const { preview, committed } = await importer(
			portfolioImport,
			'/portefolje/import',
			locale
		).roundTrip(await download.portfolio());
		expect(preview.issues).toEqual([]);
		expect(preview.counts).toEqual({ rows: 4, new: 0, skipped: 4, errors: 0 });
		expect(committed.kind).toBe('ok');
		expect([count('track'), count('project'), count('measure'), count('audit_log')]).toEqual(
			before
		);
	});

	it('benefits and estimate lines: every row is found again, nothing is created', async () => {
		const before = [count('benefit'), count('estimate_line'), count('audit_log')];
		const { preview, committed } = await importer(
			benefitsImport,
			'/gevinster/import',
			locale
		).roundTrip(await download.register());
		expect(preview.issues).toEqual([]);
		// Two benefits and one line; the sum row («Sum», «Total») is no row.
		expect(preview.counts).toEqual({ rows: 3, new: 0, skipped: 3, errors: 0 });
		expect(committed.kind).toBe('ok');
		expect([count('benefit'), count('estimate_line'), count('audit_log')]).toEqual(before);
	});

	it('realised values: every row is found again, nothing is logged', async () => {
		const before = [count('realisation'), count('audit_log')];
		const { preview, committed } = await importer(
			realisationsImport,
			'/gevinster/import/realiseringer',
			locale
		).roundTrip(await download.register());
		expect(preview.issues).toEqual([]);
		expect(preview.counts).toEqual({ rows: 2, new: 0, skipped: 2, errors: 0 });
		expect(committed.kind).toBe('ok');
		expect([count('realisation'), count('audit_log')]).toEqual(before);
	});
});

describe('the import page in the reader’s language', () => {
	// A CSV of projects with problems a reader must act on: an unknown track and owner, and a
	// project listed twice.
	const csv = [
		'Prosjekt;Spor;Eier',
		'Nytt prosjekt;9Z;Ingen Slik',
		'Annet prosjekt;1B;',
		'Annet prosjekt;1B;'
	].join('\n');

	it('names the fields, their help, the preview’s columns, notes and problems in English', async () => {
		const page = importer(portfolioImport, '/portefolje/import', 'en');
		const open = (await page.open(per)) as {
			kind: 'ok';
			data: { upload: { fields: { label: string; heading: string; hint: string | null }[] } };
		};
		const fields = open.data.upload.fields;
		expect(fields[0]).toMatchObject({
			label: 'Track ID',
			heading: 'Spor-ID',
			hint: 'If the track with this ID and code exists, the row is skipped.'
		});
		expect(fields.find((f) => f.heading === 'Problemformulering')).toMatchObject({
			label: 'Problem statement',
			hint: 'Can be filled with a default value.'
		});
		expect(fields.find((f) => f.heading === 'Status')?.hint).toBe(
			'Proposed, Recommended, Adopted, In progress, Completed, Rejected; empty is Proposed.'
		);
		const token = await page.stage(csv, 'prosjekter.csv');
		const data = (await page.page(token)) as {
			staged: {
				mapping: { fields: { label: string }[] };
				preview: Preview & { columns: string[] };
			};
		};
		const { preview } = data.staged;
		expect(preview.columns).toEqual([
			'Level',
			'Code',
			'Title',
			'Belongs to',
			'Status',
			'Owner',
			'Other'
		]);
		expect(data.staged.mapping.fields.map((f) => f.label)).toContain('Mission track');
		expect(preview.issues.map((i) => `${i.field}: ${i.message}`)).toEqual(
			expect.arrayContaining([
				'Mission track: Found no track “9Z”, neither in the portfolio nor in the sheet “Tracks”.',
				'Owner: Found no user named “Ingen Slik”.'
			])
		);
		expect(preview.rows.map((r) => r.note)).toContain(
			'The project is listed earlier in the file – skipped.'
		);
		// The rows' cells too: the sheet, what a row belongs to and its status in English.
		const [sheet, , title, belongs, status] = preview.rows[1]!.cells;
		expect([sheet, title, belongs, status]).toEqual([
			'Projects',
			'Annet prosjekt',
			'Tracks 1B',
			'Proposed'
		]);
	});

	it('shows a nynorsk reader the rows’ cells in nynorsk, and the digest does not change', async () => {
		const nn = importer(portfolioImport, '/portefolje/import', 'nn');
		const token = await nn.stage(csv, 'prosjekter.csv');
		const preview = await nn.preview(token);
		expect(preview.rows[1]!.cells[0]).toBe('Prosjekt');
		const nb = await importer(portfolioImport, '/portefolje/import', 'nb').preview(token);
		expect(nb.rows[1]!.cells[0]).toBe('Prosjekter');
		expect(nb.digest).toBe(preview.digest);
	});

	it('keeps them in bokmål for a bokmål reader', async () => {
		const page = importer(portfolioImport, '/portefolje/import', 'nb');
		const token = await page.stage(csv, 'prosjekter.csv');
		const preview = await page.preview(token);
		expect(preview.issues.map((i) => `${i.field}: ${i.message}`)).toContain(
			'Spor: Fant ikke sporet «9Z», verken i porteføljen eller i arket «Spor».'
		);
		expect(preview.rows.map((r) => r.note)).toContain(
			'Prosjektet står tidligere i filen – hoppes over.'
		);
		const [sheet, , , belongs, status] = preview.rows[1]!.cells;
		expect([sheet, belongs, status]).toEqual(['Prosjekter', 'Spor 1B', 'Forslag']);
	});
});

describe('a wheel task row’s schedule problems in the reader’s language', () => {
	// A row whose schedule cannot be read, one that says once a year but names two months, and
	// one with none at all (no month heading above it either).
	const csv = [
		'Oppgave;Ansvar;Lagres i;Når',
		'Medarbeidersamtaler;Enhetsleder;Compilo;halvårlig',
		'ROS-analyse;Enhetsleder;Compilo;én gang i året: mars og juni',
		'HMS-dag;Enhetsleder;Compilo;'
	].join('\n');
	let leader: Signed;
	let wheelId = 0;

	beforeAll(async () => {
		const unitId = makeUnit('Språk og årshjul (import)');
		leader = signIn(await makeUser([{ role: 'unit_leader', unitId }]));
		wheelId = makeWheel({ ownerUnitId: unitId, tasks: [] }).wheelId;
	});

	const problems = async (locale: Locale) => {
		const page = importPage(wheelImport, {
			path: `/arshjul/maler/${wheelId}/import`,
			params: { id: String(wheelId) },
			now: NOW,
			signed: () => leader,
			run: (call) => withLocale(locale, call)
		});
		const preview = await page.preview(await page.stage(csv, 'oppgaver.csv'));
		return preview.issues.map((i) => `${i.cell} ${i.field}: ${i.message}`);
	};

	it('in bokmål, as the parser has always worded them', async () => {
		expect(await problems('nb')).toEqual([
			'D2 Når: Forstår ikke «halvårlig» som tidspunkt. Skriv for eksempel «hver måned», «mars, september» eller «årlig: juni».',
			'D3 Når: «én gang i året: mars og juni» sier én gang i året, men nevner 2 måneder. Skriv én måned, eller bare månedene (for eksempel «mars, september»).',
			'D4 Når: Mangler når oppgaven skal gjøres. Skriv for eksempel «hver måned», «mars, september» eller «årlig: juni».'
		]);
	});

	it('in nynorsk', async () => {
		expect(await problems('nn')).toEqual([
			'D2 Når: Forstår ikkje «halvårlig» som tidspunkt. Skriv til dømes «hver måned», «mars, september» eller «årlig: juni».',
			'D3 Når: «én gang i året: mars og juni» seier éin gong i året, men nemner 2 månader. Skriv éin månad, eller berre månadene (til dømes «mars, september»).',
			'D4 Når: Manglar når oppgåva skal gjerast. Skriv til dømes «hver måned», «mars, september» eller «årlig: juni».'
		]);
	});

	it('in English, the examples as the file must write them', async () => {
		expect(await problems('en')).toEqual([
			'D2 When: Cannot read “halvårlig” as a schedule. Write, for example, «hver måned», «mars, september» eller «årlig: juni» (in Norwegian).',
			'D3 When: “én gang i året: mars og juni” says once a year but names 2 months. Write one month, or just the months (for example «mars, september», in Norwegian).',
			'D4 When: The row does not say when the task is to be done. Write, for example, «hver måned», «mars, september» eller «årlig: juni» (in Norwegian).'
		]);
	});
});
