/**
 * What the steering page (/styring) reads, counted in SQL per track: projects by phase and by
 * the colour of their latest status report, open risks per cell of the 5×5 matrix, the units
 * whose measures the track's projects carry, the benefits behind plan (gain-lists.ts), and
 * «siden forrige møte»: what changed since a day, counted and listed a page at a time through
 * the indexes on the change times (status_change.at, realisation.created_at, risk.created_at,
 * wheel_reopening.reopened_at). No statement reads a row per benefit or realisation; the
 * gain sums come from the roll-ups (gain-views.ts).
 *
 * Which rows count is the rule of the pages each figure links to: live projects and measures
 * (Oversikt, Portefølje), open risks on live work (Risiko, `portfolio-risks.ts`).
 */
import type { LifecycleStatus, RagStatus } from '$lib/domain/portfolio/vocabulary';
import { preparedStatements } from './prepared';

const statement = preparedStatements();

export interface TrackPhaseRow {
	trackId: number;
	status: LifecycleStatus;
	projects: number;
}

/** Live projects per track and lifecycle status (a project in two tracks counts in both). */
export function countProjectsByTrackAndPhase(): TrackPhaseRow[] {
	return statement(
		'phases',
		() => `select pt.track_id as trackId, p.status as status, count(*) as projects
			from project_track pt join project p on p.id = pt.project_id
			where p.archived_at is null
			group by pt.track_id, p.status`
	).all() as TrackPhaseRow[];
}

export interface TrackRagRow {
	trackId: number;
	rag: RagStatus;
	projects: number;
}

/**
 * Live projects per track by the colour of their latest monthly status report, as Oversikt
 * counts them (the unique index on subject, subject and period serves the latest, no table
 * scan).
 */
export function countProjectsByTrackAndRag(): TrackRagRow[] {
	return statement(
		'rag',
		() => `with latest as materialized (
				select subject_id as id, rag, max(period) from status_report
				where subject = 'project' group by subject_id
			)
			select pt.track_id as trackId, l.rag as rag, count(*) as projects
			from project_track pt join project p on p.id = pt.project_id
			join latest l on l.id = p.id
			where p.archived_at is null
			group by pt.track_id, l.rag`
	).all() as TrackRagRow[];
}

export interface TrackRiskCell {
	trackId: number;
	likelihood: number;
	consequence: number;
	risks: number;
}

/**
 * Open risks (not closed) on live projects and measures per track and matrix cell: the counts
 * /portefolje/risiko?spor= shows in its matrix.
 */
export function countOpenRisksByTrackAndCell(): TrackRiskCell[] {
	return statement(
		'risks',
		() => `select pt.track_id as trackId, r.likelihood as likelihood, r.consequence as consequence,
				count(*) as risks
			from risk r
			left join measure m on m.id = r.measure_id
			join project p on p.id = coalesce(r.project_id, m.project_id)
			join project_track pt on pt.project_id = p.id
			where r.status <> 'closed' and p.archived_at is null
				and (r.measure_id is null or m.archived_at is null)
			group by pt.track_id, r.likelihood, r.consequence`
	).all() as TrackRiskCell[];
}

/** Units that carry a live measure of a live project in the track: the units it involves. */
export function listTrackUnits(): { trackId: number; unitId: number }[] {
	return statement(
		'units',
		// From the unit links (a few per measure) outwards: three times faster at national
		// scale than from the tracks inwards, which sorts every pair it meets.
		() => `select distinct pt.track_id as trackId, mu.unit_id as unitId
			from measure_unit mu join measure m on m.id = mu.measure_id
			join project p on p.id = m.project_id
			join project_track pt on pt.project_id = p.id
			where p.archived_at is null and m.archived_at is null`
	).all() as { trackId: number; unitId: number }[];
}

// ---------------------------------------------------------------------------------------------
// «Siden forrige møte»

export const CHANGE_KINDS = ['status', 'report', 'realisation', 'risk', 'reopening'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** Milliseconds, inclusive at both ends. */
export interface ChangeWindow {
	since: number;
	until: number;
}

export type ChangeCounts = Record<ChangeKind, number>;

/**
 * How many changes of each kind fall in the window: status changes (the first status a row
 * gets when it is created is not a change), realisations logged, risks registered, sign-offs
 * reopened. Each count is a range of one index.
 */
export function countChangesSince(w: ChangeWindow): ChangeCounts {
	return statement(
		'changeCounts',
		() => `select
			(select count(*) from status_change where at between @since and @until
				and from_status is not null) as status,
			(select count(*) from realisation where created_at between @since and @until) as realisation,
			(select count(*) from risk where created_at between @since and @until) as risk,
			(select count(*) from wheel_reopening where reopened_at between @since and @until)
				as reopening,
			(select count(*) from status_report r where r.created_at between @since and @until
				and ${COLOUR_CHANGED}) as report`
	).get(w) as ChangeCounts;
}

/**
 * A status report whose colour differs from the subject's report before it: a track or
 * project that turned red (or back to green) is news for the meeting; a report that repeats
 * last month's colour is not. The first report of a subject counts too.
 */
const COLOUR_CHANGED = `coalesce((select p.rag from status_report p where p.subject = r.subject
		and p.subject_id = r.subject_id and p.period < r.period order by p.period desc limit 1), '')
		<> r.rag`;

/** One change, with what its line and link need. */
export interface ChangeRow {
	kind: ChangeKind;
	/** The key's middle part: a fixed number per kind (status 0 … report 4), ties broken by it. */
	rank: number;
	id: number;
	at: number;
	title: string;
	/**
	 * status, report: subject (track|project|measure); realisation: «correction» when it replaces
	 * a row; risk: project|measure; reopening: unit name.
	 */
	a: string | null;
	/** status: subject id; realisation: benefit id; risk: project or measure id; reopening: task id. */
	b: number | null;
	/**
	 * status: from → to («proposed>adopted»); report: colours before and now («green>red», the
	 * first report «>red»); realisation: period; reopening: period.
	 */
	c: string | null;
	/** realisation: value; risk: likelihood × 10 + consequence; reopening: unit id. */
	d: number | null;
	/** realisation: the benefit's unit (kr, timer …), so the value is read with it. */
	e: string | null;
}

/** Keyset position: the last row shown, by (at, rank, id), newest first. */
export type ChangeKey = [at: number, rank: number, id: number];

const before = (alias: string, at: string, rank: number) =>
	`(@k1 is null or ${alias}.${at} < @k1 or (${alias}.${at} = @k1
		and (@k2 > ${rank} or (@k2 = ${rank} and ${alias}.id < @k3))))`;

/**
 * Each kind newest first, at most `limit` from each, through its time index; the page is the
 * newest `limit` of those. So a page reads `limit` rows per kind however long the window is.
 */
const CHANGE_PAGE_SQL = () => `
	select * from (
		select * from (
			select 'status' as kind, 0 as rank, sc.id as id, sc.at as at,
				coalesce(case sc.subject
					when 'track' then (select t.code || ' ' || t.title from track t where t.id = sc.subject_id)
					when 'project' then (select p.title from project p where p.id = sc.subject_id)
					else (select m.title from measure m where m.id = sc.subject_id) end, '') as title,
				sc.subject as a, sc.subject_id as b, sc.from_status || '>' || sc.to_status as c, null as d,
				null as e
			from status_change sc
			where (@kind is null or @kind = 'status') and sc.at between @since and @until
				and sc.from_status is not null and ${before('sc', 'at', 0)}
			order by sc.at desc, sc.id desc limit @limit)
		union all
		select * from (
			select 'realisation', 1, r.id, r.created_at,
				(select b.title from benefit b where b.id = r.benefit_id),
				case when r.supersedes_id is null then r.assessment else 'correction:' || coalesce(r.assessment, '') end,
				r.benefit_id, r.period, r.value, (select b.unit from benefit b where b.id = r.benefit_id)
			from realisation r
			where (@kind is null or @kind = 'realisation') and r.created_at between @since and @until
				and ${before('r', 'created_at', 1)}
			order by r.created_at desc, r.id desc limit @limit)
		union all
		select * from (
			select 'risk', 2, k.id, k.created_at, k.title,
				case when k.project_id is null then 'measure' else 'project' end,
				coalesce(k.project_id, k.measure_id), k.status, k.likelihood * 10 + k.consequence, null
			from risk k
			where (@kind is null or @kind = 'risk') and k.created_at between @since and @until
				and ${before('k', 'created_at', 2)}
			order by k.created_at desc, k.id desc limit @limit)
		union all
		select * from (
			select 'report', 4, r.id, r.created_at,
				coalesce(case r.subject
					when 'track' then (select t.code || ' ' || t.title from track t where t.id = r.subject_id)
					when 'project' then (select p.title from project p where p.id = r.subject_id)
					else (select m.title from measure m where m.id = r.subject_id) end, ''),
				r.subject, r.subject_id,
				coalesce((select p.rag from status_report p where p.subject = r.subject
					and p.subject_id = r.subject_id and p.period < r.period
					order by p.period desc limit 1), '') || '>' || r.rag, null, null
			from status_report r
			where (@kind is null or @kind = 'report') and r.created_at between @since and @until
				and ${COLOUR_CHANGED} and ${before('r', 'created_at', 4)}
			order by r.created_at desc, r.id desc limit @limit)
		union all
		select * from (
			select 'reopening', 3, o.id, o.reopened_at, s.task_title,
				(select u.name from unit u where u.id = s.unit_id), s.task_id, s.period, s.unit_id, null
			from wheel_reopening o join wheel_signature s on s.id = o.signature_id
			where (@kind is null or @kind = 'reopening') and o.reopened_at between @since and @until
				and ${before('o', 'reopened_at', 3)}
			order by o.reopened_at desc, o.id desc limit @limit)
	)
	order by at desc, rank desc, id desc
	limit @limit`;

/**
 * A page of the window's changes, newest first, of one kind or all, after `after` (the last
 * row of the page before); `limit` rows at most (ask one more to know whether there is more).
 */
export function listChangesSince(
	w: ChangeWindow,
	kind: ChangeKind | null,
	after: ChangeKey | null,
	limit: number
): ChangeRow[] {
	return statement('changePage', CHANGE_PAGE_SQL).all({
		...w,
		kind,
		k1: after?.[0] ?? null,
		k2: after?.[1] ?? null,
		k3: after?.[2] ?? null,
		limit
	}) as ChangeRow[];
}

// ---------------------------------------------------------------------------------------------
// «Mitt arbeid»: a programme leader's projects and the benefits waiting for a value

export interface OwnProjectRow {
	id: number;
	title: string;
	status: LifecycleStatus;
	measures: number;
	benefits: number;
}

/** Live projects the user owns, by title (a leader owns a few dozen at most). */
export function listOwnProjects(userId: number, limit: number): OwnProjectRow[] {
	return statement(
		'ownProjects',
		() => `select p.id, p.title, p.status,
				(select count(*) from measure m where m.project_id = p.id and m.archived_at is null)
					as measures,
				(select count(*) from benefit b where b.project_id = p.id) as benefits
			from project p where p.owner_id = @userId and p.archived_at is null
			order by p.title collate nocase, p.id limit @limit`
	).all({ userId, limit }) as OwnProjectRow[];
}

export function countOwnProjects(userId: number): number {
	return statement(
		'ownProjectCount',
		() => `select count(*) from project where owner_id = @userId and archived_at is null`
	)
		.pluck()
		.get({ userId }) as number;
}

export interface WaitingBenefitRow {
	id: number;
	title: string;
	projectId: number;
	projectTitle: string;
	/** The latest month a value was logged for; null: never. */
	lastPeriod: string | null;
}

/**
 * Benefits the user answers for (as gevinsteier, or owning the project) on live projects, still
 * running (no target date, or one not passed), with no value logged for `period` or later:
 * never-logged first, then the longest waiting.
 */
const WAITING = `with mine(id) as (
		select id from benefit where owner_id = @userId
		union
		select b.id from benefit b join project p on p.id = b.project_id where p.owner_id = @userId
	),
	waiting as materialized (
		select b.id, b.title, p.id as projectId, p.title as projectTitle,
			(select max(r.period) from realisation r where r.benefit_id = b.id) as lastPeriod
		from mine join benefit b on b.id = mine.id join project p on p.id = b.project_id
		where p.archived_at is null and (b.target_date is null or b.target_date >= @today)
	)`;

export function countWaitingBenefits(userId: number, period: string, today: string): number {
	return statement(
		'waitingCount',
		() => `${WAITING} select count(*) from waiting where coalesce(lastPeriod, '') < @period`
	)
		.pluck()
		.get({ userId, period, today }) as number;
}

export function listWaitingBenefits(
	userId: number,
	period: string,
	today: string,
	limit: number,
	offset: number
): WaitingBenefitRow[] {
	return statement(
		'waitingPage',
		() => `${WAITING} select * from waiting where coalesce(lastPeriod, '') < @period
			order by coalesce(lastPeriod, ''), id limit @limit offset @offset`
	).all({ userId, period, today, limit, offset }) as WaitingBenefitRow[];
}
