/**
 * The year's governance beside the wheels' tasks: the steering group's meetings (written by
 * administrators and the steering group, each write audited in its transaction) and the
 * benefits whose owners measure them at set times, with the months a value was logged for.
 */
import { and, asc, desc, eq, gte, isNotNull, lt, lte, sql } from 'drizzle-orm';
import { db } from '..';
import { benefit, realisation, steeringMeeting } from '../schema';
import type { MeasurementFrequency } from '$lib/domain/control/vocabulary';
import type { WriteResult } from '../../result';
import { writeAudit } from './audit';
import { writeTransaction } from './write';

export interface MeetingInput {
	date: string;
	title: string;
	location: string;
}

export type MeetingRow = typeof steeringMeeting.$inferSelect;

/**
 * The reads of the wheel page, «Mine oppgaver» and the feed, prepared once per process like the
 * wheel's own (wheel-reads.ts; docs/architecture.md, «Habits»); id lists bound as JSON.
 */
function prepareAll() {
	return {
		meetings: db
			.select()
			.from(steeringMeeting)
			.where(
				and(
					gte(steeringMeeting.date, sql.placeholder('from')),
					lte(steeringMeeting.date, sql.placeholder('to'))
				)
			)
			.orderBy(asc(steeringMeeting.date))
			.prepare(),
		nextMeeting: db
			.select()
			.from(steeringMeeting)
			.where(gte(steeringMeeting.date, sql.placeholder('day')))
			.orderBy(asc(steeringMeeting.date))
			.limit(1)
			.prepare(),
		lastMeeting: db
			.select()
			.from(steeringMeeting)
			.where(lt(steeringMeeting.date, sql.placeholder('day')))
			.orderBy(desc(steeringMeeting.date))
			.limit(1)
			.prepare(),
		owned: db
			.select({
				id: benefit.id,
				title: benefit.title,
				frequency: sql<MeasurementFrequency>`${benefit.measurementFrequency}`,
				baselineDate: benefit.baselineDate,
				createdAt: benefit.createdAt
			})
			.from(benefit)
			.where(
				and(
					eq(benefit.ownerId, sql.placeholder('ownerId')),
					isNotNull(benefit.measurementFrequency)
				)
			)
			.orderBy(asc(benefit.id))
			.limit(sql.placeholder('limit'))
			.prepare(),
		firstLogged: db
			.select({
				benefitId: realisation.benefitId,
				period: realisation.period,
				at: sql<number>`min(${realisation.createdAt})`
			})
			.from(realisation)
			.where(
				and(
					sql`${realisation.benefitId} in (select value from json_each(${sql.placeholder('ids')}))`,
					gte(realisation.period, sql.placeholder('from')),
					lte(realisation.period, sql.placeholder('to'))
				)
			)
			.groupBy(realisation.benefitId, realisation.period)
			.prepare()
	};
}

let prepared: { client: unknown; reads: ReturnType<typeof prepareAll> } | undefined;

function reads() {
	if (prepared?.client !== db.$client) prepared = { client: db.$client, reads: prepareAll() };
	return prepared.reads;
}

/** Meetings from `from` to `to` (days, inclusive), in date order. */
export function listMeetings(from: string, to: string): MeetingRow[] {
	return reads().meetings.all({ from, to });
}

export function getMeeting(id: number): MeetingRow | undefined {
	return db.select().from(steeringMeeting).where(eq(steeringMeeting.id, id)).get();
}

/** The last meeting before `day`: where «siden forrige møte» starts. */
export function lastMeetingBefore(day: string): MeetingRow | undefined {
	return reads().lastMeeting.get({ day });
}

/** The next meeting on or after `day`. */
export function nextMeetingFrom(day: string): MeetingRow | undefined {
	return reads().nextMeeting.get({ day });
}

function dateTaken(date: string, exceptId: number | null): boolean {
	const row = db
		.select({ id: steeringMeeting.id })
		.from(steeringMeeting)
		.where(eq(steeringMeeting.date, date))
		.get();
	return !!row && row.id !== exceptId;
}

export function createMeeting(
	input: MeetingInput,
	actorId: number,
	now: Date
): WriteResult<number> {
	return writeTransaction((tx) => {
		if (dateTaken(input.date, null)) return { ok: false, reason: 'date_taken' };
		const row = tx
			.insert(steeringMeeting)
			.values({ ...input, createdById: actorId })
			.returning({ id: steeringMeeting.id })
			.get();
		writeAudit(tx, now, {
			actorId,
			entity: 'steering_meeting',
			entityId: row.id,
			action: 'create',
			after: input
		});
		return { ok: true, value: row.id };
	});
}

export function updateMeeting(
	id: number,
	{ version, ...input }: MeetingInput & { version: number },
	actorId: number,
	now: Date
): WriteResult {
	return writeTransaction((tx) => {
		const before = tx.select().from(steeringMeeting).where(eq(steeringMeeting.id, id)).get();
		if (!before) return { ok: false, reason: 'not_found' };
		if (before.version !== version) return { ok: false, reason: 'conflict' };
		if (dateTaken(input.date, id)) return { ok: false, reason: 'date_taken' };
		tx.update(steeringMeeting)
			.set({ ...input, version: version + 1 })
			.where(eq(steeringMeeting.id, id))
			.run();
		writeAudit(tx, now, {
			actorId,
			entity: 'steering_meeting',
			entityId: id,
			action: 'update',
			before: { date: before.date, title: before.title, location: before.location },
			after: input
		});
		return { ok: true, value: undefined };
	});
}

export function deleteMeeting(
	id: number,
	version: number,
	actorId: number,
	now: Date
): WriteResult {
	return writeTransaction((tx) => {
		const before = tx.select().from(steeringMeeting).where(eq(steeringMeeting.id, id)).get();
		if (!before) return { ok: false, reason: 'not_found' };
		if (before.version !== version) return { ok: false, reason: 'conflict' };
		tx.delete(steeringMeeting).where(eq(steeringMeeting.id, id)).run();
		writeAudit(tx, now, {
			actorId,
			entity: 'steering_meeting',
			entityId: id,
			action: 'delete',
			before: { date: before.date, title: before.title, location: before.location }
		});
		return { ok: true, value: undefined };
	});
}

export interface MeasuredBenefitRow {
	id: number;
	title: string;
	frequency: MeasurementFrequency;
	baselineDate: string | null;
	createdAt: Date;
}

/**
 * The benefits `ownerId` owns that are measured at set times, at most `limit` (the owner's
 * ring and task list show what one person answers for, not the whole register).
 */
export function measuredBenefitsOwnedBy(ownerId: number, limit: number): MeasuredBenefitRow[] {
	return reads().owned.all({ ownerId, limit });
}

/**
 * For each (benefit, month) from `fromPeriod` to `toPeriod` that has a logged value, the first
 * moment it was logged (ms): a correction later does not make a measurement late.
 */
export function firstLoggedAt(
	benefitIds: readonly number[],
	fromPeriod: string,
	toPeriod: string
): { benefitId: number; period: string; at: number }[] {
	if (benefitIds.length === 0) return [];
	return reads().firstLogged.all({
		ids: JSON.stringify(benefitIds),
		from: fromPeriod,
		to: toPeriod
	});
}
