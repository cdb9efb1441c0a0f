import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { db, type Queryable, type Tx } from '..';
import { writeAudit } from './audit';
import { directContext, type CreateContext } from './create-context';
import { measure, project, projectScore, projectTrack, risk, track, type Project } from '../schema';
import { type LensScores } from '$lib/domain/portfolio/rules';
import { LENSES } from '$lib/domain/portfolio/vocabulary';
import type { NewProjectInput, ProjectInput } from '$lib/schemas/portfolio';
import { deleteStatusHistory, recordStatus, setArchived } from './lifecycle';
import type { Versioned, WriteResult } from '../../result';
import { userExists } from './portfolio-people';
import { isForeignKeyError, writeTransaction } from './write';
import { benefitIdsOfProject, withGainRollups } from './gain-rollups';

export type ProjectWithLinks = Project & { trackIds: number[]; scores: LensScores };

function scoresOf(rows: (typeof projectScore.$inferSelect)[]): LensScores {
	const scores: LensScores = {};
	for (const r of rows) scores[r.lens] = { score: r.score, justification: r.justification };
	return scores;
}

let prepared:
	| {
			projects: ReturnType<typeof prepareProjects>;
			links: ReturnType<typeof prepareLinks>;
			scores: ReturnType<typeof prepareScores>;
	  }
	| undefined;
function prepareProjects() {
	return db
		.select()
		.from(project)
		.where(isNull(project.archivedAt))
		.orderBy(asc(project.title))
		.prepare();
}
function prepareLinks() {
	return db.select().from(projectTrack).prepare();
}
function prepareScores() {
	return db.select().from(projectScore).prepare();
}

/**
 * Projects not archived, with their tracks and lens scores. Prepared: the overview and the
 * portfolio page run it on every load.
 */
export function listProjects(): ProjectWithLinks[] {
	prepared ??= { projects: prepareProjects(), links: prepareLinks(), scores: prepareScores() };
	const tracksOf = new Map<number, number[]>();
	for (const l of prepared.links.all()) {
		tracksOf.set(l.projectId, [...(tracksOf.get(l.projectId) ?? []), l.trackId]);
	}
	const scoreRows = new Map<number, (typeof projectScore.$inferSelect)[]>();
	for (const s of prepared.scores.all()) {
		scoreRows.set(s.projectId, [...(scoreRows.get(s.projectId) ?? []), s]);
	}
	return prepared.projects.all().map((p) => ({
		...p,
		trackIds: tracksOf.get(p.id) ?? [],
		scores: scoresOf(scoreRows.get(p.id) ?? [])
	}));
}

export function listProjectsByTrack(trackId: number): ProjectWithLinks[] {
	return listProjects().filter((p) => p.trackIds.includes(trackId));
}

/** The project's own row, without its tracks and scores: what an access check needs. */
export function getProjectRow(id: number, q: Queryable = db): Project | undefined {
	return q.select().from(project).where(eq(project.id, id)).get();
}

export function getProjectById(id: number, q: Queryable = db): ProjectWithLinks | undefined {
	const row = q.select().from(project).where(eq(project.id, id)).get();
	if (!row) return undefined;
	const trackIds = q
		.select({ trackId: projectTrack.trackId })
		.from(projectTrack)
		.where(eq(projectTrack.projectId, id))
		.all()
		.map((l) => l.trackId);
	const scores = q.select().from(projectScore).where(eq(projectScore.projectId, id)).all();
	return { ...row, trackIds, scores: scoresOf(scores) };
}

/** Who scored and when, per lens, for the project page. */
export function listProjectScores(projectId: number) {
	return db.select().from(projectScore).where(eq(projectScore.projectId, projectId)).all();
}

function auditable(p: ProjectWithLinks | (Project & { trackIds: number[] })) {
	return {
		title: p.title,
		description: p.description,
		ownerId: p.ownerId,
		startDate: p.startDate,
		endDate: p.endDate,
		status: p.status,
		levels: p.levels,
		trackIds: p.trackIds
	};
}

function tracksUsable(q: Queryable, missionId: number, trackIds: number[]): boolean {
	const rows = q
		.select({ id: track.id, missionId: track.missionId, archivedAt: track.archivedAt })
		.from(track)
		.where(inArray(track.id, trackIds))
		.all();
	return (
		rows.length === trackIds.length && rows.every((t) => t.missionId === missionId && !t.archivedAt)
	);
}

/** A new project starts as «forslag» (seed 004: every measure starts as a proposal). */
export function createProject(
	missionId: number,
	input: NewProjectInput,
	actorId: number | null,
	now: Date
): WriteResult<number> {
	return writeTransaction((tx) =>
		insertProject(tx, missionId, input, actorId, now, directContext(tx, now))
	);
}

/** createProject's checks and writes inside the caller's transaction `tx`. */
export function insertProject(
	tx: Tx,
	missionId: number,
	input: NewProjectInput,
	actorId: number | null,
	now: Date,
	ctx: CreateContext
): WriteResult<number> {
	if (!ctx.userExists(input.ownerId)) return { ok: false, reason: 'owner_missing' } as const;
	if (!tracksUsable(tx, missionId, input.trackIds)) {
		return { ok: false, reason: 'track_missing' } as const;
	}
	const { trackIds, ...fields } = input;
	const row = tx
		.insert(project)
		.values({ missionId, ...fields })
		.returning()
		.get();
	for (const trackId of trackIds) {
		tx.insert(projectTrack).values({ projectId: row.id, trackId }).run();
	}
	recordStatus(tx, 'project', row.id, null, row.status, null, actorId, now);
	ctx.audit({
		actorId,
		entity: 'project',
		entityId: row.id,
		action: 'create',
		after: auditable({ ...row, trackIds })
	});
	return { ok: true, value: row.id } as const;
}

/**
 * Saves the project form. `version` is the version the form was loaded with; when someone
 * else saved in between nothing is written and the reason is `conflict`, so the page can show
 * the newer values instead of silently overwriting them.
 */
export function updateProject(
	id: number,
	input: ProjectInput,
	actorId: number,
	now: Date
): WriteResult {
	return writeTransaction((tx) => {
		const before = getProjectById(id, tx);
		if (!before) return { ok: false, reason: 'not_found' } as const;
		if (before.version !== input.version) return { ok: false, reason: 'conflict' } as const;
		if (!userExists(input.ownerId, tx)) return { ok: false, reason: 'owner_missing' } as const;
		if (!tracksUsable(tx, before.missionId, input.trackIds)) {
			// A track archived since the form was loaded may stay if it was already linked.
			const stillLinked = input.trackIds.every(
				(t) => before.trackIds.includes(t) || tracksUsable(tx, before.missionId, [t])
			);
			if (!stillLinked) return { ok: false, reason: 'track_missing' } as const;
		}
		const { trackIds, version, ...fields } = input;
		const updated = tx
			.update(project)
			.set({ ...fields, version: version + 1 })
			.where(and(eq(project.id, id), eq(project.version, version)))
			.returning()
			.get();
		if (!updated) return { ok: false, reason: 'conflict' } as const;
		// The project's benefits count in its tracks' sums: they move with the links.
		withGainRollups(benefitIdsOfProject(id), () => {
			tx.delete(projectTrack).where(eq(projectTrack.projectId, id)).run();
			for (const trackId of trackIds)
				tx.insert(projectTrack).values({ projectId: id, trackId }).run();
		});
		writeAudit(tx, now, {
			actorId,
			entity: 'project',
			entityId: id,
			action: 'update',
			before: auditable(before),
			after: auditable({ ...updated, trackIds })
		});
		return { ok: true, value: undefined } as const;
	});
}

/**
 * The steering group's assessment on the five lenses (seed 001 «Kriterier for prioritering»).
 * The submitted set replaces the previous one: a lens left blank is no longer scored. The form
 * shows the current set, so it carries the set's version (`scoresVersion`): a set saved by
 * someone else since the form was loaded is not replaced (`conflict`).
 */
export function saveProjectScores(
	projectId: number,
	{ scores, version }: { scores: LensScores } & Versioned,
	actorId: number,
	now: Date
): WriteResult {
	return db.transaction((tx) => {
		const before = getProjectById(projectId, tx);
		if (!before) return { ok: false, reason: 'not_found' } as const;
		const bumped = tx
			.update(project)
			.set({ scoresVersion: version + 1 })
			.where(and(eq(project.id, projectId), eq(project.scoresVersion, version)))
			.returning({ id: project.id })
			.get();
		if (!bumped) return { ok: false, reason: 'conflict' } as const;
		const scoredAt = now;
		tx.delete(projectScore).where(eq(projectScore.projectId, projectId)).run();
		for (const lens of LENSES) {
			const entry = scores[lens];
			if (!entry) continue;
			tx.insert(projectScore)
				.values({ projectId, lens, ...entry, scoredBy: actorId, scoredAt })
				.run();
		}
		writeAudit(tx, now, {
			actorId,
			entity: 'project',
			entityId: projectId,
			action: 'score',
			before: before.scores,
			after: scores
		});
		return { ok: true, value: undefined } as const;
	});
}

/**
 * Runs a delete; SQLite refusing it because rows of another area (a benefit map) point at
 * the row answers `has_children` instead of an error.
 */
export function refusedWhenReferenced(write: () => WriteResult): WriteResult {
	try {
		return write();
	} catch (e) {
		if (isForeignKeyError(e)) return { ok: false, reason: 'has_children' };
		throw e;
	}
}

/**
 * Deleting is for mistakes: a project with measures or risks is refused (`has_children`),
 * archive it instead. Rows in other areas that point at it (benefit maps) refuse it too.
 */
export function deleteProject(id: number, actorId: number, now: Date): WriteResult {
	return refusedWhenReferenced(() =>
		db.transaction((tx) => {
			const before = getProjectById(id, tx);
			if (!before) return { ok: false, reason: 'not_found' } as const;
			const children =
				tx.select({ id: measure.id }).from(measure).where(eq(measure.projectId, id)).all().length +
				tx.select({ id: risk.id }).from(risk).where(eq(risk.projectId, id)).all().length;
			if (children > 0) return { ok: false, reason: 'has_children' } as const;
			tx.delete(projectTrack).where(eq(projectTrack.projectId, id)).run();
			tx.delete(projectScore).where(eq(projectScore.projectId, id)).run();
			deleteStatusHistory(tx, 'project', id);
			tx.delete(project).where(eq(project.id, id)).run();
			writeAudit(tx, now, {
				actorId,
				entity: 'project',
				entityId: id,
				action: 'delete',
				before: auditable(before)
			});
			return { ok: true, value: undefined } as const;
		})
	);
}

export function setProjectArchived(
	id: number,
	archived: boolean,
	actorId: number,
	now: Date
): WriteResult {
	return setArchived('project', id, archived, actorId, now);
}
