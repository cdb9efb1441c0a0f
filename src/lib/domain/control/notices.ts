/**
 * Which notices internal control makes on a given Oslo day (kommuneloven § 25-1 c: «avdekke og
 * følge opp avvik og risiko for avvik»): a control due soon or overdue is told to the unit's
 * leaders; one overdue long enough is told to the leaders above the unit too (escalation); an
 * open deviation past its deadline to the person responsible for it and the unit's leaders.
 * Pure: the job gives it the rows and today, and stores what it answers.
 *
 * A notice never tells a unit's data to someone outside it: every recipient leads the unit or
 * a unit above it, or is the deviation's responsible person.
 *
 * Each notice has a stable key per recipient («overdue:12:7:2026-03»), and the database keeps
 * one notice per (person, key), so running the job again on the same day, or the next day,
 * makes nothing twice.
 */
import { formatDay } from '../../format';
import type { NoticeKind } from './vocabulary';
import type { PlanNoticeParams } from '../benefits/timing';

export interface NoticeRules {
	/** «Frist nærmer seg» this many days before the due day, and on it. */
	dueSoonDays: number;
	/** Escalate to the leaders above once this many days past the due day. */
	escalateAfterDays: number;
}

export const DEFAULT_NOTICE_RULES: NoticeRules = { dueSoonDays: 7, escalateAfterDays: 14 };

export interface NoticeOccurrence {
	taskId: number;
	unitId: number;
	/** `YYYY-MM` */
	period: string;
	/** `YYYY-MM-DD` */
	dueDate: string;
	title: string;
	unitName: string;
	signed: boolean;
}

export interface NoticeDeviation {
	id: number;
	unitId: number;
	unitName: string;
	title: string;
	/** `YYYY-MM-DD`; none: never overdue. */
	deadline: string | null;
	responsibleId: number | null;
	open: boolean;
}

export interface NoticeInput {
	/** Oslo's calendar day, `YYYY-MM-DD`. */
	today: string;
	rules: NoticeRules;
	occurrences: readonly NoticeOccurrence[];
	deviations: readonly NoticeDeviation[];
	/** Every unit's parent (null at the top). */
	parentOf: ReadonlyMap<number, number | null>;
	/** The active leaders of each unit. */
	leadersOf: ReadonlyMap<number, readonly number[]>;
}

/**
 * What a notice says, as data: stored with it, so it is written in each reader's language
 * when read (server/notices/text.ts), not in the language of the day it was made. The benefit
 * plans' notices keep theirs as `PlanNoticeParams` (domain/benefits/timing.ts).
 */
export type NoticeParams = ControlNoticeParams | PlanNoticeParams;

/** What a control's or a deviation's notice says. */
export interface ControlNoticeParams {
	/** The task's or the deviation's title. */
	title: string;
	unit: string;
	/** The deadline, `YYYY-MM-DD`. */
	due: string;
	/** Days past the deadline (escalations). */
	late?: number;
}

export interface PlannedNotice {
	userId: number;
	kind: NoticeKind;
	key: string;
	/** The text in bokmål, as stored before notices kept their params; read when there are none. */
	title: string;
	body: string;
	/** None on a notice stored before notices kept their params. */
	params?: NoticeParams | null;
	href: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whole calendar days from `from` to `to` (both `YYYY-MM-DD`); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
	const utc = (d: string) => Date.UTC(+d.slice(0, 4), +d.slice(5, 7) - 1, +d.slice(8, 10));
	return Math.round((utc(to) - utc(from)) / DAY_MS);
}

/**
 * The nearest units above `unitId` that have leaders, and those leaders: a parent with no
 * leader of its own (a vacancy, a pure grouping unit) passes the escalation on upwards.
 */
export function escalationLeaders(
	unitId: number,
	parentOf: ReadonlyMap<number, number | null>,
	leadersOf: ReadonlyMap<number, readonly number[]>
): number[] {
	const seen = new Set<number>([unitId]);
	let at = parentOf.get(unitId) ?? null;
	while (at !== null && !seen.has(at)) {
		seen.add(at);
		const leaders = leadersOf.get(at) ?? [];
		if (leaders.length > 0) return [...leaders];
		at = parentOf.get(at) ?? null;
	}
	return [];
}

const occurrenceHref = (o: NoticeOccurrence) =>
	`/arshjul/forekomst/${o.taskId}/${o.unitId}/${o.period}`;
const occurrenceKey = (o: NoticeOccurrence) => `${o.taskId}:${o.unitId}:${o.period}`;

function occurrenceNotices(o: NoticeInput['occurrences'][number], input: NoticeInput) {
	if (o.signed) return [];
	const { rules, leadersOf } = input;
	const late = daysBetween(o.dueDate, input.today);
	const leaders = leadersOf.get(o.unitId) ?? [];
	const due = formatDay(o.dueDate);
	const href = occurrenceHref(o);
	const params = { title: o.title, unit: o.unitName, due: o.dueDate };
	const out: PlannedNotice[] = [];
	const each = (users: readonly number[], n: Omit<PlannedNotice, 'userId'>) =>
		users.forEach((userId) => out.push({ userId, ...n }));
	if (late <= 0 && -late <= rules.dueSoonDays) {
		each(leaders, {
			kind: 'due_soon',
			key: `due_soon:${occurrenceKey(o)}`,
			title: `«${o.title}» for ${o.unitName} har frist ${due}`,
			body: 'Kontrollen er ikke signert ennå. Signer den på oppgavesiden når den er gjort.',
			params,
			href
		});
	}
	if (late > 0) {
		each(leaders, {
			kind: 'overdue',
			key: `overdue:${occurrenceKey(o)}`,
			title: `«${o.title}» for ${o.unitName} er over fristen`,
			body: `Fristen var ${due}, og kontrollen er ikke signert.`,
			params,
			href
		});
	}
	if (late >= rules.escalateAfterDays) {
		// Someone who leads both the unit and the one above has the overdue notice already.
		const above = escalationLeaders(o.unitId, input.parentOf, leadersOf).filter(
			(id) => !leaders.includes(id)
		);
		each(above, {
			kind: 'escalation',
			key: `escalation:${occurrenceKey(o)}`,
			title: `«${o.title}» for ${o.unitName} er ${late} dager over fristen`,
			body: `Fristen var ${due}. Enheten ligger under deg; lederen for enheten er varslet tidligere.`,
			params: { ...params, late },
			href
		});
	}
	return out;
}

function deviationNotices(d: NoticeDeviation, input: NoticeInput): PlannedNotice[] {
	if (!d.open || !d.deadline || daysBetween(d.deadline, input.today) <= 0) return [];
	const leaders = input.leadersOf.get(d.unitId) ?? [];
	const users = new Set([...(d.responsibleId === null ? [] : [d.responsibleId]), ...leaders]);
	return [...users].map((userId) => ({
		userId,
		kind: 'deviation_overdue' as const,
		key: `deviation_overdue:${d.id}`,
		title: `Avviket «${d.title}» i ${d.unitName} er over fristen`,
		body: `Fristen for korrigerende tiltak var ${formatDay(d.deadline!)}, og avviket er ikke lukket.`,
		params: { title: d.title, unit: d.unitName, due: d.deadline! },
		href: `/internkontroll/avvik/${d.id}`
	}));
}

/** The notices the day calls for: one per (person, key); stored ones are skipped by the store. */
export function planNotices(input: NoticeInput): PlannedNotice[] {
	const seen = new Set<string>();
	const out: PlannedNotice[] = [];
	const all = [
		...input.occurrences.flatMap((o) => occurrenceNotices(o, input)),
		...input.deviations.flatMap((d) => deviationNotices(d, input))
	];
	for (const n of all) {
		const id = `${n.userId}|${n.key}`;
		if (seen.has(id)) continue;
		seen.add(id);
		out.push(n);
	}
	return out;
}
