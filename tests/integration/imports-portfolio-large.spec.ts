/**
 * «Import what you export» past a few thousand rows: the portfolio download of a portfolio with
 * more than 5 000 measures imports back unchanged, and the stated limits agree, so every
 * download the app makes within them can be read back (src/lib/domain/imports/limits.ts).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import * as portfolioImport from '../../src/routes/(app)/portefolje/import/+page.server';
import { makeUser, signIn, type Signed } from '../factories';
import { importPage } from '../factories/imports';
import { makeMission, makeTrack } from '../factories/portfolio';
import { db } from '$lib/server/db';
import { createProject } from '$lib/server/db/queries/projects';
import { measure } from '$lib/server/db/schema';
import { PORTFOLIO_LIMITS, portfolioXlsx } from '$lib/server/portfolio/views/export';
import { REGISTER_LIMITS } from '$lib/server/benefits/views/register';
import { IMPORT_MAX_BYTES, IMPORT_MAX_ROWS } from '$lib/domain/imports/limits';

const NOW = new Date('2026-11-25T12:00:00Z');
const PROJECTS = 40;
const MEASURES_EACH = 130;
let admin: Signed;

const { stage, preview, commit, open } = importPage(portfolioImport, {
	path: '/portefolje/import',
	now: NOW,
	signed: () => admin
});

const count = (table: string) =>
	(db.$client.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;

function ok<T>(r: { ok: true; value: T } | { ok: false; reason: string }): T {
	if (!r.ok) throw new Error(r.reason);
	return r.value;
}

beforeAll(async () => {
	const ownerId = await makeUser([{ role: 'admin' }], { name: 'Ada Admin' });
	admin = signIn(ownerId);
	const mission = makeMission();
	const trackId = makeTrack(ownerId, { code: '1A', title: 'Brukermedvirkning' });
	for (let p = 1; p <= PROJECTS; p++) {
		const projectId = ok(
			createProject(
				mission,
				{
					title: `Prosjekt ${p}`,
					description: null,
					ownerId,
					startDate: null,
					endDate: null,
					trackIds: [trackId],
					levels: []
				},
				null,
				NOW
			)
		);
		// Straight into the table in one statement, not one write each, so the test stays quick.
		db.insert(measure)
			.values(
				Array.from({ length: MEASURES_EACH }, (_, i) => ({
					projectId,
					title: `Tiltak ${p}.${i + 1}`,
					ownerId
				}))
			)
			.run();
	}
});

describe('a portfolio download of more than 5 000 rows', () => {
	it('imports back unchanged: every row is found, nothing is created', async () => {
		const exported = await portfolioXlsx(new URLSearchParams(), NOW);
		const rows = 1 + PROJECTS + PROJECTS * MEASURES_EACH;
		expect(rows).toBeGreaterThan(5_000);
		expect(exported.content.byteLength).toBeLessThan(IMPORT_MAX_BYTES);
		const before = [count('track'), count('project'), count('measure'), count('audit_log')];
		const token = await stage(exported.content, exported.fileName);
		const p = await preview(token);
		expect(p.counts).toEqual({ rows, new: 0, skipped: rows, errors: 0 });
		expect(await commit(token, p.digest)).toMatchObject({ kind: 'ok' });
		expect([count('track'), count('project'), count('measure'), count('audit_log')]).toEqual(
			before
		);
	});
});

describe('the stated limits', () => {
	it('let an import take every row a download holds at its caps', () => {
		// The portfolio download: every track, then projects and measures up to their caps, all
		// within the import's rows (export.ts cuts the measures short if the tracks need room).
		expect(PORTFOLIO_LIMITS.rows).toBe(IMPORT_MAX_ROWS);
		expect(PORTFOLIO_LIMITS.projects + PORTFOLIO_LIMITS.measures).toBeLessThanOrEqual(
			IMPORT_MAX_ROWS
		);
		// The benefits register: benefits, estimate lines and realised values.
		expect(
			REGISTER_LIMITS.benefits + REGISTER_LIMITS.lines + REGISTER_LIMITS.realisations
		).toBeLessThanOrEqual(IMPORT_MAX_ROWS);
	});

	it('are stated on the import page', async () => {
		const result = await open(admin);
		if (result.kind !== 'ok') throw new Error(JSON.stringify(result));
		const page = result.data as { upload: { limits: string } };
		expect(page.upload.limits.replace(/\s/g, ' ')).toBe(
			'høyst 5 MB og 30 000 rader (arket «Om uttrekket» i en nedlasting ikke medregnet; hver nedlasting herfra holder seg innenfor og kan leses inn igjen)'
		);
	});
});
