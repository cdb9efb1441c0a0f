/**
 * The project map editor (/gevinster/prosjekt/[id]) at a size where every row on one page is
 * too much: its lists are paged (each row once, in creation order, a bounded page, the other
 * lists' pages kept in the links), and a large project's link form offers what a title search
 * finds rather than every element; a small project's selects are unchanged. Real SQLite
 * file, migrations applied; rows made through the app's verbs.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
	actions as projectActions,
	load as projectLoad
} from '../../src/routes/(app)/gevinster/prosjekt/[id=id]/+page.server';
import { makeEvent, makeUser, outcome, signIn, type Signed } from '../factories';
import { makeBenefit, makeMission, makeProject } from '../factories/benefits';
import { createChange, listChangesByProjects } from '$lib/server/db/queries/benefits';
import { createLink } from '$lib/server/db/queries/benefits-links';
import {
	BUILDER_LIST,
	BUILDER_PAGE,
	LINK_CHOICE_LIMIT,
	LINK_PAGE,
	LINK_SELECT_LIMIT
} from '$lib/domain/benefits/builder-lists';
import { decodeLayout, type LayoutJson } from '$lib/charts/benefit-map-layout';

type Paged = {
	rows: { id: number; title?: string }[];
	total: number;
	pager: { next: string | null; previous: string | null };
};
type Choices = {
	search: { from: string; to: string; keep: [string, string][] } | null;
	from: Record<'measure' | 'change' | 'benefit', { id: number; title: string }[]>;
	to: Record<'change' | 'benefit' | 'goal', { id: number; title: string }[]>;
};
type Page = {
	measures: Paged;
	changes: Paged;
	benefits: Paged;
	links: Paged;
	query: string;
	choices: Choices | null;
	layout: LayoutJson | null;
};

let leader: Signed;
let large = 0;
let small = 0;
let measureIds: number[] = [];
const changeIds: number[] = [];
const benefitIds: number[] = [];
const now = new Date('2026-11-25T10:00:00Z');

const MEASURES = 30;
const CHANGES = 150;
const BENEFITS = 40;

beforeAll(async () => {
	leader = signIn(await makeUser([{ role: 'programme_leader' }]));
	const { tracks } = makeMission(leader.user.id);
	const p = makeProject(leader.user.id, tracks, MEASURES);
	large = p.projectId;
	measureIds = p.measureIds;
	for (let i = 1; i <= CHANGES; i++) {
		// Titles out of creation order, so an order by title would show on the pages.
		const title = i === 7 ? 'Rabatt 100%_ på alt' : `Endring ${String((i * 37) % 1000)}`;
		const r = createChange(large, { title, description: '' }, leader.user.id, now);
		if (!r.ok) throw new Error('setup');
		changeIds.push(r.value);
	}
	for (let i = 1; i <= BENEFITS; i++) {
		benefitIds.push(makeBenefit(large, { title: `Gevinst ${i}` }, leader.user.id));
	}
	for (let i = 0; i < MEASURES; i++) {
		const link = { fromKind: 'measure', fromId: measureIds[i]!, toKind: 'change' } as const;
		if (!createLink(large, { ...link, toId: changeIds[i]! }, leader.user.id, now).ok)
			throw new Error('setup');
	}
	for (let i = 0; i < BENEFITS; i++) {
		const link = { fromKind: 'change', fromId: changeIds[i]!, toKind: 'benefit' } as const;
		if (!createLink(large, { ...link, toId: benefitIds[i]! }, leader.user.id, now).ok)
			throw new Error('setup');
	}
	small = makeProject(leader.user.id, tracks, 2).projectId;
	createChange(small, { title: 'Liten endring', description: '' }, leader.user.id, now);
	makeBenefit(small, { title: 'Liten gevinst' }, leader.user.id);
}, 120_000);

const on = (id: number, query = '', form?: Record<string, string>) =>
	makeEvent({
		signed: leader,
		path: `/gevinster/prosjekt/${id}${query}`,
		params: { id: String(id) },
		form
	}) as never;
const load = async (id: number, query = '') => (await projectLoad(on(id, query))) as Page;

/** Follows a list's `next` links from `query`, collecting each page's row ids. */
async function walk(list: keyof typeof BUILDER_LIST, query: string) {
	const pages: number[][] = [];
	let next: string | null = query;
	while (next !== null && pages.length < 50) {
		const page: Page = await load(large, next.replace(/#.*$/, ''));
		pages.push(page[list].rows.map((r) => r.id));
		const link: string | null = page[list].pager.next;
		if (link) expect(link).toContain(`#${BUILDER_LIST[list].anchor}`);
		// Another list's page stays where it was.
		if (link && list !== 'measures')
			expect(new URLSearchParams(link.replace(/^\?|#.*$/g, '')).get('tiltak-side')).toBe('2');
		next = link;
	}
	return pages;
}

describe('the map editor pages its lists', () => {
	it('walks each list once, in creation order, a bounded page at a time', async () => {
		const cases = [
			['changes', changeIds, BUILDER_PAGE],
			['benefits', benefitIds, BUILDER_PAGE],
			['links', null, LINK_PAGE]
		] as const;
		for (const [list, ids, size] of cases) {
			const pages = await walk(list, '?tiltak-side=2');
			expect(pages.every((p) => p.length > 0 && p.length <= size)).toBe(true);
			const all = pages.flat();
			expect(new Set(all).size).toBe(all.length);
			expect(all).toEqual([...all].sort((a, b) => a - b));
			if (ids) expect(all).toEqual(ids);
			else expect(all).toHaveLength(MEASURES + BENEFITS);
		}
		const measures = (await walk('measures', '')).flat();
		expect(measures).toEqual(measureIds);
	});

	it('counts in SQL, clamps a page past the end, and keeps the change forms to the page', async () => {
		const page = await load(large, '?endringer-side=999');
		expect(page.changes.total).toBe(CHANGES);
		expect(page.links.total).toBe(MEASURES + BENEFITS);
		expect(page.changes.rows.map((r) => r.id)).toEqual(
			changeIds.slice(Math.floor((CHANGES - 1) / BUILDER_PAGE) * BUILDER_PAGE)
		);
		expect(page.changes.pager.next).toBeNull();
		// The map still draws every element; only the lists are paged. A map this large is
		// fetched after the page; with the outline open (`?liste`) the page has its layout.
		expect(page.layout).toBeNull();
		const listed = await load(large, '?endringer-side=999&liste=ja');
		expect(decodeLayout(listed.layout!).nodes.length).toBeGreaterThanOrEqual(
			MEASURES + CHANGES + BENEFITS
		);
		expect(listChangesByProjects([large])).toHaveLength(CHANGES);
	});

	it('names the links by their ends, and the forms post back to the same pages', async () => {
		const page = await load(large, '?koblinger-side=2&/addLink');
		expect(page.query).toBe('koblinger-side=2');
		expect(page.links.rows[0]).toMatchObject({ from: expect.stringMatching(/^Endring: /) });
		expect((page.links.rows[0] as unknown as { to: string }).to).toMatch(/^Gevinst: Gevinst \d+$/);
	});
});

describe('the link form of a large project searches', () => {
	it('offers at most the limit of each side without a search, every element in a small project', async () => {
		expect(MEASURES + CHANGES + BENEFITS).toBeGreaterThan(LINK_SELECT_LIMIT);
		const page = await load(large);
		const from = Object.values(page.choices!.from).flat();
		expect(page.choices!.search).toMatchObject({ from: '', to: '' });
		expect(from).toHaveLength(LINK_CHOICE_LIMIT);
		const smallPage = await load(small);
		expect(smallPage.choices!.search).toBeNull();
		expect(smallPage.choices!.from.measure).toHaveLength(2);
		expect(smallPage.choices!.to.change.map((c) => c.title)).toEqual(['Liten endring']);
		expect(smallPage.choices!.to.goal).toHaveLength(3);
	});

	it('narrows each select to the titles matching its own search, by title', async () => {
		const page = await load(large, '?sok-fra=gevinst%203&sok-til=endring%2099&tiltak-side=2');
		const from = Object.values(page.choices!.from).flat();
		expect(from.map((r) => r.title)).toEqual([
			'Gevinst 3',
			'Gevinst 30',
			'Gevinst 31',
			'Gevinst 32',
			'Gevinst 33',
			'Gevinst 34',
			'Gevinst 35',
			'Gevinst 36',
			'Gevinst 37',
			'Gevinst 38',
			'Gevinst 39'
		]);
		expect(page.choices!.to.benefit).toEqual([]);
		expect(page.choices!.to.change.map((r) => r.title)).toEqual(
			[...new Set(page.choices!.to.change.map((r) => r.title))].sort()
		);
		expect(page.choices!.to.change.every((r) => r.title.includes('Endring 99'))).toBe(true);
		expect(page.choices!.to.goal).toEqual([]);
		// The search form keeps the lists' pages as hidden fields, not its own fields.
		expect(page.choices!.search!.keep).toEqual([['tiltak-side', '2']]);
	});

	it('takes % and _ as letters', async () => {
		const page = await load(large, '?sok-fra=100%25_');
		expect(
			Object.values(page.choices!.from)
				.flat()
				.map((r) => r.title)
		).toEqual(['Rabatt 100%_ på alt']);
	});

	it('a refused link keeps the search, so the chosen ends are still offered', async () => {
		const query = '?sok-fra=gevinst%2012&sok-til=gevinst%2012';
		const from = `benefit:${benefitIds[11]}`;
		const result = await outcome(() =>
			projectActions.addLink!(on(large, `${query}&/addLink`, { from, to: from }))
		);
		expect(result).toMatchObject({ kind: 'fail', data: { values: { from, to: from } } });
		const page = await load(large, `${query}&/addLink`);
		expect(page.choices!.from.benefit.map((b) => `benefit:${b.id}`)).toContain(from);
		expect(page.choices!.to.benefit.map((b) => `benefit:${b.id}`)).toContain(from);
	});
});
