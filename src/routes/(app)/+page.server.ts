import type { PageServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/guards';
import { buildPortfolioTree } from '$lib/domain/portfolio-tree';
import { isFilterActive } from '$lib/domain/portfolio';
import { filterValues, parseFilterParams } from '$lib/portfolio/filter-params';
import { portfolioSnapshot } from '$lib/server/portfolio-snapshot';
import { listEffectGoals } from '$lib/server/db/queries/mission';

/** Oversikt: the whole portfolio as a tree, for everyone signed in (issue 3). */
export const load: PageServerLoad = async (event) => {
	requireUser(event);
	const filter = parseFilterParams(event.url.searchParams);
	const snapshot = portfolioSnapshot();
	return {
		mission: snapshot.mission
			? {
					grandChallenge: snapshot.mission.grandChallenge,
					statement: snapshot.mission.statement,
					baselineYear: snapshot.mission.baselineYear,
					targetYear: snapshot.mission.targetYear
				}
			: null,
		goals: snapshot.mission
			? listEffectGoals(snapshot.mission.id).map((g) => ({
					id: g.id,
					number: g.number,
					level: g.level,
					title: g.title
				}))
			: [],
		tree: buildPortfolioTree(snapshot.input, filter),
		filtering: isFilterActive(filter),
		filterValues: filterValues(filter),
		tracks: snapshot.tracks.map((t) => ({ id: t.id, code: t.code, title: t.title })),
		owners: snapshot.owners,
		units: snapshot.units
	};
};
