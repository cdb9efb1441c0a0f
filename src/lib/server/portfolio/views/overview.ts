/**
 * The overview's read model (Oversikt): tracks with counts and the status of their projects, the
 * first projects of every track, and on demand one track's projects or one project's measures a
 * page at a time. Everything is counted in SQL (db/queries/portfolio-overview.ts); the page's
 * size depends on what is opened, not on the size of the portfolio.
 *
 * URL: the filters of `parseFilterParams`, plus `apne` (the track whose projects are listed in
 * full; 0 for projects without a track) with `side`, and `tiltak` (the project whose measures
 * are open) with `under` (the track it is opened under) and `tiltakside`.
 */
import { isFilterActive, type PortfolioFilter } from '$lib/domain/portfolio/rules';
import { filterValues, parseFilterParams } from '$lib/portfolio/filter-params';
import { hrefWith, pageInfo, pageParam, pagerLinks, positiveParam } from '$lib/paging';
import {
	listLiveOwners,
	listProjectMeasuresPage,
	listTrackProjectsPage,
	overviewParams,
	overviewSummary,
	type OverviewMeasureRow,
	type OverviewProjectRow,
	type OverviewTrackRow
} from '$lib/server/db/queries/portfolio-overview';
import { getMission, listEffectGoals } from '$lib/server/db/queries/mission';
import { listTracks } from '$lib/server/db/queries/tracks';
import { listActiveUnitNames } from '$lib/server/db/queries/portfolio-people';
import { pickerNames } from '$lib/domain/org/picker-names';

/** Projects shown under every track before it is opened. */
export const PREVIEW_PROJECTS = 3;
/** Projects per page in an opened track, measures per page in an opened project. */
export const PROJECT_PAGE = 25;
export const MEASURE_PAGE = 25;

/**
 * The mission's words and its effect goals, the head of Oversikt and of the API's portfolio:
 * null and none while the mission is not written yet.
 */
export function missionHeader() {
	const mission = getMission();
	return {
		mission: mission
			? {
					grandChallenge: mission.grandChallenge,
					statement: mission.statement,
					baselineYear: mission.baselineYear,
					targetYear: mission.targetYear
				}
			: null,
		goals: mission
			? listEffectGoals(mission.id).map((g) => ({
					id: g.id,
					number: g.number,
					level: g.level,
					title: g.title
				}))
			: []
	};
}

export interface OverviewState {
	filter: PortfolioFilter;
	/** The track listed in full (0: projects without a track). */
	openTrack: number | undefined;
	trackPage: number;
	openProject: number | undefined;
	openUnder: number | undefined;
	measurePage: number;
}

export function readOverviewState(params: URLSearchParams): OverviewState {
	const apne = params.get('apne');
	return {
		filter: parseFilterParams(params),
		openTrack: apne === '0' ? 0 : positiveParam(params, 'apne'),
		trackPage: pageParam(params, 'side'),
		openProject: positiveParam(params, 'tiltak'),
		openUnder: params.get('under') === '0' ? 0 : positiveParam(params, 'under'),
		measurePage: pageParam(params, 'tiltakside')
	};
}

const anchor = {
	track: (trackId: number) => (trackId === 0 ? 'uten-spor' : `spor-${trackId}`),
	project: (trackId: number, projectId: number) => `spor-${trackId}-prosjekt-${projectId}`
};

function measureView(m: OverviewMeasureRow) {
	return {
		id: m.id,
		title: m.title,
		status: m.status,
		owner: m.ownerName,
		units: m.units,
		report: m.reportRag
			? { rag: m.reportRag, period: m.reportPeriod!, narrative: m.reportNarrative! }
			: null
	};
}

export type OverviewMeasure = ReturnType<typeof measureView>;

/** The overview page's data for the URL's filters and open rows. */
export function overviewView(params: URLSearchParams) {
	const state = readOverviewState(params);
	const sql = overviewParams(state.filter);
	const summary = overviewSummary(sql, PREVIEW_PROJECTS);
	const countOf = new Map<number, number>(summary.tracks.map((t) => [t.id, t.projects]));
	countOf.set(0, summary.totals.unassignedProjects);

	// The opened track's page replaces its preview.
	let opened: {
		trackId: number;
		rows: OverviewProjectRow[];
		pager: ReturnType<typeof pagerLinks>;
	} | null = null;
	if (state.openTrack !== undefined && countOf.has(state.openTrack)) {
		const info = pageInfo(countOf.get(state.openTrack)!, PROJECT_PAGE, state.trackPage);
		opened = {
			trackId: state.openTrack,
			rows: listTrackProjectsPage(sql, state.openTrack, PROJECT_PAGE, info.offset),
			pager: pagerLinks(params, info, 'side', anchor.track(state.openTrack))
		};
	}
	const rowsOf = (trackId: number) =>
		opened?.trackId === trackId
			? opened.rows
			: summary.projects.filter((p) => p.trackId === trackId);

	// The project whose measures are open, under the track it was opened from (else its first).
	const openUnder =
		state.openProject === undefined
			? undefined
			: [...countOf.keys()].find(
					(t) =>
						(state.openUnder === undefined || state.openUnder === t) &&
						rowsOf(t).some((p) => p.id === state.openProject)
				);
	let measures: { items: OverviewMeasure[]; pager: ReturnType<typeof pagerLinks> } | null = null;
	if (state.openProject !== undefined && openUnder !== undefined) {
		const shown = rowsOf(openUnder).find((p) => p.id === state.openProject)!;
		const info = pageInfo(shown.measures, MEASURE_PAGE, state.measurePage);
		measures = {
			items: listProjectMeasuresPage(sql, shown.id, MEASURE_PAGE, info.offset).map(measureView),
			pager: pagerLinks(params, info, 'tiltakside', anchor.project(openUnder, shown.id))
		};
	}

	const projectView = (trackId: number) => (p: OverviewProjectRow) => {
		const open = measures !== null && openUnder === trackId && p.id === state.openProject;
		return {
			id: p.id,
			anchor: anchor.project(trackId, p.id),
			title: p.title,
			status: p.status,
			owner: p.ownerName,
			measureCount: p.measures,
			report: p.reportRag
				? { rag: p.reportRag, period: p.reportPeriod!, narrative: p.reportNarrative! }
				: null,
			open,
			toggleHref: open
				? hrefWith(
						params,
						{ tiltak: null, under: null, tiltakside: null },
						anchor.project(trackId, p.id)
					)
				: hrefWith(
						params,
						{ tiltak: p.id, under: trackId, tiltakside: null },
						anchor.project(trackId, p.id)
					),
			measures: open ? measures : null
		};
	};

	const group = (trackId: number, count: number) => {
		const open = opened?.trackId === trackId;
		return {
			anchor: anchor.track(trackId),
			count,
			open,
			projects: rowsOf(trackId).map(projectView(trackId)),
			pager: open ? opened!.pager : null,
			// Opening a track starts at its first page; closing it keeps the open project only if
			// it is still in the preview.
			toggleHref: open
				? hrefWith(params, { apne: null, side: null }, anchor.track(trackId))
				: hrefWith(params, { apne: trackId, side: null }, anchor.track(trackId))
		};
	};

	const trackView = (t: OverviewTrackRow) => ({
		id: t.id,
		code: t.code,
		title: t.title,
		status: t.status,
		owner: t.ownerName,
		measureCount: t.measures,
		rag: { green: t.green, amber: t.amber, red: t.red },
		...group(t.id, t.projects)
	});

	return {
		...missionHeader(),
		totals: summary.totals,
		tracks: summary.tracks.map(trackView),
		unassigned:
			summary.totals.unassignedProjects > 0
				? {
						measureCount: summary.totals.unassignedMeasures,
						...group(0, summary.totals.unassignedProjects)
					}
				: null,
		filtering: isFilterActive(state.filter),
		filterValues: filterValues(state.filter),
		trackOptions: listTracks().map((t) => ({ id: t.id, code: t.code, title: t.title })),
		owners: pickerNames(listLiveOwners()),
		units: listActiveUnitNames()
	};
}

export type OverviewData = ReturnType<typeof overviewView>;
export type OverviewTrack = OverviewData['tracks'][number];
export type OverviewGroup = ReturnType<typeof overviewView>['tracks'][number];
export type OverviewProject = OverviewTrack['projects'][number];
