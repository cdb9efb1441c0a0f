import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { db } from '..';
import { writeAudit } from './audit';
import { effectGoal, mission, type EffectGoal, type Mission } from '../schema';
import type { EffectGoalInput, MissionInput } from '$lib/schemas/portfolio';
import type { Versioned, WriteResult } from '../../result';

// Every benefit page load reads the mission and its goals: prepared once (docs/architecture.md, «Habits»).
function prepareReads() {
	return {
		mission: db.select().from(mission).orderBy(asc(mission.id)).limit(1).prepare(),
		goals: db
			.select()
			.from(effectGoal)
			.where(
				and(eq(effectGoal.missionId, sql.placeholder('missionId')), isNull(effectGoal.archivedAt))
			)
			.orderBy(asc(effectGoal.number))
			.prepare()
	};
}
let reads: ReturnType<typeof prepareReads> | undefined;

/** The portfolio has one mission (seed 001: «Vår mission»); the first row is it. */
export function getMission(): Mission | undefined {
	reads ??= prepareReads();
	return reads.mission.get();
}

function missionFields(m: Mission) {
	return {
		grandChallenge: m.grandChallenge,
		statement: m.statement,
		baselineYear: m.baselineYear,
		targetYear: m.targetYear
	};
}

/**
 * Creates the mission or updates it. `version` is the version the form was loaded with;
 * a mismatch means someone saved in between (reason `conflict`). A save without a version
 * was loaded before any mission existed: someone has created one since, so that is a conflict
 * too. The gain settings' columns (hourly rate, behind-plan margin) are left untouched.
 */
export function saveMission(
	input: MissionInput & { version?: number },
	actorId: number | null,
	now: Date
): WriteResult<number> {
	return db.transaction((tx) => {
		const before = tx.select().from(mission).orderBy(asc(mission.id)).limit(1).get();
		if (!before) {
			const row = tx.insert(mission).values(input).returning().get();
			writeAudit(tx, now, {
				actorId,
				entity: 'mission',
				entityId: row.id,
				action: 'create',
				after: missionFields(row)
			});
			return { ok: true, value: row.id } as const;
		}
		if (input.version !== before.version) return { ok: false, reason: 'conflict' } as const;
		const after = tx
			.update(mission)
			.set({
				grandChallenge: input.grandChallenge,
				statement: input.statement,
				baselineYear: input.baselineYear,
				targetYear: input.targetYear,
				version: before.version + 1
			})
			.where(and(eq(mission.id, before.id), eq(mission.version, before.version)))
			.returning()
			.get();
		if (!after) return { ok: false, reason: 'conflict' } as const;
		writeAudit(tx, now, {
			actorId,
			entity: 'mission',
			entityId: before.id,
			action: 'update',
			before: missionFields(before),
			after: missionFields(after)
		});
		return { ok: true, value: before.id } as const;
	});
}

export function listEffectGoals(missionId: number): EffectGoal[] {
	reads ??= prepareReads();
	return reads.goals.all({ missionId });
}

export function getEffectGoalById(id: number): EffectGoal | undefined {
	return db.select().from(effectGoal).where(eq(effectGoal.id, id)).get();
}

function goalFields(g: EffectGoal) {
	return { number: g.number, level: g.level, title: g.title, indicator: g.indicator };
}

/** New goals are numbered after the highest existing one («Effektmål 4» after 1–3). */
export function createEffectGoal(
	missionId: number,
	input: EffectGoalInput,
	actorId: number | null,
	now: Date
): WriteResult<number> {
	return db.transaction((tx) => {
		const existing = tx
			.select({ number: effectGoal.number })
			.from(effectGoal)
			.where(eq(effectGoal.missionId, missionId))
			.all();
		const number = Math.max(0, ...existing.map((g) => g.number)) + 1;
		const row = tx
			.insert(effectGoal)
			.values({ missionId, number, ...input })
			.returning()
			.get();
		writeAudit(tx, now, {
			actorId,
			entity: 'effect_goal',
			entityId: row.id,
			action: 'create',
			after: goalFields(row)
		});
		return { ok: true, value: row.id } as const;
	});
}

/** Saves an effect goal's form if the goal still has the version it was loaded with. */
export function updateEffectGoal(
	id: number,
	{ version, ...input }: EffectGoalInput & Versioned,
	actorId: number,
	now: Date
): WriteResult {
	return db.transaction((tx) => {
		const before = tx.select().from(effectGoal).where(eq(effectGoal.id, id)).get();
		if (!before || before.archivedAt) return { ok: false, reason: 'not_found' } as const;
		const after = tx
			.update(effectGoal)
			.set({ ...input, version: version + 1 })
			.where(and(eq(effectGoal.id, id), eq(effectGoal.version, version)))
			.returning()
			.get();
		if (!after) return { ok: false, reason: 'conflict' } as const;
		writeAudit(tx, now, {
			actorId,
			entity: 'effect_goal',
			entityId: id,
			action: 'update',
			before: goalFields(before),
			after: goalFields(after)
		});
		return { ok: true, value: undefined } as const;
	});
}

/** Effect goals are archived, never deleted: benefit maps point at them. */
export function archiveEffectGoal(id: number, actorId: number, now: Date): WriteResult {
	return db.transaction((tx) => {
		const before = tx.select().from(effectGoal).where(eq(effectGoal.id, id)).get();
		if (!before || before.archivedAt) return { ok: false, reason: 'not_found' } as const;
		const archivedAt = now;
		tx.update(effectGoal).set({ archivedAt }).where(eq(effectGoal.id, id)).run();
		writeAudit(tx, now, {
			actorId,
			entity: 'effect_goal',
			entityId: id,
			action: 'archive',
			before: goalFields(before),
			after: { archivedAt }
		});
		return { ok: true, value: undefined } as const;
	});
}
