import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { db, type Queryable } from '..';
import { writeAudit } from './audit';
import { project, projectTrack, track, type Track } from '../schema';
import type { TrackInput } from '$lib/schemas/portfolio';
import { deleteStatusHistory, recordStatus, setArchived } from './lifecycle';
import { refusedWhenReferenced } from './projects';
import type { WriteResult } from '../../result';
import { userExists } from './portfolio-people';
import { writeTransaction } from './write';

/**
 * Codes in the order a reader counts them: 2 before 10 (shorter first, then as text), which for
 * codes of one prefix («S2», «S10») is their number's order.
 */
const byCode = [sql`length(${track.code})`, asc(track.code)] as const;

let activeTracks: ReturnType<typeof prepareTracks> | undefined;
function prepareTracks() {
	return db
		.select()
		.from(track)
		.where(isNull(track.archivedAt))
		.orderBy(...byCode)
		.prepare();
}

/** Tracks not archived, by code. Prepared: the overview and portfolio pages run it every load. */
export function listTracks(): Track[] {
	activeTracks ??= prepareTracks();
	return activeTracks.all();
}

/** The given tracks, archived or not, by code: a project keeps showing the tracks it is linked to. */
export function listTracksByIds(ids: number[]): Track[] {
	if (ids.length === 0) return [];
	return db
		.select()
		.from(track)
		.where(inArray(track.id, ids))
		.orderBy(...byCode)
		.all();
}

export function getTrackById(id: number): Track | undefined {
	return db.select().from(track).where(eq(track.id, id)).get();
}

function trackFields(t: Track) {
	return {
		code: t.code,
		title: t.title,
		problemStatement: t.problemStatement,
		barriers: t.barriers,
		expectedEffectUser: t.expectedEffectUser,
		expectedEffectService: t.expectedEffectService,
		expectedEffectSystem: t.expectedEffectSystem,
		ownerId: t.ownerId,
		status: t.status,
		prioritised: t.prioritised,
		archivedAt: t.archivedAt
	};
}

function codeTaken(q: Queryable, missionId: number, code: string, exceptId?: number): boolean {
	const row = q
		.select({ id: track.id })
		.from(track)
		.where(and(eq(track.missionId, missionId), eq(track.code, code)))
		.get();
	return row !== undefined && row.id !== exceptId;
}

/** The code is unique within the mission; archived tracks keep their code. */
export function createTrack(
	missionId: number,
	input: TrackInput,
	actorId: number | null,
	now: Date
): WriteResult<number> {
	return writeTransaction((tx) => {
		if (codeTaken(tx, missionId, input.code)) return { ok: false, reason: 'code_taken' } as const;
		if (!userExists(input.ownerId, tx)) return { ok: false, reason: 'owner_missing' } as const;
		const row = tx
			.insert(track)
			.values({ missionId, ...input })
			.returning()
			.get();
		recordStatus(tx, 'track', row.id, null, row.status, null, actorId, now);
		writeAudit(tx, now, {
			actorId,
			entity: 'track',
			entityId: row.id,
			action: 'create',
			after: trackFields(row)
		});
		return { ok: true, value: row.id } as const;
	});
}

/**
 * Saves the track form. `version` is what the form was loaded with: if someone saved in
 * between, nothing is written (reason `conflict`). The status is not part of it: it moves
 * through `changeStatus`, which checks the lifecycle rules and keeps the history.
 */
export function updateTrack(
	id: number,
	input: Omit<TrackInput, 'status'> & { version: number },
	actorId: number,
	now: Date
): WriteResult {
	return writeTransaction((tx) => {
		const before = tx.select().from(track).where(eq(track.id, id)).get();
		if (!before) return { ok: false, reason: 'not_found' } as const;
		if (before.version !== input.version) return { ok: false, reason: 'conflict' } as const;
		if (codeTaken(tx, before.missionId, input.code, id)) {
			return { ok: false, reason: 'code_taken' } as const;
		}
		if (!userExists(input.ownerId, tx)) return { ok: false, reason: 'owner_missing' } as const;
		const { version, ...fields } = input;
		const after = tx
			.update(track)
			.set({ ...fields, version: version + 1 })
			.where(and(eq(track.id, id), eq(track.version, version)))
			.returning()
			.get();
		if (!after) return { ok: false, reason: 'conflict' } as const;
		writeAudit(tx, now, {
			actorId,
			entity: 'track',
			entityId: id,
			action: 'update',
			before: trackFields(before),
			after: trackFields(after)
		});
		return { ok: true, value: undefined } as const;
	});
}

export function countProjectsInTrack(trackId: number): number {
	return db
		.select({ id: projectTrack.projectId })
		.from(projectTrack)
		.innerJoin(project, eq(project.id, projectTrack.projectId))
		.where(eq(projectTrack.trackId, trackId))
		.all().length;
}

/**
 * A track with projects is refused (reason `has_children`): archive it instead. So is one that
 * rows of other areas (benefit maps) point at.
 */
export function deleteTrack(id: number, actorId: number, now: Date): WriteResult {
	return refusedWhenReferenced(() =>
		db.transaction((tx) => {
			const before = tx.select().from(track).where(eq(track.id, id)).get();
			if (!before) return { ok: false, reason: 'not_found' } as const;
			const links = tx.select().from(projectTrack).where(eq(projectTrack.trackId, id)).all();
			if (links.length > 0) return { ok: false, reason: 'has_children' } as const;
			deleteStatusHistory(tx, 'track', id);
			tx.delete(track).where(eq(track.id, id)).run();
			writeAudit(tx, now, {
				actorId,
				entity: 'track',
				entityId: id,
				action: 'delete',
				before: trackFields(before)
			});
			return { ok: true, value: undefined } as const;
		})
	);
}

export function setTrackArchived(
	id: number,
	archived: boolean,
	actorId: number,
	now: Date
): WriteResult {
	return setArchived('track', id, archived, actorId, now);
}

/** The steering group's choice of which tracks to go on with (seed 001: 1A/1B and 5). */
export function setTrackPrioritised(
	id: number,
	prioritised: boolean,
	actorId: number,
	now: Date
): WriteResult {
	return db.transaction((tx) => {
		const before = tx.select().from(track).where(eq(track.id, id)).get();
		if (!before) return { ok: false, reason: 'not_found' } as const;
		tx.update(track)
			.set({ prioritised, version: before.version + 1 })
			.where(eq(track.id, id))
			.run();
		writeAudit(tx, now, {
			actorId,
			entity: 'track',
			entityId: id,
			action: 'prioritise',
			before: { prioritised: before.prioritised },
			after: { prioritised }
		});
		return { ok: true, value: undefined } as const;
	});
}
