/**
 * The change log page (/admin/logg) through its load and its `verify` action: pages by id in a
 * stable order with the filters kept in every link, shows the last recorded check of the hash
 * chain instead of walking it on each visit, and checks the whole chain when asked.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { actions, load } from '../../src/routes/(app)/admin/logg/+page.server';
import { db } from '$lib/server/db';
import { writeAudit } from '$lib/server/db/queries/audit';
import { makeEvent, makeUser, outcome, signIn, type Signed } from '../factories';

const NOW = new Date('2026-11-20T10:00:00Z');
const sqlite = () => db.$client;

type LogPage = {
	rows: { id: number; entity: string; action: string; actorName: string | null }[];
	newerHref: string | null;
	olderHref: string | null;
	newestHref: string | null;
	chain: { state: string; line: string; checkedBy: string | null; newerRows: number };
	facets: { entities: string[]; actions: string[] };
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
		const first = await open('?entity=project');
		expect(first.rows.every((r) => r.entity === 'project')).toBe(true);
		expect(first.olderHref).toMatch(/^\?entity=project&before=\d+-\d+$/);
		const second = await open(first.olderHref!);
		expect(second.rows.length).toBeGreaterThan(0);
		expect(second.rows.every((r) => r.entity === 'project')).toBe(true);
		const seen = new Set(first.rows.map((r) => r.id));
		expect(second.rows.some((r) => seen.has(r.id))).toBe(false);
		expect(second.newerHref).toMatch(/^\?entity=project&after=\d+-\d+$/);
	});

	it('offers the names and people that occur in the log as filters', async () => {
		const page = await open();
		expect(page.facets.entities).toEqual(expect.arrayContaining(['benefit', 'project']));
		expect(page.facets.actions).toEqual(expect.arrayContaining(['create', 'update']));
		expect(page.actors).toContainEqual({ value: String(adminId), label: 'Ada Admin' });
	});

	it('answers a cursor that is not an id with 400', async () => {
		for (const query of ['?before=abc', '?after=-1', '?before=12', '?before=1-2&after=3-4']) {
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
