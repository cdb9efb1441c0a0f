import type { PageServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/guards';
import { loadScope, readFilter } from '$lib/server/benefits/scope';
import { buildMapInput } from '$lib/domain/benefit-map-input';
import { layoutBenefitMap } from '$lib/charts/benefit-map-layout';
import { BENEFIT_LEVEL_LABEL } from '$lib/domain/benefit-levels';

export const load: PageServerLoad = async (event) => {
	requireUser(event);
	const filter = readFilter(event.url);
	const scope = loadScope({ ...filter, level: null });
	if (!scope) return { filter, scope: null };
	const map = buildMapInput(
		{
			measures: scope.measures,
			changes: scope.changes,
			benefits: scope.computed.map((c) => c.benefit),
			goals: scope.goals,
			links: scope.links
		},
		filter.level
	);
	const project = scope.allProjects.find((p) => p.id === filter.projectId);
	const track = scope.tracks.find((t) => t.id === filter.trackId);
	const title = project
		? project.title
		: track
			? `spor ${track.code}: ${track.title}`
			: 'hele misjonen';
	return {
		filter,
		scope: {
			caption: `Gevinstkart for ${title}${filter.level ? `, ${BENEFIT_LEVEL_LABEL[filter.level].toLowerCase()}` : ''}`,
			tracks: scope.tracks.map((t) => ({ id: t.id, code: t.code, title: t.title })),
			projects: scope.allProjects.map((p) => ({ id: p.id, title: p.title })),
			map,
			layout: layoutBenefitMap(map.nodes, map.edges),
			editProjectId: project?.id ?? null
		}
	};
};
