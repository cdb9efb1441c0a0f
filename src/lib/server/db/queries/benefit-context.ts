/**
 * Reads of portfolio tables that the benefit pages need (issue 4). Kept apart from the
 * portfolio's own query files (issue 3) so the two areas do not edit the same file.
 */
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { db } from '..';
import { effectGoal, measure, mission, project, projectTrack, track } from '../schema';

export type MissionRow = typeof mission.$inferSelect;

/** The mission (one per installation); the first by id when there are several. */
export function getMission(): MissionRow | undefined {
	return db.select().from(mission).orderBy(asc(mission.id)).limit(1).get();
}

export function listEffectGoals(missionId: number) {
	return db
		.select()
		.from(effectGoal)
		.where(and(eq(effectGoal.missionId, missionId), isNull(effectGoal.archivedAt)))
		.orderBy(asc(effectGoal.number))
		.all();
}

export function listTracks(missionId: number) {
	return db
		.select({ id: track.id, code: track.code, title: track.title })
		.from(track)
		.where(and(eq(track.missionId, missionId), isNull(track.archivedAt)))
		.orderBy(asc(track.code))
		.all();
}

export type ContextProject = {
	id: number;
	title: string;
	ownerId: number | null;
	missionId: number;
	trackIds: number[];
};

export function listProjectsWithTracks(missionId: number): ContextProject[] {
	const projects = db
		.select({
			id: project.id,
			title: project.title,
			ownerId: project.ownerId,
			missionId: project.missionId
		})
		.from(project)
		.where(and(eq(project.missionId, missionId), isNull(project.archivedAt)))
		.orderBy(asc(project.title))
		.all();
	const links = db.select().from(projectTrack).all();
	return projects.map((p) => ({
		...p,
		trackIds: links.filter((l) => l.projectId === p.id).map((l) => l.trackId)
	}));
}

export function getProjectForMap(id: number): ContextProject | undefined {
	const row = db
		.select({
			id: project.id,
			title: project.title,
			ownerId: project.ownerId,
			missionId: project.missionId
		})
		.from(project)
		.where(eq(project.id, id))
		.get();
	if (!row) return undefined;
	const trackIds = db
		.select({ trackId: projectTrack.trackId })
		.from(projectTrack)
		.where(eq(projectTrack.projectId, id))
		.all()
		.map((r) => r.trackId);
	return { ...row, trackIds };
}

export function listMeasuresByProjects(projectIds: number[]) {
	if (!projectIds.length) return [];
	return db
		.select({ id: measure.id, projectId: measure.projectId, title: measure.title })
		.from(measure)
		.where(and(inArray(measure.projectId, projectIds), isNull(measure.archivedAt)))
		.orderBy(asc(measure.id))
		.all();
}
