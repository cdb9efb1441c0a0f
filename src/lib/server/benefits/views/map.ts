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
import { buildMapInput } from '$lib/domain/benefits/map-input';
import { benefitLevelLabel } from '$lib/labels-benefits';
import { m } from '$lib/paraglide/messages';
import { MAP_NODE_LIMIT } from '../map-layout';
import { readCheckedFilter, type ScopeFilter } from '../scope';
import { drawingPart, mapDrawing, pageMap } from './map-drawing';

/**
 * Rows counted before any is read: above this many measures, changes and benefits the map
 * cannot come under MAP_NODE_LIMIT however a level filter prunes it, so nothing is loaded.
 */
const ROW_LIMIT = 5 * MAP_NODE_LIMIT;
/** Most projects the filter lists; a mission with more asks for a track first. */
export const PROJECT_OPTION_LIMIT = 200;

/** The map's caption: the project, track or mission it shows, and its level. */
function scopeCaption(filter: ScopeFilter, track?: { code: string; title: string }) {
	const project = filter.projectId === null ? undefined : getProjectById(filter.projectId);
	const title = project
		? project.title
		: track
			? m.benefits_map_track({ code: track.code, title: track.title })
			: m.benefits_subject_mission();
	const level = filter.level ? `, ${benefitLevelLabel(filter.level).toLowerCase()}` : '';
	return m.benefits_map_caption({ title, level });
}

/**
 * The scope's map, or its count when it is larger than a map a person can read. The rows are
 * counted in SQL before any is read.
 */
function scopeMap(filter: ScopeFilter, missionId: number) {
	const projectIds = listScopeProjectIds(filter);
	const rowCount = countMapRows(projectIds, filter.level);
	if (rowCount > ROW_LIMIT) return { map: null, tooLarge: rowCount };
	const map = buildMapInput(
		{ ...listMapRows(projectIds), goals: listEffectGoals(missionId) },
		filter.level,
		m.benefits_disbenefit(),
		m.benefits_node_goal()
	);
	if (map.nodes.length > MAP_NODE_LIMIT) return { map: null, tooLarge: map.nodes.length };
	return { map, tooLarge: null };
}

/** The scope's own address for its drawing (`/gevinster/kart/tegning`). */
function drawingHref(filter: ScopeFilter): string {
	const params = new URLSearchParams();
	if (filter.trackId) params.set('spor', String(filter.trackId));
	if (filter.projectId) params.set('prosjekt', String(filter.projectId));
	if (filter.level) params.set('niva', filter.level);
	const query = params.toString();
	return `/gevinster/kart/tegning${query ? `?${query}` : ''}`;
}

export function benefitMapView(filter: ScopeFilter, url: URL) {
	const mission = getMission();
	if (!mission) return null;
	const tracks = listTracks();
	const track = tracks.find((t) => t.id === filter.trackId);
	const project = filter.projectId === null ? undefined : getProjectById(filter.projectId);
	const { options, total } = listProjectOptions(filter.trackId, PROJECT_OPTION_LIMIT);
	const projects = total > PROJECT_OPTION_LIMIT ? [] : options;
	if (project && !projects.some((p) => p.id === project.id))
		projects.unshift({ id: project.id, title: project.title });

	const base = {
		caption: scopeCaption(filter, track),
		tracks: tracks.map((t) => ({ id: t.id, code: t.code, title: t.title })),
		projects,
		// Too many projects to list: the filter offers a track first, then its projects.
		projectsNeedTrack: total > PROJECT_OPTION_LIMIT,
		editProjectId: project?.id ?? null
	};
	const { map, tooLarge } = scopeMap(filter, mission.id);
	if (!map)
		return {
			...base,
			layout: null,
			drawing: null,
			tooLarge: { nodes: tooLarge, limit: MAP_NODE_LIMIT }
		};
	// A small map goes as its layout (JSON: it holds every node and link the outline needs); a
	// large one is fetched by the browser after the page (map-drawing.ts).
	return { ...base, ...pageMap(map, drawingHref(filter), url), tooLarge: null };
}

/** Gevinstkart: the filter from the address, and the map for it. */
export function mapPage(url: URL) {
	const { filter, notices } = readCheckedFilter(url);
	return { filter, notices, scope: benefitMapView(filter, url) };
}

/**
 * The gevinstkart's drawing (`/gevinster/kart/tegning`), for the same address as the page. An
 * address the page would answer with a notice, or a map too large to draw, has none: null.
 */
export function scopeDrawing(url: URL) {
	const { filter, notices } = readCheckedFilter(url);
	const mission = getMission();
	if (notices.length || !mission) return null;
	const { map } = scopeMap(filter, mission.id);
	if (!map) return null;
	const track = listTracks().find((t) => t.id === filter.trackId);
	return mapDrawing(map, drawingPart(url), scopeCaption(filter, track));
}
