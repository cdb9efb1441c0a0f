/**
 * The overview tree: mission → tracks → projects → measures, built from flat rows, with counts,
 * owners and the latest status report. Pure: no I/O.
 */
import {
	isFilterActive,
	matchesFilter,
	titleCollator,
	type LensScores,
	type PortfolioFilter
} from './rules';
import { type LifecycleStatus, type RagStatus } from './vocabulary';

export interface Named {
	id: number;
	name: string;
}

export interface MissionRow {
	id: number;
	statement: string;
	grandChallenge?: string;
}

export interface TrackRow {
	id: number;
	code: string;
	title: string;
	status: LifecycleStatus;
	ownerId: number | null;
}

export interface ProjectRow {
	id: number;
	title: string;
	status: LifecycleStatus;
	ownerId: number | null;
	trackIds: readonly number[];
	startDate?: string | null;
	endDate?: string | null;
	scores?: LensScores;
}

export interface MeasureRow {
	id: number;
	projectId: number;
	title: string;
	status: LifecycleStatus;
	ownerId: number | null;
	unitIds: readonly number[];
}

export interface StatusReportRow {
	id: number;
	subject: 'project' | 'measure';
	subjectId: number;
	/** `YYYY-MM` */
	period: string;
	rag: RagStatus;
	narrative: string;
}

export interface TreeInput {
	mission: MissionRow | null;
	tracks: readonly TrackRow[];
	projects: readonly ProjectRow[];
	measures: readonly MeasureRow[];
	reports?: readonly StatusReportRow[];
	users?: readonly Named[];
	units?: readonly Named[];
}

export interface MeasureNode {
	kind: 'measure';
	id: number;
	title: string;
	status: LifecycleStatus;
	owner: Named | null;
	units: Named[];
	latestReport: StatusReportRow | null;
}

export interface ProjectNode {
	kind: 'project';
	id: number;
	title: string;
	status: LifecycleStatus;
	owner: Named | null;
	trackIds: readonly number[];
	startDate: string | null;
	endDate: string | null;
	latestReport: StatusReportRow | null;
	counts: { measures: number };
	measures: MeasureNode[];
}

export interface TrackNode {
	kind: 'track';
	id: number;
	code: string;
	title: string;
	status: LifecycleStatus;
	owner: Named | null;
	counts: { projects: number; measures: number };
	projects: ProjectNode[];
}

export interface PortfolioTree {
	mission: MissionRow | null;
	tracks: TrackNode[];
	/** Projects linked to no (shown) track, so nothing silently disappears from the overview. */
	unassigned: ProjectNode[];
	/** Distinct counts: a project under two tracks counts once here. */
	counts: { tracks: number; projects: number; measures: number };
}

/**
 * Latest report per subject: the latest period wins, then the highest id (the later entry for
 * the same month).
 */
export function latestReports(
	reports: readonly StatusReportRow[]
): Map<`${StatusReportRow['subject']}:${number}`, StatusReportRow> {
	const latest = new Map<`${StatusReportRow['subject']}:${number}`, StatusReportRow>();
	for (const report of reports) {
		const key = `${report.subject}:${report.subjectId}` as const;
		const current = latest.get(key);
		if (
			!current ||
			report.period > current.period ||
			(report.period === current.period && report.id > current.id)
		) {
			latest.set(key, report);
		}
	}
	return latest;
}

function measureMatches(measure: MeasureRow, filter: PortfolioFilter): boolean {
	if (filter.status !== undefined && measure.status !== filter.status) return false;
	if (filter.ownerId !== undefined && measure.ownerId !== filter.ownerId) return false;
	if (filter.unitId !== undefined && !measure.unitIds.includes(filter.unitId)) return false;
	return true;
}

const byCode = (a: TrackRow, b: TrackRow) => titleCollator.compare(a.code, b.code);
const byTitle = (a: { title: string; id: number }, b: { title: string; id: number }) =>
	titleCollator.compare(a.title, b.title) || a.id - b.id;

/**
 * Builds the overview tree from flat rows. A project in two tracks appears under both.
 *
 * Filtering (the overview's filters): `trackId` keeps that track only. Status, owner and unit
 * are matched against projects and measures alike, so a measure owner finds their measure:
 * a project is shown when it matches itself (all its measures shown, narrowed to the unit
 * when a unit is chosen) or when one of its measures matches (only those measures shown).
 * `minScore` applies to projects only. With a filter active, tracks left empty are hidden;
 * counts are of what is shown.
 */
export function buildPortfolioTree(input: TreeInput, filter: PortfolioFilter = {}): PortfolioTree {
	const users = new Map((input.users ?? []).map((u) => [u.id, u]));
	const units = new Map((input.units ?? []).map((u) => [u.id, u]));
	const reports = latestReports(input.reports ?? []);
	const owner = (id: number | null) => (id === null ? null : (users.get(id) ?? null));

	const measuresByProject = new Map<number, MeasureRow[]>();
	for (const measure of [...input.measures].sort(byTitle)) {
		const list = measuresByProject.get(measure.projectId) ?? [];
		list.push(measure);
		measuresByProject.set(measure.projectId, list);
	}

	const toMeasureNode = (m: MeasureRow): MeasureNode => ({
		kind: 'measure',
		id: m.id,
		title: m.title,
		status: m.status,
		owner: owner(m.ownerId),
		units: m.unitIds.flatMap((id) => units.get(id) ?? []),
		latestReport: reports.get(`measure:${m.id}`) ?? null
	});

	const rowFilter: PortfolioFilter = {
		status: filter.status,
		ownerId: filter.ownerId,
		unitId: filter.unitId
	};
	const rowFilterActive = isFilterActive(rowFilter);

	const projectNodes = new Map<number, ProjectNode>();
	for (const project of [...input.projects].sort(byTitle)) {
		const measures = measuresByProject.get(project.id) ?? [];
		const unitIds = [...new Set(measures.flatMap((m) => m.unitIds))];
		if (!matchesFilter({ ...project, unitIds }, { minScore: filter.minScore })) continue;
		let shown = measures;
		if (rowFilterActive) {
			const selfMatch = matchesFilter({ ...project, unitIds }, rowFilter);
			const unitId = rowFilter.unitId;
			shown = selfMatch
				? measures.filter((m) => unitId === undefined || m.unitIds.includes(unitId))
				: measures.filter((m) => measureMatches(m, rowFilter));
			if (!selfMatch && shown.length === 0) continue;
		}
		const measureNodes = shown.map(toMeasureNode);
		projectNodes.set(project.id, {
			kind: 'project',
			id: project.id,
			title: project.title,
			status: project.status,
			owner: owner(project.ownerId),
			trackIds: project.trackIds,
			startDate: project.startDate ?? null,
			endDate: project.endDate ?? null,
			latestReport: reports.get(`project:${project.id}`) ?? null,
			counts: { measures: measureNodes.length },
			measures: measureNodes
		});
	}

	const filtering = isFilterActive(filter);
	const trackIdsShown = new Set<number>();
	const tracks: TrackNode[] = [];
	for (const track of [...input.tracks].sort(byCode)) {
		if (filter.trackId !== undefined && track.id !== filter.trackId) continue;
		const projects = [...projectNodes.values()].filter((p) => p.trackIds.includes(track.id));
		if (filtering && projects.length === 0 && filter.trackId === undefined) continue;
		trackIdsShown.add(track.id);
		tracks.push({
			kind: 'track',
			id: track.id,
			code: track.code,
			title: track.title,
			status: track.status,
			owner: owner(track.ownerId),
			counts: {
				projects: projects.length,
				measures: projects.reduce((sum, p) => sum + p.counts.measures, 0)
			},
			projects
		});
	}

	const inShownTrack = (p: ProjectNode) => p.trackIds.some((id) => trackIdsShown.has(id));
	const knownTracks = new Set(input.tracks.map((t) => t.id));
	// A project whose tracks all exist but are filtered away is not "unassigned", just hidden.
	const unassigned =
		filter.trackId === undefined
			? [...projectNodes.values()].filter((p) => !p.trackIds.some((id) => knownTracks.has(id)))
			: [];
	const visible = [...projectNodes.values()].filter(
		(p) => inShownTrack(p) || unassigned.includes(p)
	);

	return {
		mission: input.mission,
		tracks,
		unassigned,
		counts: {
			tracks: tracks.length,
			projects: visible.length,
			measures: visible.reduce((sum, p) => sum + p.counts.measures, 0)
		}
	};
}

/** `1 prosjekt`, `3 prosjekter`. */
export function countLabel(n: number, one: string, many: string): string {
	return `${n} ${n === 1 ? one : many}`;
}
