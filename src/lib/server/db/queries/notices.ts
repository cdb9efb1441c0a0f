/**
 * Notices and their e-mail digests: which notices the day calls for (the rule is
 * src/lib/domain/control/notices.ts; the rows come from the set-based occurrence queries, one
 * pass over every unit, and the deviations past their deadline), storing them once per
 * (person, key), the list a person reads, and the sent-log that makes one digest per person
 * and Oslo day.
 */
import { and, asc, desc, eq, gt, gte, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import { db } from '..';
import { deviation, notice, noticeDigest, roleAssignment, unit, user } from '../schema';
import { openOccurrences, type OpenCursor, type SetWindow } from './wheel-sets';
import { monthEndsOfYear } from '$lib/domain/wheel/calendar';
import { osloDay } from '$lib/format';
import {
	daysBetween,
	planNotices,
	type NoticeOccurrence,
	type NoticeParams,
	type NoticeRules,
	type PlannedNotice
} from '$lib/domain/control/notices';

/**
 * How far back unsigned occurrences are looked at: an occurrence overdue longer than this has
 * had its overdue and escalation notices long since (escalation comes after days, not months).
 */
export const NOTICE_LOOKBACK_DAYS = 92;
const PAGE = 2000;

function addDays(day: string, n: number): string {
	const d = new Date(`${day}T12:00:00Z`);
	d.setUTCDate(d.getUTCDate() + n);
	return d.toISOString().slice(0, 10);
}

/** Month ends from the month of `from` to that of `to` (`YYYY-MM-DD`), as the set queries take. */
function monthEndsBetween(from: string, to: string): string[] {
	const years = [];
	for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++) years.push(y);
	return years
		.flatMap(monthEndsOfYear)
		.filter((end) => end.slice(0, 7) >= from.slice(0, 7) && end.slice(0, 7) <= to.slice(0, 7));
}

/** Unsigned occurrences due from `from` up to and including `to`, every unit, in pages. */
function unsignedOccurrences(today: string, from: string, to: string): NoticeOccurrence[] {
	const window: SetWindow = {
		monthEnds: monthEndsBetween(from, to),
		today,
		wheelId: null,
		scope: { kind: 'all' }
	};
	const out: NoticeOccurrence[] = [];
	let after: OpenCursor | null = null;
	for (;;) {
		const rows = openOccurrences(window, { before: addDays(to, 1), from, after, limit: PAGE });
		for (const r of rows) {
			out.push({
				taskId: r.taskId,
				unitId: r.unitId,
				period: r.period,
				dueDate: r.dueDate,
				title: r.title,
				unitName: r.unitName,
				signed: false
			});
		}
		if (rows.length < PAGE) return out;
		const last = rows[rows.length - 1]!;
		after = { dueDate: last.dueDate, unitId: last.unitId, taskId: last.taskId };
	}
}

/** Every unit's parent, and each unit's active leaders: a few thousand rows at most. */
function unitTree() {
	const parentOf = new Map(
		db
			.select({ id: unit.id, parentId: unit.parentId })
			.from(unit)
			.all()
			.map((u) => [u.id, u.parentId] as const)
	);
	const leadersOf = new Map<number, number[]>();
	const leaders = db
		.select({ unitId: roleAssignment.unitId, userId: roleAssignment.userId })
		.from(roleAssignment)
		.innerJoin(user, eq(user.id, roleAssignment.userId))
		.where(and(eq(roleAssignment.role, 'unit_leader'), eq(user.active, true)))
		.all();
	for (const l of leaders) {
		if (l.unitId === null) continue;
		leadersOf.set(l.unitId, [...(leadersOf.get(l.unitId) ?? []), l.userId]);
	}
	return { parentOf, leadersOf };
}

/** Open deviations past their deadline (deviation_status_deadline_idx). */
function overdueDeviations(today: string) {
	return db
		.select({
			id: deviation.id,
			unitId: deviation.unitId,
			unitName: unit.name,
			title: deviation.title,
			deadline: deviation.deadline,
			responsibleId: deviation.responsibleId
		})
		.from(deviation)
		.innerJoin(unit, eq(unit.id, deviation.unitId))
		.where(and(eq(deviation.status, 'open'), lt(deviation.deadline, today)))
		.all()
		.map((d) => ({ ...d, open: true }));
}

/** The notices `now`'s Oslo day calls for (not yet stored or not). */
export function dueNotices(now: Date, rules: NoticeRules): PlannedNotice[] {
	const today = osloDay(now);
	const occurrences = unsignedOccurrences(
		today,
		addDays(today, -NOTICE_LOOKBACK_DAYS),
		addDays(today, rules.dueSoonDays)
	);
	// Only those the rule can act on: overdue ones and those due within the days given.
	const relevant = occurrences.filter((o) => daysBetween(today, o.dueDate) <= rules.dueSoonDays);
	return planNotices({
		today,
		rules,
		occurrences: relevant,
		deviations: overdueDeviations(today),
		...unitTree()
	});
}

/** Stores the notices not stored yet for their person (unique (user_id, key)); how many. */
export function insertNotices(planned: PlannedNotice[], now: Date): number {
	if (planned.length === 0) return 0;
	return db.transaction((tx) => {
		let added = 0;
		for (const n of planned) {
			const r = tx
				.insert(notice)
				.values({ ...n, createdAt: now })
				.onConflictDoNothing({ target: [notice.userId, notice.key] })
				.run();
			added += r.changes;
		}
		return added;
	});
}

/** Makes and stores the day's notices; how many were new. */
export function createDueNotices(now: Date, rules: NoticeRules): number {
	return insertNotices(dueNotices(now, rules), now);
}

/**
 * People with notices not yet mailed, unread and recent (`since`): a notice read in the app,
 * or older than that, is not worth an e-mail any more. Through notice_digest_pending_idx.
 */
export function pendingDigestNotices(since: Date) {
	return db
		.select({
			id: notice.id,
			userId: notice.userId,
			email: user.email,
			name: user.name,
			locale: user.locale,
			kind: notice.kind,
			title: notice.title,
			body: notice.body,
			params: notice.params,
			href: notice.href,
			createdAt: notice.createdAt
		})
		.from(notice)
		.innerJoin(user, eq(user.id, notice.userId))
		.where(
			and(
				isNull(notice.digestId),
				isNull(notice.readAt),
				gte(notice.createdAt, since),
				eq(user.active, true)
			)
		)
		.orderBy(asc(notice.userId), asc(notice.createdAt), asc(notice.id))
		.all();
}

/**
 * Claims today's digest for a person: the digest row (unique per person and Oslo day) and the
 * notices it carries, in one transaction. Undefined when the person has had today's digest
 * already, so a second run the same day (or a second process) sends nothing.
 */
export function claimDigest(userId: number, day: string, noticeIds: number[], now: Date) {
	return db.transaction((tx) => {
		const row = tx
			.insert(noticeDigest)
			.values({ userId, day, createdAt: now })
			.onConflictDoNothing()
			.returning({ id: noticeDigest.id })
			.get();
		if (!row) return undefined;
		tx.update(notice)
			.set({ digestId: row.id })
			.where(and(inArray(notice.id, noticeIds), isNull(notice.digestId)))
			.run();
		return row.id;
	});
}

export function markDigestSent(digestId: number, messageId: string, now: Date): void {
	db.update(noticeDigest)
		.set({ sentAt: now, messageId })
		.where(eq(noticeDigest.id, digestId))
		.run();
}

/** A digest that could not be sent: its notices wait for the next run. */
export function releaseDigest(digestId: number): void {
	db.transaction((tx) => {
		tx.update(notice).set({ digestId: null }).where(eq(notice.digestId, digestId)).run();
		tx.delete(noticeDigest).where(eq(noticeDigest.id, digestId)).run();
	});
}

export interface NoticeRow {
	id: number;
	kind: (typeof notice.$inferSelect)['kind'];
	title: string;
	body: string;
	params: NoticeParams | null;
	href: string | null;
	createdAt: Date;
	readAt: Date | null;
}

/**
 * A person's notices, newest first, keyset-paged on (created_at, id) through
 * notice_user_created_idx: `after` the last one shown, or `before` the first (then oldest
 * first, as fetched; the caller turns them round).
 */
export function listNoticesPage(
	userId: number,
	position: { after?: (string | number)[]; before?: (string | number)[] },
	limit: number
): NoticeRow[] {
	const cols = {
		id: notice.id,
		kind: notice.kind,
		title: notice.title,
		body: notice.body,
		params: notice.params,
		href: notice.href,
		createdAt: notice.createdAt,
		readAt: notice.readAt
	};
	const key = position.after ?? position.before;
	const at = key ? new Date(Number(key[0])) : null;
	const id = key ? Number(key[1]) : 0;
	const cmp = position.before ? gt : lt;
	const where = and(
		eq(notice.userId, userId),
		at
			? or(cmp(notice.createdAt, at), and(eq(notice.createdAt, at), cmp(notice.id, id)))
			: undefined
	);
	const order = position.before
		? [asc(notice.createdAt), asc(notice.id)]
		: [desc(notice.createdAt), desc(notice.id)];
	const rows = db
		.select(cols)
		.from(notice)
		.where(where)
		.orderBy(...order)
		.limit(limit)
		.all();
	return position.before ? rows.reverse() : rows;
}

/** Unread notices of a person: the badge in the menu, through notice_user_unread_idx. */
export function countUnreadNotices(userId: number): number {
	return (
		db
			.select({ n: sql<number>`count(*)` })
			.from(notice)
			.where(and(eq(notice.userId, userId), isNull(notice.readAt)))
			.get()?.n ?? 0
	);
}

/** Marks one of the person's notices read; false when it is not theirs (or not there). */
export function markNoticeRead(userId: number, id: number, now: Date): boolean {
	const found = db
		.select({ id: notice.id })
		.from(notice)
		.where(and(eq(notice.id, id), eq(notice.userId, userId)))
		.get();
	if (!found) return false;
	db.update(notice)
		.set({ readAt: now })
		.where(and(eq(notice.id, id), isNull(notice.readAt)))
		.run();
	return true;
}

/** Marks all the person's unread notices read; how many. */
export function markAllNoticesRead(userId: number, now: Date): number {
	return db
		.update(notice)
		.set({ readAt: now })
		.where(and(eq(notice.userId, userId), isNull(notice.readAt)))
		.run().changes;
}
