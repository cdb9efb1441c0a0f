/**
 * What the mission page, the forms for a new track, project or measure, and each track's,
 * project's and measure's own page show, with its follow-up. The overview, the ranking and
 * the risk picture are in ./overview, ./ranking and ./risks.
 */
import type { SessionUser } from '../../auth/session';
import { getMission, listEffectGoals } from '../../db/queries/mission';
import { listTracks, listTracksByIds } from '../../db/queries/tracks';
import {
	listProjects,
	listProjectScores,
	listProjectsByTrack,
	type ProjectWithLinks as ProjectRow
} from '../../db/queries/projects';
import {
	listMeasuresByProject,
	type MeasureWithUnits as MeasureRow
} from '../../db/queries/measures';
import { listRisksByMeasure, listRisksByProject } from '../../db/queries/risks';
import {
	listStatusChanges,
	listStatusReports,
	type StatusSubject
} from '../../db/queries/lifecycle';
import {
	listActiveUnitNames,
	listOwnerCandidates,
	listUserNames
} from '../../db/queries/portfolio-people';
import { canCreateInPortfolio, canEditAny, canScore } from '../access';
import {
	goalValues,
	measureValues,
	missionValues,
	projectValues,
	trackValues
} from '$lib/portfolio/form-values';
import { osloDay } from '$lib/format';
import { pickerNames } from '$lib/domain/org/picker-names';
import type { Track } from '../../db/schema';

/** Who may own a track, project, measure or risk, told apart where two share a name. */
const ownerChoices = () => pickerNames(listOwnerCandidates());

/** Each person's name by id, for owners, actors and scorers. */
function names() {
	const byId = new Map(listUserNames().map((u) => [u.id, u.name]));
	return (id: number | null) => (id ? (byId.get(id) ?? null) : null);
}

function history(subject: StatusSubject, id: number, nameOf: ReturnType<typeof names>) {
	return listStatusChanges(subject, id).map((c) => ({ ...c, actorName: nameOf(c.actorId) }));
}

export function missionPage() {
	const mission = getMission();
	return {
		mission: mission ? missionValues(mission) : null,
		goals: mission
			? listEffectGoals(mission.id).map((g) => ({
					id: g.id,
					number: g.number,
					level: g.level,
					title: g.title,
					indicator: g.indicator,
					values: goalValues(g)
				}))
			: []
	};
}

/** The form for a new track, project or measure starts with the user as owner. */
export function newTrackPage(user: SessionUser) {
	return {
		hasMission: getMission() !== undefined,
		owners: ownerChoices(),
		values: { ownerId: String(user.id) }
	};
}

export function newProjectPage(user: SessionUser, url: URL) {
	const trackId = url.searchParams.get('spor');
	return {
		hasMission: getMission() !== undefined,
		tracks: listTracks(),
		owners: ownerChoices(),
		values: { ownerId: String(user.id), trackIds: trackId ? [trackId] : [] }
	};
}

/** Projects a user may add measures to or move them to: those they lead (any, for an admin). */
function editableProjects(user: SessionUser, keep?: number) {
	return listProjects()
		.filter((p) => p.id === keep || canEditAny(user, p.ownerId))
		.map((p) => ({ id: p.id, title: p.title }));
}

export function newMeasurePage(user: SessionUser, url: URL) {
	return {
		projects: editableProjects(user),
		units: listActiveUnitNames(),
		owners: ownerChoices(),
		values: { ownerId: String(user.id), projectId: url.searchParams.get('prosjekt') ?? '' }
	};
}

export function trackPage({ user, track }: { user: SessionUser; track: Track }) {
	const nameOf = names();
	return {
		track: { ...track, ownerName: nameOf(track.ownerId) },
		values: trackValues(track),
		projects: listProjectsByTrack(track.id).map((p) => ({
			id: p.id,
			title: p.title,
			status: p.status,
			ownerName: nameOf(p.ownerId)
		})),
		history: history('track', track.id, nameOf),
		owners: ownerChoices(),
		canEdit: canEditAny(user, track.ownerId),
		canCreateProject: canCreateInPortfolio(user),
		canPrioritise: canScore(user)
	};
}

export function projectPage(
	{ user, project }: { user: SessionUser; project: ProjectRow },
	now: Date
) {
	const nameOf = names();
	const linked = listTracksByIds(project.trackIds).map((t) => ({
		...t,
		archived: t.archivedAt !== null
	}));
	// An archived track stays offered (marked) while the project is linked to it, so saving
	// the form does not silently drop the link; new links go to active tracks only.
	const formTracks = [
		...listTracks().map((t) => ({ ...t, archived: false })),
		...linked.filter((t) => t.archived)
	].sort((a, b) => a.code.localeCompare(b.code, 'nb'));
	return {
		project: { ...project, ownerName: nameOf(project.ownerId), tracks: linked },
		values: projectValues(project),
		tracks: formTracks,
		measures: listMeasuresByProject(project.id).map((m) => ({
			id: m.id,
			title: m.title,
			status: m.status,
			ownerName: nameOf(m.ownerId)
		})),
		risks: listRisksByProject(project.id),
		history: history('project', project.id, nameOf),
		reports: listStatusReports('project', project.id),
		scoredBy: listProjectScores(project.id).map((s) => ({ lens: s.lens, by: nameOf(s.scoredBy) })),
		owners: ownerChoices(),
		canEdit: canEditAny(user, project.ownerId),
		canScore: canScore(user),
		currentPeriod: osloDay(now).slice(0, 7),
		userId: user.id
	};
}

export function measurePage(
	ctx: { user: SessionUser; measure: MeasureRow; project: ProjectRow },
	now: Date
) {
	const { user, measure, project } = ctx;
	const nameOf = names();
	const units = listActiveUnitNames();
	return {
		measure: {
			...measure,
			ownerName: nameOf(measure.ownerId),
			unitNames: units.filter((u) => measure.unitIds.includes(u.id)).map((u) => u.name)
		},
		project: { id: project.id, title: project.title },
		values: measureValues(measure),
		projects: editableProjects(user, project.id),
		units,
		risks: listRisksByMeasure(measure.id),
		history: history('measure', measure.id, nameOf),
		reports: listStatusReports('measure', measure.id),
		owners: ownerChoices(),
		canEdit: canEditAny(user, measure.ownerId, project.ownerId),
		currentPeriod: osloDay(now).slice(0, 7),
		userId: user.id
	};
}
