/**
 * The gevinstkart page's read model: the scope's map rows, laid out once per map version
 * (map-layout.ts), or only a count when the scope is larger than a map a person can read.
 */
import { getMission, listEffectGoals } from '$lib/server/db/queries/mission';
import { listTracks } from '$lib/server/db/queries/tracks';
import { getProjectById } from '$lib/server/db/queries/projects';
import {
	countMapRows,
	listMapRows,
	listProjectOptions,
	listScopeProjectIds
} from '$lib/server/db/queries/benefit-map';
import { buildMapInput } from '$lib/domain/benefit-map-input';
import { benefitLevelLabel } from '$lib/labels-benefits';
import { m } from '$lib/paraglide/messages';
import { MAP_NODE_LIMIT, benefitMapLayouts } from '../map-layout';
import { readCheckedFilter, type ScopeFilter } from '../scope';

/**
 * Rows counted before any is read: above this many measures, changes and benefits the map
 * cannot come under MAP_NODE_LIMIT however a level filter prunes it, so nothing is loaded.
 */
const ROW_LIMIT = 5 * MAP_NODE_LIMIT;
/** Most projects the filter lists; a mission with more asks for a track first. */
export const PROJECT_OPTION_LIMIT = 200;

export function benefitMapView(filter: ScopeFilter) {
	const mission = getMission();
	if (!mission) return null;
	const tracks = listTracks();
	const track = tracks.find((t) => t.id === filter.trackId);
	const project = filter.projectId === null ? undefined : getProjectById(filter.projectId);
	const { options, total } = listProjectOptions(filter.trackId, PROJECT_OPTION_LIMIT);
	const projects = total > PROJECT_OPTION_LIMIT ? [] : options;
	if (project && !projects.some((p) => p.id === project.id))
		projects.unshift({ id: project.id, title: project.title });

	const title = project
		? project.title
		: track
			? m.benefits_map_track({ code: track.code, title: track.title })
			: m.benefits_subject_mission();
	const level = filter.level ? `, ${benefitLevelLabel(filter.level).toLowerCase()}` : '';
	const base = {
		caption: m.benefits_map_caption({ title, level }),
		tracks: tracks.map((t) => ({ id: t.id, code: t.code, title: t.title })),
		projects,
		// Too many projects to list: the filter offers a track first, then its projects.
		projectsNeedTrack: total > PROJECT_OPTION_LIMIT,
		editProjectId: project?.id ?? null
	};
	const tooLarge = (nodes: number) => ({
		...base,
		layout: null,
		tooLarge: { nodes, limit: MAP_NODE_LIMIT }
	});

	const projectIds = listScopeProjectIds(filter);
	const rowCount = countMapRows(projectIds, filter.level);
	if (rowCount > ROW_LIMIT) return tooLarge(rowCount);
	const map = buildMapInput(
		{ ...listMapRows(projectIds), goals: listEffectGoals(mission.id) },
		filter.level,
		m.benefits_disbenefit(),
		m.benefits_node_goal()
	);
	if (map.nodes.length > MAP_NODE_LIMIT) return tooLarge(map.nodes.length);
	return {
		...base,
		// Only the layout goes to the page (as JSON): it holds every node and link the outline needs.
		layout: benefitMapLayouts.json(map.nodes, map.edges),
		tooLarge: null
	};
}

/** Gevinstkart: the filter from the address, and the map for it. */
export function mapPage(url: URL) {
	const { filter, notices } = readCheckedFilter(url);
	return { filter, notices, scope: benefitMapView(filter) };
}
