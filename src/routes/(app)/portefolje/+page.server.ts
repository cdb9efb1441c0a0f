import type { PageServerLoad } from './$types';
import { isAdmin, requireUser } from '$lib/server/auth/guards';
import { canCreateInPortfolio } from '$lib/server/portfolio-access';
import {
	filterProjects,
	lifecycleFunnel,
	portfolioBalance,
	rankProjects,
	type LifecycleStatus
} from '$lib/domain/portfolio';
import { filterValues, parseFilterParams, parseRankBy } from '$lib/portfolio/filter-params';
import { portfolioSnapshot } from '$lib/server/portfolio-snapshot';
import { listAllStatusChanges } from '$lib/server/db/queries/lifecycle';

/** Portefølje: the steering group's view — ranking, filters, balance and the funnel. */
export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const filter = parseFilterParams(event.url.searchParams);
	const rankBy = parseRankBy(event.url.searchParams);
	const s = portfolioSnapshot();
	const names = new Map(s.input.users?.map((u) => [u.id, u.name]));
	const unitsByProject = new Map<number, number[]>();
	for (const m of s.measures) {
		unitsByProject.set(m.projectId, [...(unitsByProject.get(m.projectId) ?? []), ...m.unitIds]);
	}
	const projects = s.projects.map((p) => ({
		id: p.id,
		title: p.title,
		status: p.status,
		ownerId: p.ownerId,
		ownerName: p.ownerId ? (names.get(p.ownerId) ?? null) : null,
		trackIds: p.trackIds,
		levels: p.levels,
		unitIds: unitsByProject.get(p.id) ?? [],
		scores: p.scores
	}));
	const shown = filterProjects(projects, filter);
	const balance = portfolioBalance(
		shown,
		s.tracks.map((t) => t.id)
	);
	const history = (subject: 'project' | 'measure') => {
		const map = new Map<number, LifecycleStatus[]>();
		for (const c of listAllStatusChanges(subject)) {
			map.set(c.subjectId, [...(map.get(c.subjectId) ?? []), c.toStatus]);
		}
		return map;
	};
	const projectHistory = history('project');
	const measureHistory = history('measure');
	return {
		ranked: rankProjects(shown, rankBy),
		rankBy,
		filterValues: { ...filterValues(filter), rangering: rankBy },
		tracks: s.tracks.map((t) => ({
			id: t.id,
			code: t.code,
			title: t.title,
			prioritised: t.prioritised,
			count: balance.byTrack.get(t.id) ?? 0
		})),
		balance: { total: balance.total, byLevel: balance.byLevel, withoutLevel: balance.withoutLevel },
		funnel: {
			projects: lifecycleFunnel(
				s.projects.map((p) => ({ status: p.status, history: projectHistory.get(p.id) }))
			),
			measures: lifecycleFunnel(
				s.measures.map((m) => ({ status: m.status, history: measureHistory.get(m.id) }))
			)
		},
		owners: s.owners,
		units: s.units,
		canCreate: canCreateInPortfolio(user),
		isAdmin: isAdmin(user)
	};
};
