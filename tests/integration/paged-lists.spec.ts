/**
 * The long lists at national scale are paged (numbered pages or keyset links) and their
 * numbers counted in SQL. Walking every page must give each row once, in a stable order, and
 * every link must keep the filters; the counts must equal the domain's on the same rows
 * (`buildPortfolioTree`, `rankProjects`, `portfolioBalance`, `lifecycleFunnel`,
 * `groupByCell`). Real SQLite file, migrations applied; rows made through the app's verbs.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildPortfolioTree } from '$lib/domain/portfolio/tree';
import {
	lifecycleFunnel,
	portfolioBalance,
	rankProjects,
	type PortfolioFilter
} from '$lib/domain/portfolio/rules';
import { groupByCell } from '$lib/domain/portfolio/risk';
import { portfolioSnapshot } from '$lib/server/portfolio/snapshot';
import { overviewView, PROJECT_PAGE } from '$lib/server/portfolio/views/overview';
import { rankingView, RANKING_PAGE } from '$lib/server/portfolio/views/ranking';
import { riskListView, RISK_PAGE } from '$lib/server/portfolio/views/risks';
import { realisationLogView, LOG_PAGE } from '$lib/server/benefits/views/realisation-log';
import { benefitOverview, BENEFIT_PAGE } from '$lib/server/benefits/views/overview';
import { listRisks, createRisk } from '$lib/server/db/queries/risks';
import {
	changeStatus,
	listAllStatusChanges,
	saveStatusReport
} from '$lib/server/db/queries/lifecycle';
import { saveProjectScores } from '$lib/server/db/queries/projects';
import { logRealisation, setBaselineAndTarget } from '$lib/server/db/queries/benefits-gains';
import { getBenefit } from '$lib/server/db/queries/benefits';
import { makeUnit, makeUser, signIn } from '../factories';
import { makeBenefit, makeMission } from '../factories/benefits';
import { makeMeasure, makeProject, makeTrack } from '../factories/portfolio';
import type { SessionUser } from '$lib/server/auth/session';

const now = new Date('2026-11-25T10:00:00Z');
let leader: number;
let other: number;
let user: SessionUser;
let trackA: number;
let trackB: number;
let unit: number;
const projects: number[] = [];
let logged: number;

/** Follows `next` links from a first page, collecting each page's rows. */
function walk<T>(
	first: URLSearchParams,
	load: (params: URLSearchParams) => { rows: T[]; next: string | null; hrefs: string[] },
	check: (href: string) => void = () => {}
): T[][] {
	const pages: T[][] = [];
	let params: URLSearchParams | null = first;
	while (params && pages.length < 100) {
		const page = load(params);
		pages.push(page.rows);
		page.hrefs.forEach(check);
		params = page.next ? new URLSearchParams(page.next.replace(/^\?|#.*$/g, '')) : null;
	}
	return pages;
}

beforeAll(async () => {
	leader = await makeUser([{ role: 'programme_leader' }]);
	other = await makeUser([{ role: 'programme_leader' }]);
	user = signIn(leader).user;
	makeMission(leader, 700);
	unit = makeUnit('Avdeling Paging');
	trackA = makeTrack(leader, { code: '71', title: 'Mange prosjekter' });
	trackB = makeTrack(leader, { code: '72', title: 'Noen prosjekter' });
	const lenses = ['user', 'service', 'system', 'benefit', 'portfolio'] as const;
	for (let i = 1; i <= 32; i++) {
		const tracks = i % 4 === 0 ? [trackA, trackB] : [trackA];
		const owner = i % 3 === 0 ? other : leader;
		const id = makeProject(owner, tracks, { title: `Prosjekt ${String(i).padStart(2, '0')}` });
		projects.push(id);
		// Measures: some carried out by the unit, some projects in progress.
		for (let m = 0; m < (i % 5) + 1; m++) makeMeasure(id, owner, m === 0 && i % 2 ? [unit] : []);
		if (i % 3 === 1)
			expect(changeStatus('project', id, 'recommended', null, leader, now).ok).toBe(true);
		if (i % 6 === 1)
			expect(changeStatus('project', id, 'adopted', null, leader, now).ok).toBe(true);
		// Scores with ties, and some projects unscored.
		if (i % 7 !== 0) {
			const scores = Object.fromEntries(
				lenses
					.slice(0, (i % 5) + 1)
					.map((l, k) => [l, { score: ((i + k) % 5) + 1, justification: 'Vurdert' }])
			);
			expect(saveProjectScores(id, { scores, version: 0 }, leader, now).ok).toBe(true);
		}
		if (i % 2) {
			const r = saveStatusReport(
				'project',
				id,
				{ period: '2026-10', rag: i % 3 ? 'green' : 'red', narrative: 'Status' },
				leader,
				now
			);
			expect(r.ok).toBe(true);
		}
		for (let r = 0; r < 2; r++) {
			const created = createRisk(
				{ projectId: id },
				{
					title: `Risiko ${i}-${r}`,
					description: null,
					likelihood: (((i + r) % 5) + 1) as 1 | 2 | 3 | 4 | 5,
					consequence: (((i * 3 + r) % 5) + 1) as 1 | 2 | 3 | 4 | 5,
					area: r ? 'delivery' : 'finance',
					mitigation: null,
					ownerId: leader,
					status: (i + r) % 6 === 0 ? 'closed' : 'open'
				},
				leader,
				now
			);
			expect(created.ok).toBe(true);
		}
	}
	// A benefit per project, and one with a long realisation log.
	for (const id of projects.slice(0, 30)) makeBenefit(id, { unit: 'kr' }, leader);
	logged = projects[0]!;
	const benefitId = makeBenefit(logged, { unit: 'kr' }, leader);
	const plan = setBaselineAndTarget(
		benefitId,
		{
			baseline: { value: 0, date: '2024-01-01', method: 'Måling' },
			target: { value: 100_000, date: '2026-12-31' },
			version: getBenefit(benefitId)!.version
		},
		leader,
		now
	);
	expect(plan.ok).toBe(true);
	let previous: number | null = null;
	let previousPeriod = '';
	for (let k = 0; k < 60; k++) {
		// Every tenth entry corrects the one before it, so it is of that entry's month; the
		// others each have a month of their own (a second value for a month replaces the first).
		const period =
			k % 10 === 9
				? previousPeriod
				: `${2024 + Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`;
		const r = logRealisation(
			benefitId,
			{
				period,
				value: 100 + k,
				comment: '',
				evidence: '',
				supersedesId: k % 10 === 9 ? previous : null
			},
			leader,
			new Date(now.getTime() + k * 1000)
		);
		if (!r.ok) throw new Error(r.reason);
		previous = r.value;
		previousPeriod = period;
	}
	logged = benefitId;
});

const FILTERS: Record<string, string>[] = [
	{},
	{ status: 'recommended' },
	{ eier: 'OTHER' },
	{ enhet: 'UNIT' },
	{ minsnitt: '3' },
	{ spor: 'B', status: 'proposed' }
];

function params(filter: Record<string, string>, extra: Record<string, string> = {}) {
	const ids: Record<string, string> = {
		OTHER: String(other),
		UNIT: String(unit),
		B: String(trackB)
	};
	return new URLSearchParams(
		Object.entries({ ...filter, ...extra }).map(([k, v]) => [k, ids[v] ?? v])
	);
}

const keepsFilter = (filter: URLSearchParams) => (href: string) => {
	const got = new URLSearchParams(href.replace(/^\?|#.*$/g, ''));
	for (const key of ['spor', 'status', 'eier', 'enhet', 'minsnitt']) {
		expect(got.get(key), `${key} kept in ${href}`).toBe(filter.get(key));
	}
};

describe('overview', () => {
	it('counts what the tree shows, for each filter', () => {
		const input = portfolioSnapshot().input;
		for (const filter of FILTERS) {
			const p = params(filter);
			const tree = buildPortfolioTree(input, parse(p));
			const view = overviewView(p);
			expect(view.totals, JSON.stringify(filter)).toEqual({
				tracks: tree.counts.tracks,
				projects: tree.counts.projects,
				measures: tree.counts.measures,
				unassignedProjects: tree.unassigned.length,
				unassignedMeasures: tree.unassigned.reduce((n, p) => n + p.counts.measures, 0)
			});
			expect(
				view.tracks.map((t) => [t.id, t.count, t.measureCount]),
				JSON.stringify(filter)
			).toEqual(tree.tracks.map((t) => [t.id, t.counts.projects, t.counts.measures]));
		}
	});

	it("pages a track's projects in a stable order, each once, with the filter kept", () => {
		for (const filter of FILTERS) {
			const first = params(filter, { apne: String(trackA) });
			const pages = walk(
				first,
				(p) => {
					const track = overviewView(p).tracks.find((t) => t.id === trackA);
					return {
						rows: track?.projects.map((x) => x.title) ?? [],
						next: track?.pager?.next ?? null,
						hrefs: [
							track?.pager?.next,
							track?.pager?.previous,
							track?.toggleHref,
							...(track?.projects.map((x) => x.toggleHref) ?? [])
						].filter((h): h is string => !!h)
					};
				},
				keepsFilter(first)
			);
			const titles = pages.flat();
			const tree = buildPortfolioTree(portfolioSnapshot().input, parse(first));
			const expected = tree.tracks.find((t) => t.id === trackA)?.projects.map((p) => p.title) ?? [];
			expect(titles, JSON.stringify(filter)).toEqual(expected);
			expect(pages.every((page) => page.length <= PROJECT_PAGE)).toBe(true);
		}
		expect(
			walk(params({}, { apne: String(trackA) }), (p) => {
				const t = overviewView(p).tracks.find((x) => x.id === trackA)!;
				return { rows: [t.projects.length], next: t.pager?.next ?? null, hrefs: [] };
			}).length
		).toBe(2);
	});

	it('opens a project’s measures as the tree lists them', () => {
		// «Prosjekt 02»: among the first three of its track, so in the preview.
		const id = projects[1]!;
		const view = overviewView(params({}, { tiltak: String(id), under: String(trackA) }));
		const shown = view.tracks.flatMap((t) => t.projects).find((p) => p.id === id && p.measures);
		const tree = buildPortfolioTree(portfolioSnapshot().input);
		const expected = tree.tracks
			.find((t) => t.id === trackA)!
			.projects.find((p) => p.id === id)!
			.measures.map((m) => m.id);
		expect(shown?.measures?.items.map((m) => m.id).sort()).toEqual([...expected].sort());
	});
});

function parse(p: URLSearchParams): PortfolioFilter {
	const f: PortfolioFilter = {};
	if (p.get('spor')) f.trackId = Number(p.get('spor'));
	if (p.get('status')) f.status = p.get('status') as PortfolioFilter['status'];
	if (p.get('eier')) f.ownerId = Number(p.get('eier'));
	if (p.get('enhet')) f.unitId = Number(p.get('enhet'));
	if (p.get('minsnitt')) f.minScore = Number(p.get('minsnitt'));
	return f;
}

describe('portfolio ranking', () => {
	it('ranks as the domain does, page after page, each project once, with the filter kept', () => {
		const snapshot = portfolioSnapshot();
		const unitsOf = new Map<number, number[]>();
		for (const m of snapshot.measures) {
			unitsOf.set(m.projectId, [...(unitsOf.get(m.projectId) ?? []), ...m.unitIds]);
		}
		for (const filter of FILTERS) {
			for (const rangering of ['total', 'mean', 'service']) {
				const first = params(filter, { rangering });
				const pages = walk(
					first,
					(p) => {
						const v = rankingView(p);
						return {
							rows: v.ranked.map((r) => [r.rank, r.id]),
							next: v.pager.next,
							hrefs: [v.pager.next, v.pager.previous].filter((h): h is string => !!h)
						};
					},
					keepsFilter(first)
				);
				const rows = pages.flat();
				const shown = snapshot.projects
					.map((p) => ({ ...p, unitIds: unitsOf.get(p.id) ?? [] }))
					.filter((p) => {
						const f = parse(first);
						return (
							(f.trackId === undefined || p.trackIds.includes(f.trackId)) &&
							(f.status === undefined || p.status === f.status) &&
							(f.ownerId === undefined || p.ownerId === f.ownerId) &&
							(f.unitId === undefined || p.unitIds.includes(f.unitId)) &&
							(f.minScore === undefined ||
								(Object.keys(p.scores).length > 0 &&
									Object.values(p.scores).reduce((s, x) => s + x!.score, 0) /
										Object.keys(p.scores).length >=
										f.minScore))
						);
					});
				const expected = rankProjects(shown, rangering as 'total').map((r) => [r.rank, r.id]);
				expect(rows, `${JSON.stringify(filter)} ${rangering}`).toEqual(expected);
				expect(pages.every((page) => page.length <= RANKING_PAGE)).toBe(true);
				const v = rankingView(first);
				const balance = portfolioBalance(
					shown,
					snapshot.tracks.map((t) => t.id)
				);
				expect(v.total).toBe(balance.total);
				expect(v.balance).toEqual({
					total: balance.total,
					byLevel: balance.byLevel,
					withoutLevel: balance.withoutLevel
				});
				expect(v.tracks.map((t) => t.count)).toEqual(
					snapshot.tracks.map((t) => balance.byTrack.get(t.id) ?? 0)
				);
			}
		}
	});

	it('counts the funnel as the domain does', () => {
		const snapshot = portfolioSnapshot();
		const history = (subject: 'project' | 'measure') => {
			const map = new Map<number, string[]>();
			for (const c of listAllStatusChanges(subject)) {
				map.set(c.subjectId, [...(map.get(c.subjectId) ?? []), c.toStatus]);
			}
			return map;
		};
		const ph = history('project');
		const mh = history('measure');
		expect(rankingView(new URLSearchParams()).funnel).toEqual({
			projects: lifecycleFunnel(
				snapshot.projects.map((p) => ({ status: p.status, history: ph.get(p.id) as never }))
			),
			measures: lifecycleFunnel(
				snapshot.measures.map((m) => ({ status: m.status, history: mh.get(m.id) as never }))
			)
		});
	});
});

describe('portfolio risks', () => {
	it('counts per cell as the matrix of every live risk does', () => {
		const open = listRisks().filter((r) => r.status !== 'closed') as never[];
		const cells = groupByCell(open);
		const v = riskListView(new URLSearchParams());
		for (const row of v.matrix.rows) {
			for (const cell of row) {
				expect(cell.count).toBe(cells.get(`${cell.likelihood}:${cell.consequence}`)!.length);
			}
		}
		expect(v.closedCount).toBe(listRisks().length - open.length);
	});

	it('pages the list by keyset in each order, each risk once, back and forth, filters kept', () => {
		for (const extra of [
			{},
			{ sorter: 'title' },
			{ sorter: 'newest', lukkede: '1' },
			{ spor: String(trackB), omrade: 'finance' },
			{ sannsynlighet: '3', konsekvens: '4' }
		] as Record<string, string>[]) {
			const first = new URLSearchParams(extra);
			const pages = walk(
				first,
				(p) => {
					const v = riskListView(p);
					return {
						rows: v.risks.map((r) => r.id),
						next: v.pager.next,
						hrefs: [v.pager.next, v.pager.previous].filter((h): h is string => !!h)
					};
				},
				(href) => {
					const got = new URLSearchParams(href.replace(/^\?|#.*$/g, ''));
					for (const [k, value] of Object.entries(extra)) expect(got.get(k)).toBe(value);
				}
			);
			const ids = pages.flat();
			expect(new Set(ids).size).toBe(ids.length);
			expect(pages.every((page) => page.length <= RISK_PAGE)).toBe(true);
			expect(ids.length).toBe(riskListView(first).listed);
			// Back from the second page gives the first again.
			if (pages.length > 1) {
				const second = riskListView(
					new URLSearchParams(riskListView(first).pager.next!.replace(/^\?|#.*$/g, ''))
				);
				const back = riskListView(
					new URLSearchParams(second.pager.previous!.replace(/^\?|#.*$/g, ''))
				);
				expect(back.risks.map((r) => r.id)).toEqual(pages[0]);
			}
		}
		// Highest score first by default.
		const scores = riskListView(new URLSearchParams()).risks.map((r) => r.score);
		expect(scores).toEqual([...scores].sort((a, b) => b - a));
	});
});

describe('benefit lists', () => {
	it('pages the benefits and the sums per project by keyset, each once, filters kept', () => {
		for (const extra of [{}, { spor: String(trackB) }, { niva: 'system' }] as Record<
			string,
			string
		>[]) {
			const first = new URLSearchParams(extra);
			const keep = (href: string) => {
				const got = new URLSearchParams(href.replace(/^\?|#.*$/g, ''));
				for (const [k, value] of Object.entries(extra)) expect(got.get(k)).toBe(value);
			};
			const benefits = walk(
				first,
				(p) => {
					const s = benefitOverview(p, user).scope!;
					return {
						rows: s.benefits.map((b) => b.id),
						next: s.benefitPager.next,
						hrefs: [s.benefitPager.next, s.benefitPager.previous].filter((h): h is string => !!h)
					};
				},
				keep
			).flat();
			expect(new Set(benefits).size).toBe(benefits.length);
			expect(benefits).toEqual([...benefits].sort((a, b) => a - b));
			const projectsShown = walk(first, (p) => {
				const s = benefitOverview(p, user).scope!;
				return { rows: s.shownProjects.map((x) => x.title), next: s.projectPager.next, hrefs: [] };
			}).flat();
			expect(projectsShown).toEqual([...projectsShown].sort());
			expect(new Set(projectsShown).size).toBe(projectsShown.length);
		}
		const all = benefitOverview(new URLSearchParams(), user).scope!;
		expect(all.benefits).toHaveLength(BENEFIT_PAGE);
		expect(all.sums.mission[0]!.benefitCount).toBe(31);
	});

	it('pages a realisation log newest first, each entry once, corrections marked', () => {
		const pages = walk(new URLSearchParams(), (p) => {
			const v = realisationLogView(logged, p);
			return { rows: v.entries, next: v.pager.next, hrefs: [] };
		});
		const entries = pages.flat();
		expect(pages.map((p) => p.length)).toEqual([LOG_PAGE, LOG_PAGE, 60 - 2 * LOG_PAGE]);
		expect(new Set(entries.map((e) => e.id)).size).toBe(60);
		expect(entries.map((e) => e.createdAt)).toEqual(
			[...entries.map((e) => e.createdAt)].sort((a, b) => b - a)
		);
		const corrections = entries.filter((e) => e.supersedesId !== null);
		expect(corrections).toHaveLength(6);
		for (const c of corrections) {
			expect(entries.find((e) => e.id === c.supersedesId)).toMatchObject({
				effective: false,
				supersededById: c.id,
				// A correction and the entry it replaces name each other by the numbers shown.
				number: c.supersedesNumber,
				supersededByNumber: c.number
			});
		}
		// Numbered by place in the benefit's log, oldest first, the same on every page.
		expect(entries.map((e) => e.number)).toEqual(Array.from({ length: 60 }, (_, i) => 60 - i));
	});
});
