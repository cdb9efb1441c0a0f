import { describe, expect, it } from 'vitest';
import {
	canTransition,
	countByStatus,
	datesInOrder,
	filterProjects,
	formatPeriod,
	isCalendarDay,
	isPeriod,
	lifecycleFunnel,
	portfolioBalance,
	rankProjects,
	summariseScores,
	type FilterableProject,
	type FunnelInput,
	type LensScores,
	type PortfolioFilter
} from './rules';
import { LENSES, LENS_INFO, LIFECYCLE_STATUSES } from './vocabulary';
import {
	buildPortfolioTree,
	latestReports,
	type MeasureRow,
	type ProjectRow,
	type StatusReportRow,
	type TrackRow
} from './tree';

const full = (score: number): LensScores =>
	Object.fromEntries(LENSES.map((l) => [l, { score, justification: 'fordi' }]));

describe('lifecycle', () => {
	it('follows the funnel forwards and allows rejecting until completed', () => {
		expect(canTransition('proposed', 'recommended')).toBe(true);
		expect(canTransition('recommended', 'adopted')).toBe(true);
		expect(canTransition('adopted', 'in_progress')).toBe(true);
		expect(canTransition('in_progress', 'completed')).toBe(true);
		for (const from of ['proposed', 'recommended', 'adopted', 'in_progress'] as const) {
			expect(canTransition(from, 'rejected')).toBe(true);
		}
	});

	it('refuses skipping stages, reopening completed work and staying put', () => {
		expect(canTransition('proposed', 'adopted')).toBe(false);
		expect(canTransition('recommended', 'in_progress')).toBe(false);
		expect(canTransition('completed', 'in_progress')).toBe(false);
		expect(canTransition('completed', 'rejected')).toBe(false);
		for (const s of LIFECYCLE_STATUSES) expect(canTransition(s, s)).toBe(false);
	});

	it('lets a recommendation go back, and a rejected proposal be raised again', () => {
		expect(canTransition('recommended', 'proposed')).toBe(true);
		expect(canTransition('rejected', 'proposed')).toBe(true);
		expect(canTransition('rejected', 'adopted')).toBe(false);
	});
});

describe('lenses', () => {
	it('has the five lenses of seed 001 with a question each', () => {
		expect(LENSES).toEqual(['user', 'service', 'system', 'benefit', 'portfolio']);
		expect(LENS_INFO.benefit.question).toContain('kost/nytte');
		expect(LENS_INFO.portfolio.label).toBe('Porteføljeperspektiv');
	});
});

describe('scoring and ranking', () => {
	it('sums and averages only the scored lenses', () => {
		expect(
			summariseScores({
				user: { score: 5, justification: 'x' },
				benefit: { score: 2, justification: 'y' }
			})
		).toEqual({ total: 7, mean: 3.5, scoredCount: 2, complete: false });
		expect(summariseScores({})).toEqual({ total: 0, mean: null, scoredCount: 0, complete: false });
		expect(summariseScores(full(3)).complete).toBe(true);
	});

	it('ranks by total, so a half-scored project does not win on its mean', () => {
		const ranked = rankProjects([
			{ id: 1, title: 'Delvis', scores: { user: { score: 5, justification: 'x' } } },
			{ id: 2, title: 'Hel', scores: full(4) },
			{ id: 3, title: 'Uvurdert', scores: {} }
		]);
		expect(ranked.map((r) => [r.id, r.rank])).toEqual([
			[2, 1],
			[1, 2],
			[3, 3]
		]);
		expect(rankProjects(ranked, 'mean').map((r) => r.id)).toEqual([1, 2, 3]);
	});

	it('breaks ties on mean, lenses scored, title and id, whatever the input order', () => {
		const items = [
			{ id: 4, title: 'Beta', scores: full(3) },
			{ id: 2, title: 'alfa', scores: full(3) },
			{ id: 1, title: 'Alfa', scores: full(3) },
			{
				id: 3,
				title: 'Aaa',
				scores: { user: { score: 5, justification: 'x' }, system: { score: 5, justification: 'x' } }
			}
		];
		const expected = [1, 2, 4, 3];
		expect(rankProjects(items).map((r) => r.id)).toEqual(expected);
		expect(rankProjects([...items].reverse()).map((r) => r.id)).toEqual(expected);
	});

	it('ranks by one lens with unscored projects last', () => {
		const ranked = rankProjects(
			[
				{ id: 1, title: 'A', scores: { benefit: { score: 2, justification: 'x' } } },
				{ id: 2, title: 'B', scores: { user: { score: 5, justification: 'x' } } },
				{ id: 3, title: 'C', scores: { benefit: { score: 4, justification: 'x' } } }
			],
			'benefit'
		);
		expect(ranked.map((r) => r.id)).toEqual([3, 1, 2]);
	});
});

describe('filters', () => {
	const projects: (FilterableProject & { id: number })[] = [
		{ id: 1, trackIds: [1, 2], status: 'adopted', ownerId: 7, unitIds: [10], scores: full(4) },
		{ id: 2, trackIds: [2], status: 'proposed', ownerId: 8, unitIds: [], scores: full(2) },
		{ id: 3, trackIds: [3], status: 'adopted', ownerId: 7, unitIds: [11] }
	];

	it('combines criteria with AND', () => {
		const ids = (f: PortfolioFilter) => filterProjects(projects, f).map((p) => p.id);
		expect(ids({})).toEqual([1, 2, 3]);
		expect(ids({ trackId: 2 })).toEqual([1, 2]);
		expect(ids({ status: 'adopted', ownerId: 7 })).toEqual([1, 3]);
		expect(ids({ unitId: 11 })).toEqual([3]);
		expect(ids({ trackId: 2, status: 'proposed' })).toEqual([2]);
	});

	it('treats an unscored project as failing a minimum score', () => {
		expect(filterProjects(projects, { minScore: 2 }).map((p) => p.id)).toEqual([1, 2]);
		expect(filterProjects(projects, { minScore: 4 }).map((p) => p.id)).toEqual([1]);
	});
});

describe('balance and funnel', () => {
	it('counts a project once per track and level but once in the total', () => {
		const balance = portfolioBalance(
			[
				{ id: 1, trackIds: [1, 2], levels: ['user', 'service'] },
				{ id: 2, trackIds: [2], levels: [] },
				{ id: 1, trackIds: [1, 2], levels: ['user', 'service'] }
			],
			[1, 2, 3]
		);
		expect(balance.total).toBe(2);
		expect([...balance.byTrack]).toEqual([
			[1, 1],
			[2, 2],
			[3, 0]
		]);
		expect(balance.byLevel).toEqual({ user: 1, service: 1, system: 0 });
		expect(balance.withoutLevel).toBe(1);
	});

	it('reproduces seed 004: 86 forslag → 15 anbefalt → 6 vedtatt', () => {
		const items: FunnelInput[] = [
			...Array.from({ length: 71 }, (): FunnelInput => ({
				status: 'rejected',
				history: ['proposed']
			})),
			...Array.from({ length: 9 }, (): FunnelInput => ({
				status: 'rejected',
				history: ['proposed', 'recommended']
			})),
			...Array.from({ length: 4 }, (): FunnelInput => ({ status: 'adopted' })),
			{ status: 'in_progress' },
			{ status: 'completed' }
		];
		expect(lifecycleFunnel(items)).toEqual({ proposed: 86, recommended: 15, adopted: 6 });
		expect(countByStatus(items)).toMatchObject({ rejected: 80, adopted: 4, in_progress: 1 });
	});
});

describe('dates', () => {
	it('accepts real calendar days only', () => {
		expect(isCalendarDay('2026-02-28')).toBe(true);
		expect(isCalendarDay('2024-02-29')).toBe(true);
		expect(isCalendarDay('2026-02-29')).toBe(false);
		expect(isCalendarDay('2026-13-01')).toBe(false);
		expect(isCalendarDay('26-01-01')).toBe(false);
	});

	it('requires end on or after start, allowing open ends', () => {
		expect(datesInOrder('2026-01-01', '2026-01-01')).toBe(true);
		expect(datesInOrder('2026-01-02', '2026-01-01')).toBe(false);
		expect(datesInOrder('2026-01-02', null)).toBe(true);
		expect(datesInOrder(null, '2026-01-01')).toBe(true);
	});

	it('formats report periods in bokmål', () => {
		expect(isPeriod('2026-03')).toBe(true);
		expect(isPeriod('2026-00')).toBe(false);
		expect(formatPeriod('2026-03')).toBe('mars 2026');
	});
});

describe('portfolio tree', () => {
	const tracks: TrackRow[] = [
		{ id: 5, code: '5', title: 'Sentralforvaltningen', status: 'adopted', ownerId: 1 },
		{ id: 2, code: '1B', title: 'Samhandling', status: 'adopted', ownerId: 1 },
		{ id: 1, code: '1A', title: 'Brukermedvirkning', status: 'adopted', ownerId: 2 },
		{ id: 10, code: '10', title: 'Tiende', status: 'proposed', ownerId: null }
	];
	const projects: ProjectRow[] = [
		{
			id: 100,
			title: 'Metode for brukermedvirkning',
			status: 'in_progress',
			ownerId: 2,
			trackIds: [1, 2]
		},
		{ id: 101, title: 'Felles søknadsportal', status: 'proposed', ownerId: 1, trackIds: [2] },
		{
			id: 102,
			title: 'Utforske statsforvalterens rolle',
			status: 'adopted',
			ownerId: 3,
			trackIds: [5]
		},
		{ id: 103, title: 'Foreldreløs', status: 'proposed', ownerId: null, trackIds: [] }
	];
	const measures: MeasureRow[] = [
		{
			id: 1000,
			projectId: 100,
			title: 'Brukerpanel',
			status: 'in_progress',
			ownerId: 4,
			unitIds: [20]
		},
		{ id: 1001, projectId: 100, title: 'Veileder', status: 'proposed', ownerId: 2, unitIds: [21] },
		{ id: 1002, projectId: 102, title: 'Kartlegging', status: 'adopted', ownerId: 3, unitIds: [20] }
	];
	const reports: StatusReportRow[] = [
		{
			id: 1,
			subject: 'project',
			subjectId: 100,
			period: '2026-02',
			rag: 'green',
			narrative: 'Bra'
		},
		{
			id: 3,
			subject: 'project',
			subjectId: 100,
			period: '2026-03',
			rag: 'amber',
			narrative: 'Sen'
		},
		{
			id: 2,
			subject: 'project',
			subjectId: 100,
			period: '2026-03',
			rag: 'red',
			narrative: 'Først'
		},
		{ id: 4, subject: 'measure', subjectId: 1000, period: '2026-01', rag: 'green', narrative: 'Ok' }
	];
	const input = {
		mission: { id: 1, statement: 'Innen 2027 …' },
		tracks,
		projects,
		measures,
		reports,
		users: [
			{ id: 1, name: 'Kari' },
			{ id: 2, name: 'Ola' }
		],
		units: [
			{ id: 20, name: 'Molde' },
			{ id: 21, name: 'Kristiansund' }
		]
	};

	it('orders tracks by code and puts a two-track project under both', () => {
		const tree = buildPortfolioTree(input);
		expect(tree.tracks.map((t) => t.code)).toEqual(['1A', '1B', '5', '10']);
		const [t1a, t1b] = tree.tracks;
		expect(t1a?.projects.map((p) => p.id)).toEqual([100]);
		expect(t1b?.projects.map((p) => p.id)).toEqual([101, 100]);
		expect(t1b?.counts).toEqual({ projects: 2, measures: 2 });
		expect(tree.counts).toEqual({ tracks: 4, projects: 4, measures: 3 });
		expect(tree.unassigned.map((p) => p.id)).toEqual([103]);
	});

	it('resolves owners, units and the latest report', () => {
		const project = buildPortfolioTree(input).tracks[0]?.projects[0];
		expect(project?.owner).toEqual({ id: 2, name: 'Ola' });
		expect(project?.latestReport?.id).toBe(3);
		expect(project?.measures.map((m) => m.title)).toEqual(['Brukerpanel', 'Veileder']);
		expect(project?.measures[0]?.units).toEqual([{ id: 20, name: 'Molde' }]);
		expect(project?.measures[0]?.latestReport?.narrative).toBe('Ok');
		expect(project?.measures[1]?.latestReport).toBeNull();
	});

	it('picks the latest period, then the later entry', () => {
		const latest = latestReports(reports);
		expect(latest.get('project:100')?.id).toBe(3);
		expect(latest.size).toBe(2);
	});

	it('filters by track and keeps counts of what is shown', () => {
		const tree = buildPortfolioTree(input, { trackId: 2 });
		expect(tree.tracks.map((t) => t.code)).toEqual(['1B']);
		expect(tree.unassigned).toEqual([]);
		expect(tree.counts).toEqual({ tracks: 1, projects: 2, measures: 2 });
	});

	it('finds a project through a measure owned by the filtered person', () => {
		const tree = buildPortfolioTree(input, { ownerId: 4 });
		expect(tree.tracks.map((t) => t.code)).toEqual(['1A', '1B']);
		expect(tree.tracks[0]?.projects[0]?.measures.map((m) => m.id)).toEqual([1000]);
		expect(tree.counts).toEqual({ tracks: 2, projects: 1, measures: 1 });
	});

	it('shows a matching project with only the measures of the chosen unit', () => {
		const tree = buildPortfolioTree(input, { unitId: 21 });
		expect(tree.tracks.flatMap((t) => t.projects.map((p) => p.id))).toEqual([100, 100]);
		expect(tree.tracks[0]?.projects[0]?.measures.map((m) => m.id)).toEqual([1001]);
	});

	it('filters by status on projects and measures', () => {
		const tree = buildPortfolioTree(input, { status: 'proposed' });
		const shown = tree.tracks.map((t) => [t.code, t.projects.map((p) => p.id)]);
		expect(shown).toEqual([
			['1A', [100]],
			['1B', [101, 100]]
		]);
		expect(tree.tracks[0]?.projects[0]?.measures.map((m) => m.id)).toEqual([1001]);
		expect(tree.unassigned.map((p) => p.id)).toEqual([103]);
	});
});
