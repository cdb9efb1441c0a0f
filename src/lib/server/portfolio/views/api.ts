/**
 * The portfolio as the JSON API answers it (docs/api.md): the overview's figures without its
 * links, and a track's projects or a project's measures a page at a time, from the same SQL
 * as Oversikt (db/queries/portfolio-overview.ts).
 */
import { error } from '@sveltejs/kit';
import { pageInfo } from '$lib/paging';
import type { MeasuresResponse, PortfolioResponse, ProjectsResponse } from '$lib/schemas/api';
import {
	listProjectMeasuresPage,
	listTrackProjectsPage,
	overviewParams,
	overviewSummary,
	type OverviewMeasureRow,
	type OverviewProjectRow
} from '$lib/server/db/queries/portfolio-overview';
import { MEASURE_PAGE, PROJECT_PAGE, missionHeader } from './overview';
import { pagePastEnd } from '../messages';

/** The page asked for; one past the last is 404, so a client's loop ends instead of repeating. */
function pageOrNotFound(total: number, size: number, requested: number) {
	const info = pageInfo(total, size, requested);
	if (requested > info.pages) error(404, pagePastEnd(info.pages));
	return info;
}

const UNFILTERED = overviewParams({});

const report = (r: Pick<OverviewProjectRow, 'reportRag' | 'reportPeriod' | 'reportNarrative'>) =>
	r.reportRag ? { rag: r.reportRag, period: r.reportPeriod!, narrative: r.reportNarrative! } : null;

export function portfolioApi(): PortfolioResponse {
	const summary = overviewSummary(UNFILTERED, 0);
	return {
		...missionHeader(),
		totals: summary.totals,
		tracks: summary.tracks.map((t) => ({
			id: t.id,
			code: t.code,
			title: t.title,
			status: t.status,
			owner: t.ownerName,
			projectCount: t.projects,
			measureCount: t.measures,
			projectsByReport: { green: t.green, amber: t.amber, red: t.red }
		}))
	};
}

/** A track's projects (0: those without a track), or null for a track that is not live. */
export function projectsApi(trackId: number, page: number): ProjectsResponse | null {
	const summary = overviewSummary(UNFILTERED, 0);
	const total =
		trackId === 0
			? summary.totals.unassignedProjects
			: summary.tracks.find((t) => t.id === trackId)?.projects;
	if (total === undefined) return null;
	const info = pageOrNotFound(total, PROJECT_PAGE, page);
	return {
		trackId,
		items: listTrackProjectsPage(UNFILTERED, trackId, PROJECT_PAGE, info.offset).map((p) => ({
			id: p.id,
			title: p.title,
			status: p.status,
			owner: p.ownerName,
			measureCount: p.measures,
			report: report(p)
		})),
		paging: { page: info.page, pages: info.pages, total }
	};
}

const measure = (m: OverviewMeasureRow) => ({
	id: m.id,
	title: m.title,
	status: m.status,
	owner: m.ownerName,
	units: m.units,
	report: report(m)
});

/** A project's measures, a page at a time (a page past the end: 404). */
export function measuresApi(projectId: number, page: number): MeasuresResponse {
	const count = (rows: { total: number }[]) => rows[0]?.total ?? 0;
	const rows = listProjectMeasuresPage(
		UNFILTERED,
		projectId,
		MEASURE_PAGE,
		(page - 1) * MEASURE_PAGE
	);
	// An empty page past the first carries no total: count to say how many pages there are.
	const total =
		rows.length === 0 && page > 1
			? count(listProjectMeasuresPage(UNFILTERED, projectId, 1, 0))
			: count(rows);
	const info = pageOrNotFound(total, MEASURE_PAGE, page);
	return {
		projectId,
		items: rows.map(measure),
		paging: { page: info.page, pages: info.pages, total }
	};
}
