/**
 * «Søk» (/sok) through its own load, on a real SQLite file with the migrations applied: the
 * FTS5 index follows every insert, rename and delete (triggers, drizzle/0011_search_index.sql),
 * is filled for rows that existed before the migration, reads Norwegian words as Norwegian,
 * pages a kind's hits in a stable order, answers what cannot be searched with 400 and a
 * Norwegian message, and links only to pages the searching user may open.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { beforeAll, describe, expect, it } from 'vitest';
import { load } from '../../src/routes/(app)/sok/+page.server';
import { load as trackLoad } from '../../src/routes/(app)/portefolje/spor/[id=id]/+page.server';
import { load as projectLoad } from '../../src/routes/(app)/portefolje/prosjekter/[id=id]/+page.server';
import { load as measureLoad } from '../../src/routes/(app)/portefolje/tiltak/[id=id]/+page.server';
import { load as benefitLoad } from '../../src/routes/(app)/gevinster/[id=id]/+page.server';
import { load as wheelLoad } from '../../src/routes/(app)/arshjul/maler/[id=id]/+page.server';
import { db, openDatabase } from '$lib/server/db';
import { deleteMeasure, getMeasureById, updateMeasure } from '$lib/server/db/queries/measures';
import { deleteTrack } from '$lib/server/db/queries/tracks';
import { countSearchMatches, searchKindIds, SearchQueryError } from '$lib/server/db/queries/search';
import { makeEvent, makeUnit, makeUser, outcome, signIn, type Signed } from '../factories';
import { makeMeasure, makeProject, makeTrack } from '../factories/portfolio';
import { makeBenefit, makeMission } from '../factories/benefits';
import { makeWheel } from '../factories/wheel';
import type { SearchPage } from '$lib/server/search/views';

const NOW = new Date('2026-11-20T10:00:00Z');
const sqlite = () => db.$client;

/** The triggers drizzle/0011_search_index.sql creates: three per indexed table. */
const TRIGGERS = ['track', 'project', 'measure', 'benefit', 'wheel_task'].flatMap((t) =>
	['insert', 'update', 'delete'].map((op) => `${t}_search_${op}`)
);

let viewer: Signed;
let leaderId: number;
let projectId: number;
let wheelId: number;

beforeAll(async () => {
	leaderId = await makeUser([{ role: 'programme_leader' }]);
	viewer = signIn(await makeUser([{ role: 'viewer' }]), NOW);
	const { tracks } = makeMission(leaderId);
	makeTrack(leaderId, { code: '7Ø', title: 'Økonomi og styring' });
	projectId = makeProject(leaderId, [tracks[0]!], { title: 'Årshjul for ledere i Molde' });
	makeProject(leaderId, [tracks[0]!], { title: 'Arkiv og dokumentasjon' });
	makeBenefit(projectId, { title: 'Frigjort tid til ROS-analyse' }, leaderId);
	const unitId = makeUnit('Avdeling Nord');
	wheelId = makeWheel({
		ownerUnitId: unitId,
		tasks: [
			{ title: 'Gjennomfør HMS-dag', schedule: { kind: 'yearly', month: 4, dueDay: null } },
			{ title: 'Lyse ut etter sommervikarer', schedule: { kind: 'yearly', month: 1, dueDay: null } }
		]
	}).wheelId;
});

type Answer =
	| { kind: 'ok'; page: SearchPage }
	| { kind: 'error'; status: number; message: string }
	| { kind: 'redirect'; location: string };

async function search(query: Record<string, string>, who: Signed | null = viewer) {
	const path = `/sok?${new URLSearchParams(query)}`;
	const result = await outcome(() => load(makeEvent({ signed: who, path, now: NOW }) as never));
	if (result.kind === 'ok') return { kind: 'ok', page: result.data as SearchPage } as Answer;
	if (result.kind === 'error') return result as Answer;
	if (result.kind === 'redirect') return result as Answer;
	throw new Error(`unexpected ${result.kind}`);
}

async function found(q: string, type?: string): Promise<string[]> {
	const answer = await search(type ? { q, type } : { q });
	if (answer.kind !== 'ok') throw new Error(JSON.stringify(answer));
	return answer.page.groups.flatMap((g) => g.hits.map((h) => h.title));
}

describe('the search page', () => {
	it('asks whoever is not signed in to sign in', async () => {
		const answer = await search({ q: 'plan' }, null);
		expect(answer).toMatchObject({ kind: 'redirect', location: expect.stringMatching(/^\/login/) });
	});

	it('shows an empty form without a query', async () => {
		const answer = await search({});
		expect(answer).toMatchObject({ kind: 'ok', page: { q: '', groups: [], total: 0 } });
	});

	it('finds titles of every kind, grouped, each linking to its page', async () => {
		const answer = await search({ q: 'årshjul' });
		expect(answer.kind).toBe('ok');
		if (answer.kind !== 'ok') return;
		expect(answer.page.groups.map((g) => g.kind)).toEqual(['project']);
		expect(answer.page.groups[0]!.hits[0]).toMatchObject({
			title: 'Årshjul for ledere i Molde',
			href: `/portefolje/prosjekter/${projectId}`
		});
		expect(await found('HMS')).toEqual(['Gjennomfør HMS-dag']);
		const hms = (await search({ q: 'hms' })) as Extract<Answer, { kind: 'ok' }>;
		expect(hms.page.groups[0]).toMatchObject({
			kind: 'wheeltask',
			hits: [{ href: `/arshjul/maler/${wheelId}`, context: expect.stringMatching(/^Årshjul/) }]
		});
		expect(await found('ros analyse')).toEqual(['Frigjort tid til ROS-analyse']);
		expect(await found('7ø')).toEqual(['Økonomi og styring']);
	});

	it('reads words as typed: prefixes, any case, æ ø å as letters of their own', async () => {
		expect(await found('ÅRSH')).toEqual(['Årshjul for ledere i Molde']);
		expect(await found('øko sty')).toEqual(['Økonomi og styring']);
		// «ar» is not «år»: Arkiv, not Årshjul.
		expect(await found('ar')).toEqual(['Arkiv og dokumentasjon']);
		expect(await found('okonomi')).toEqual([]);
	});

	it('answers what cannot be searched with 400 and a Norwegian reason, never a 500', async () => {
		for (const q of ['"', '***', '-- )(', 'x'.repeat(201), 'a b c d e f g h i j']) {
			const answer = await search({ q });
			expect(answer, q).toMatchObject({ kind: 'error', status: 400 });
			expect((answer as { message: string }).message).toMatch(/Søket/);
		}
		for (const q of ['ros AND', 'NEAR(plan lys)', 'title: lyse', '"lyse', 'lyse*', '^lyse', 'OR']) {
			expect((await search({ q })).kind, q).toBe('ok');
		}
		expect(await found('"lyse ut')).toEqual(['Lyse ut etter sommervikarer']);
		expect(await search({ q: 'plan', type: 'alt' })).toMatchObject({ kind: 'error', status: 400 });
		expect(await search({ q: 'plan', type: 'tiltak', side: '0' })).toMatchObject({
			kind: 'error',
			status: 400
		});
	});

	it('pages one kind in a stable order, each hit once', async () => {
		const pid = makeProject(leaderId, [], { title: 'Sidevisning' });
		const ids = Array.from({ length: 45 }, () => makeMeasure(pid, leaderId));
		for (const [i, id] of ids.entries()) {
			sqlite().prepare('UPDATE measure SET title = ? WHERE id = ?').run(`Sidetiltak ${i}`, id);
		}
		const pages: string[][] = [];
		for (const side of ['1', '2', '3']) {
			const answer = await search({ q: 'sidetiltak', type: 'tiltak', side });
			if (answer.kind !== 'ok') throw new Error(JSON.stringify(answer));
			expect(answer.page).toMatchObject({ total: 45, page: Number(side), pageCount: 3 });
			pages.push(answer.page.groups[0]!.hits.map((h) => h.title));
		}
		expect(pages.map((p) => p.length)).toEqual([20, 20, 5]);
		expect(new Set(pages.flat()).size).toBe(45);
		const again = await search({ q: 'sidetiltak', type: 'tiltak', side: '2' });
		expect(again.kind === 'ok' && again.page.groups[0]!.hits.map((h) => h.title)).toEqual(pages[1]);
		// All kinds at once: a preview of five, and a link to the kind's own pages.
		const all = await search({ q: 'sidetiltak' });
		expect(all.kind === 'ok' && all.page.groups[0]).toMatchObject({
			total: 45,
			hits: expect.any(Array),
			moreHref: '/sok?q=sidetiltak&type=tiltak'
		});
		// Past the last page: no hits, and the way back.
		const past = await search({ q: 'sidetiltak', type: 'tiltak', side: '9' });
		expect(past).toMatchObject({ kind: 'ok', page: { groups: [{ hits: [] }] } });
	});

	it('links only to pages the searching user may open', async () => {
		const loads: Record<string, (event: never) => unknown> = {
			'portefolje/spor': trackLoad,
			'portefolje/prosjekter': projectLoad,
			'portefolje/tiltak': measureLoad,
			gevinster: benefitLoad,
			'arshjul/maler': wheelLoad
		};
		let opened = 0;
		for (const q of ['årshjul', 'økonomi', 'hms', 'ros', 'sidetiltak', 'spor']) {
			const answer = await search({ q });
			if (answer.kind !== 'ok') throw new Error(q);
			for (const hit of answer.page.groups.flatMap((g) => g.hits)) {
				const m = /^\/(.+)\/(\d+)$/.exec(hit.href)!;
				const result = await outcome(() =>
					loads[m[1]!]!(
						makeEvent({ signed: viewer, path: hit.href, params: { id: m[2]! }, now: NOW }) as never
					)
				);
				expect(result.kind, hit.href).toBe('ok');
				opened += 1;
			}
		}
		expect(opened).toBeGreaterThan(8);
	});
});

describe('the search index', () => {
	it('turns an FTS5 syntax error into a SearchQueryError, which the page answers with 400', () => {
		expect(() => countSearchMatches('"unclosed')).toThrow(SearchQueryError);
		for (const bad of ['"unclosed', 'AND', 'plan NEAR(', '{nowhere}: plan']) {
			expect(() => countSearchMatches(bad), bad).toThrow(SearchQueryError);
			expect(() => searchKindIds('measure', bad, { limit: 5, offset: 0, ranked: true })).toThrow(
				SearchQueryError
			);
		}
	});

	it('has its triggers (a table rebuild drops them)', () => {
		const names = sqlite()
			.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'")
			.all()
			.map((r) => (r as { name: string }).name);
		expect(names).toEqual(expect.arrayContaining(TRIGGERS));
	});

	it('follows inserts, renames and deletes', async () => {
		const measureId = makeMeasure(projectId, leaderId);
		const before = getMeasureById(measureId)!;
		const renamed = updateMeasure(
			measureId,
			{
				projectId,
				title: 'Kvalitetslosen i skolen',
				description: null,
				ownerId: leaderId,
				unitIds: [],
				startDate: null,
				endDate: null,
				version: before.version
			},
			leaderId,
			NOW
		);
		expect(renamed.ok).toBe(true);
		expect(await found('kvalitetslosen')).toEqual(['Kvalitetslosen i skolen']);
		expect(await found(before.title)).not.toContain(before.title);
		expect(deleteMeasure(measureId, leaderId, NOW).ok).toBe(true);
		expect(await found('kvalitetslosen')).toEqual([]);

		const trackId = makeTrack(leaderId, { code: '9Q', title: 'Midlertidig spor' });
		sqlite().prepare("UPDATE track SET code = '9R' WHERE id = ?").run(trackId);
		expect(await found('9r')).toEqual(['Midlertidig spor']);
		expect(deleteTrack(trackId, leaderId, NOW).ok).toBe(true);
		expect(await found('midlertidig')).toEqual([]);

		for (const [table, kind] of [
			['project', 'prosjekt'],
			['benefit', 'gevinst'],
			['wheel_task', 'oppgave']
		] as const) {
			const id = (sqlite().prepare(`SELECT max(id) AS id FROM ${table}`).get() as { id: number })
				.id;
			sqlite().prepare(`UPDATE ${table} SET title = ? WHERE id = ?`).run(`Omdøpt ${table}`, id);
			expect(await found('omdøpt', kind)).toEqual([`Omdøpt ${table}`]);
		}
		const count = (sql: string) => (sqlite().prepare(sql).get() as { n: number }).n;
		const rows = ['track', 'project', 'measure', 'benefit', 'wheel_task']
			.map((t) => count(`SELECT count(*) AS n FROM ${t}`))
			.reduce((a, b) => a + b, 0);
		expect(count('SELECT count(*) AS n FROM search_entry')).toBe(rows);
	});

	it('is filled, by the migration, for rows written before it', () => {
		const dir = mkdtempSync(path.join(tmpdir(), 'misjonskart-search-'));
		try {
			// The committed migrations up to the one before the index, as an older install has them.
			const older = path.join(dir, 'drizzle');
			cpSync('drizzle', older, { recursive: true });
			const journalFile = path.join(older, 'meta', '_journal.json');
			const journal = JSON.parse(readFileSync(journalFile, 'utf8'));
			const at = journal.entries.findIndex((e: { tag: string }) => e.tag.endsWith('search_index'));
			journal.entries = journal.entries.slice(0, at);
			writeFileSync(journalFile, JSON.stringify(journal));
			const file = path.join(dir, 'older.db');
			const before = new Database(file);
			migrate(drizzle(before), { migrationsFolder: older });
			before.exec(`
				INSERT INTO user (id, name, email) VALUES (1, 'Eldre Bruker', 'eldre@test.no');
				INSERT INTO mission (id, grand_challenge, statement, baseline_year, target_year)
					VALUES (1, 'Utfordring', 'Misjon', 2021, 2027);
				INSERT INTO track (mission_id, code, title, problem_statement) VALUES (1, '2B', 'Forebygging', '-');
				INSERT INTO project (id, mission_id, title, levels) VALUES (1, 1, 'Kvalitetsløft i barnehagen', '[]');
				INSERT INTO measure (project_id, title) VALUES (1, 'Veiledning for ansatte');
				INSERT INTO benefit (project_id, title, level, kind, beneficiary, takeout)
					VALUES (1, 'Færre sykedager', 'bruker', 'kvantitativ', 'kommunalt', 'budsjettkutt');
				INSERT INTO unit (id, name) VALUES (1, 'Sør');
				INSERT INTO wheel (id, name, owner_unit_id) VALUES (1, 'Hjul', 1);
				INSERT INTO wheel_task (wheel_id, title, responsible_role, stored_in, schedule_kind, months, active_from)
					VALUES (1, 'Vernerunde på kjøkkenet', 'Leder', 'Compilo', 'yearly', '5', '2026-01');`);
			before.close();

			const upgraded = openDatabase(file).$client;
			try {
				const n = (sql: string) => (upgraded.prepare(sql).get() as { n: number }).n;
				expect(n('SELECT count(*) AS n FROM search_entry')).toBe(5);
				const hits = (kind: string, word: string) =>
					n(
						`SELECT count(*) AS n FROM search_entry WHERE search_entry MATCH '{kind}: ${kind} AND {title}: "${word}"*'`
					);
				expect(
					[
						['track', '2b'],
						['project', 'kvalitetsløft'],
						['measure', 'veiledning'],
						['benefit', 'færre'],
						['wheeltask', 'vernerunde']
					].map(([kind, word]) => hits(kind!, word!))
				).toEqual([1, 1, 1, 1, 1]);
			} finally {
				upgraded.close();
			}
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});
