/**
 * The reads of deviations (avvik) the pages need, counted in SQL. Who may read is given as a
 * scope: everything, or the units (subtrees already expanded) and the deviations one is
 * responsible for.
 */
import { preparedStatements } from './prepared';
import type { DeviationSeverity, DeviationSource } from '$lib/domain/control/vocabulary';

/** Who may read which deviations: all, or these units and what one answers for. */
export type ReadScope = { all: true } | { all: false; unitIds: number[]; userId: number };

const statement = preparedStatements();

const SCOPE = `(@all = 1 or d.unit_id in (select value from json_each(@units)) or d.responsible_id = @userId)`;

function scopeParams(scope: ReadScope) {
	return scope.all
		? { all: 1, units: '[]', userId: 0 }
		: { all: 0, units: JSON.stringify(scope.unitIds), userId: scope.userId };
}

export interface DeviationFilter {
	status: 'open' | 'closed' | 'all';
	overdue: boolean;
	/** The unit and its subtree, expanded by the caller; null for any unit. */
	unitIds: number[] | null;
	severity: DeviationSeverity | null;
	/** The Oslo day «overdue» is judged on. */
	today: string;
}

function filterParams(filter: DeviationFilter) {
	return {
		status: filter.status,
		overdue: filter.overdue ? 1 : 0,
		anyUnit: filter.unitIds === null ? 1 : 0,
		filterUnits: JSON.stringify(filter.unitIds ?? []),
		severity: filter.severity ?? '',
		today: filter.today
	};
}

/** The unit and severity filters; the counts apply these alone. */
const SCOPE_FILTER = `
	(@anyUnit = 1 or d.unit_id in (select value from json_each(@filterUnits)))
	and (@severity = '' or d.severity = @severity)`;

const FILTER = `
	(@status = 'all' or d.status = @status)
	and (@overdue = 0 or (d.status = 'open' and d.deadline < @today))
	and ${SCOPE_FILTER}`;

export interface DeviationListRow {
	id: number;
	title: string;
	severity: DeviationSeverity;
	status: 'open' | 'closed';
	source: DeviationSource;
	unitId: number;
	unitName: string;
	deadline: string | null;
	foundOn: string;
	responsibleName: string | null;
}

const LIST_SQL = (direction: 'after' | 'before' | 'first') => `
	select * from (
		select d.id, d.title, d.severity, d.status, d.source, d.unit_id as unitId, un.name as unitName,
			d.deadline, d.found_on as foundOn, ru.name as responsibleName
		from deviation d
		join unit un on un.id = d.unit_id
		left join user ru on ru.id = d.responsible_id
		where ${SCOPE} and ${FILTER}
			${
				direction === 'after'
					? 'and (d.found_on, d.id) < (@k1, @k2)'
					: direction === 'before'
						? 'and (d.found_on, d.id) > (@k1, @k2)'
						: ''
			}
		order by d.found_on ${direction === 'before' ? 'asc' : 'desc'}, d.id ${direction === 'before' ? 'asc' : 'desc'}
		limit @limit
	) order by foundOn desc, id desc`;

/** A page of deviations, newest found first (keyset on found_on, id). */
export function listDeviationsPage(
	scope: ReadScope,
	filter: DeviationFilter,
	position: { after?: (string | number)[]; before?: (string | number)[] },
	limit: number
): DeviationListRow[] {
	const direction = position.after ? 'after' : position.before ? 'before' : 'first';
	const k = position.after ?? position.before;
	return statement(`list-${direction}`, () => LIST_SQL(direction)).all({
		...scopeParams(scope),
		...filterParams(filter),
		limit,
		k1: k ? k[0] : null,
		k2: k ? k[1] : null
	}) as DeviationListRow[];
}

export interface DeviationCounts {
	open: number;
	overdue: number;
	closed: number;
}

/**
 * Open, overdue and closed deviations one may read, under the unit and severity filters (not
 * the status filter, so the counts say what each status choice would show).
 */
export function countDeviations(scope: ReadScope, filter: DeviationFilter): DeviationCounts {
	const row = statement(
		'counts',
		() => `select
			coalesce(sum(d.status = 'open'), 0) as open,
			coalesce(sum(d.status = 'open' and d.deadline < @today), 0) as overdue,
			coalesce(sum(d.status = 'closed'), 0) as closed
		from deviation d
		where ${SCOPE} and ${FILTER.replace("(@status = 'all' or d.status = @status)", '1').replace(
			"(@overdue = 0 or (d.status = 'open' and d.deadline < @today))",
			'1'
		)}`
	).get({ ...scopeParams(scope), ...filterParams(filter) }) as DeviationCounts;
	return row;
}

/** The open deviations (and how many are overdue) over all units, for the steering page. */
export function countOpenDeviations(today: string): { open: number; overdue: number } {
	return statement(
		'open-all',
		() => `select count(*) as open, coalesce(sum(deadline < @today), 0) as overdue
			from deviation where status = 'open'`
	).get({ today }) as { open: number; overdue: number };
}

export interface OpenDeviationRow {
	id: number;
	title: string;
	severity: DeviationSeverity;
	unitName: string;
	deadline: string | null;
	responsibleName: string | null;
}

/**
 * Open deviations of these units or answered for by this user, overdue and nearest deadline
 * first (for «Mine oppgaver» and a unit's wheel page): at most `limit`, and how many there are.
 */
export function openDeviationsFor(
	who: { unitIds: number[]; userId: number | null },
	today: string,
	limit: number
) {
	const params = { units: JSON.stringify(who.unitIds), userId: who.userId ?? 0, today, limit };
	const where = `d.status = 'open' and (d.unit_id in (select value from json_each(@units)) or d.responsible_id = @userId)`;
	const rows = statement(
		'open-for',
		() => `select d.id, d.title, d.severity, un.name as unitName, d.deadline, ru.name as responsibleName
			from deviation d join unit un on un.id = d.unit_id left join user ru on ru.id = d.responsible_id
			where ${where}
			order by d.deadline is null, d.deadline, d.id limit @limit`
	).all(params) as OpenDeviationRow[];
	const counts = statement(
		'open-for-count',
		() => `select count(*) as open, coalesce(sum(d.deadline < @today), 0) as overdue
			from deviation d where ${where}`
	).get(params) as { open: number; overdue: number };
	return { rows, ...counts };
}

/** The deviations recorded on one occurrence, newest first. */
export function listOccurrenceDeviations(key: { taskId: number; unitId: number; period: string }) {
	return statement(
		'occurrence',
		() => `select d.id, d.title, d.severity, d.status, d.deadline, d.found_on as foundOn
			from deviation d
			where d.task_id = @taskId and d.period = @period and d.unit_id = @unitId
			order by d.found_on desc, d.id desc limit 50`
	).all(key) as {
		id: number;
		title: string;
		severity: DeviationSeverity;
		status: 'open' | 'closed';
		deadline: string | null;
		foundOn: string;
	}[];
}

/** One deviation with the names the page shows. */
export function getDeviationDetail(id: number) {
	return statement(
		'detail',
		() => `select d.*, un.name as unitName, ru.name as responsibleName, rb.name as reportedByName,
			cb.name as closedByName, t.title as taskTitle, f.text as findingText, f.tilsyn_id as tilsynId
		from deviation d
		join unit un on un.id = d.unit_id
		left join user ru on ru.id = d.responsible_id
		left join user rb on rb.id = d.reported_by_id
		left join user cb on cb.id = d.closed_by_id
		left join wheel_task t on t.id = d.task_id
		left join tilsyn_finding f on f.id = d.finding_id
		where d.id = @id`
	).get({ id }) as
		| {
				id: number;
				unit_id: number;
				source: DeviationSource;
				task_id: number | null;
				period: string | null;
				finding_id: number | null;
				title: string;
				description: string;
				severity: DeviationSeverity;
				immediate_action: string;
				corrective_action: string;
				responsible_id: number | null;
				deadline: string | null;
				status: 'open' | 'closed';
				closing_note: string | null;
				closed_at: number | null;
				found_on: string;
				version: number;
				unitName: string;
				responsibleName: string | null;
				reportedByName: string | null;
				closedByName: string | null;
				taskTitle: string | null;
				findingText: string | null;
				tilsynId: number | null;
		  }
		| undefined;
}

/** Active users by name: who can be made responsible for a corrective measure. */
export function listActiveUserNames(): { id: number; name: string }[] {
	return statement(
		'active-users',
		() => 'select id, name from user where active = 1 order by name, id'
	).all() as { id: number; name: string }[];
}
