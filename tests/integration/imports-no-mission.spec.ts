import { beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import * as portfolioImport from '../../src/routes/(app)/portefolje/import/+page.server';
import * as benefitsImport from '../../src/routes/(app)/gevinster/import/+page.server';
import { makeUser, signIn, type Signed } from '../factories';
import { importPage, type Preview } from '../factories/imports';
import { makeMission } from '../factories/portfolio';
import { db } from '$lib/server/db';

// An installation just set up: users, but no mission yet. Seed 004's project with its 86
// proposed measures is imported before anyone has registered the mission.
const NOW = new Date('2026-11-25T12:00:00Z');
let admin: Signed;

const portfolio = importPage(portfolioImport, {
	path: '/portefolje/import',
	now: NOW,
	signed: () => admin
});
const benefits = importPage(benefitsImport, {
	path: '/gevinster/import',
	now: NOW,
	signed: () => admin
});

const count = (table: string) =>
	(db.$client.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;

type Blocked = Preview & { blocked: string | null };

const NO_MISSION =
	'Ingenting i filen kan importeres: ingen misjon er registrert ennå, og spor, prosjekter og gevinster hører til misjonen. En administrator registrerer den under «Misjon og effektmål»; last deretter opp filen på nytt.';

async function seed004() {
	const wb = new ExcelJS.Workbook();
	wb.addWorksheet('Spor').addRows([
		['Kode', 'Spor', 'Problemformulering'],
		['1B', 'Samhandling', 'Tjenestene henger ikke sammen for familiene.']
	]);
	wb.addWorksheet('Prosjekter').addRows([
		['Prosjekt', 'Spor'],
		['Omstilling i bo og habilitering', '1B']
	]);
	wb.addWorksheet('Tiltak').addRows([
		['Tiltak', 'Prosjekt'],
		...Array.from({ length: 86 }, (_, i) => [
			`Foreslått tiltak ${i + 1}`,
			'Omstilling i bo og habilitering'
		])
	]);
	return new Uint8Array(await wb.xlsx.writeBuffer());
}

beforeAll(async () => {
	admin = signIn(await makeUser([{ role: 'admin' }], { name: 'Ada Admin' }));
});

describe('an installation with no mission', () => {
	it('benefits: one message for the file, beside the rows’ own problems', async () => {
		const csv =
			'Gevinst;Prosjekt;Nivå;Type;Enhet;Uttak;Mottaker\nSpart tid;Ukjent;Tjeneste;Kvantitativ;Timer;Budsjettkutt;Kommunalt\n';
		const token = await benefits.stage(csv, 'gevinster.csv');
		const p = (await benefits.preview(token)) as Blocked;
		expect(p.blocked).toBe(NO_MISSION);
		expect(p.issues.map((i) => i.field)).toContain('Prosjekt');
		expect(p.issues.filter((i) => /misjon/.test(i.message))).toEqual([]);
	});

	it('says so once for the file, not on each of its 88 rows, and commits nothing', async () => {
		const token = await portfolio.stage(await seed004(), 'seed-004.xlsx');
		const p = (await portfolio.preview(token)) as Blocked;
		expect(p.blocked).toBe(NO_MISSION);
		expect(p.issues).toEqual([]);
		expect(p.counts).toEqual({ rows: 88, new: 88, skipped: 0, errors: 0 });
		const refused = await portfolio.commit(token, p.digest);
		expect(refused).toMatchObject({
			kind: 'fail',
			status: 400,
			data: { errors: { _form: NO_MISSION } }
		});
		expect([count('track'), count('project'), count('measure')]).toEqual([0, 0, 0]);

		// Once the mission is registered, the same staged file goes in whole.
		makeMission();
		const ready = (await portfolio.preview(token)) as Blocked;
		expect(ready.blocked).toBeNull();
		expect(await portfolio.commit(token, ready.digest)).toMatchObject({ kind: 'ok' });
		expect([count('track'), count('project'), count('measure')]).toEqual([1, 1, 86]);
	});
});
