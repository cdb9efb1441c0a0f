/**
 * Deviation pages: the list (keyset-paged, filtered, counted in SQL), one deviation with its
 * history from the audit log, the form for a new one, and the short lists other pages show
 * («Mine oppgaver», a unit's wheel page, an occurrence, /styring).
 */
import { error } from '@sveltejs/kit';
import { isAdmin, ledUnitIds } from '../../auth/guards';
import type { SessionUser } from '../../auth/session';
import { listAuditEntries } from '../../db/queries/audit';
import {
	countDeviations,
	countOpenDeviations,
	getDeviationDetail,
	listActiveUserNames,
	listDeviationsPage,
	listOccurrenceDeviations,
	openDeviationsFor,
	type DeviationFilter,
	type ReadScope
} from '../../db/queries/deviation-reads';
import { getFindingForFollowUp } from '../../db/queries/tilsyn';
import { listUnits } from '../../db/queries/units';
import { versioned } from '../../read-cache';
import { osloDay } from '$lib/format';
import { keysetList } from '$lib/paging';
import { idParam } from '$lib/schemas/id';
import type { FormValues } from '$lib/schemas/form';
import { buildUnitTree, descendantIds, flattenUnitTree, unitOption } from '$lib/domain/org/units';
import { isDeviationOverdue } from '$lib/domain/control/deviations';
import { DEVIATION_SEVERITIES, type DeviationSeverity } from '$lib/domain/control/vocabulary';
import { deviationValues } from '$lib/control/form-values';
import {
	canWriteDeviation,
	deviationReadScope,
	writableUnitIds,
	type DeviationAccess
} from '../access';
import { findingKindLabel, severityLabel } from '$lib/labels-control';
import { m as msg } from '$lib/paraglide/messages';

export const DEVIATION_PAGE = 25;

const STATUS_PARAM = { apne: 'open', lukkede: 'closed', alle: 'all' } as const;

/** The severities to choose from, in the request's language. */
export const severityOptions = () =>
	DEVIATION_SEVERITIES.map((s) => ({ value: s, label: severityLabel(s) }));

function unitChoices(only: number[] | null) {
	const units = listUnits().filter((u) => !u.archivedAt);
	const tree = flattenUnitTree(buildUnitTree(units));
	return tree.filter((u) => only === null || only.includes(u.id)).map(unitOption);
}

/** The list's filters from the address; unknown values fall back to the defaults. */
function readFilter(params: URLSearchParams, today: string) {
	const statusParam = params.get('status') ?? 'apne';
	const status = STATUS_PARAM[statusParam as keyof typeof STATUS_PARAM] ?? 'open';
	const overdue = params.get('frist') === 'over';
	const unitId = idParam(params.get('enhet'));
	const severityParam = params.get('alvor');
	const severity = (DEVIATION_SEVERITIES as readonly string[]).includes(severityParam ?? '')
		? (severityParam as DeviationSeverity)
		: null;
	const unitIds = unitId === null ? null : [...descendantIds(listUnits(), unitId)];
	const filter: DeviationFilter = { status, overdue, unitIds, severity, today };
	return {
		filter,
		shown: {
			status: Object.entries(STATUS_PARAM).find(([, v]) => v === status)![0],
			frist: overdue ? 'over' : '',
			enhet: unitId === null ? '' : String(unitId),
			alvor: severity ?? ''
		}
	};
}

export function deviationListPage(user: SessionUser, scope: ReadScope, url: URL, now: Date) {
	const today = osloDay(now);
	const { filter, shown } = readFilter(url.searchParams, today);
	const page = keysetList(
		url.searchParams,
		(position, limit) => listDeviationsPage(scope, filter, position, limit),
		{
			prefix: '',
			hash: 'avvik',
			size: DEVIATION_PAGE,
			keyLength: 2,
			keyOf: (d) => [d.foundOn, d.id]
		}
	);
	return {
		today,
		shown,
		counts: countDeviations(scope, filter),
		rows: page.rows.map((d) => ({ ...d, overdue: isDeviationOverdue(d, today) })),
		pager: { previous: page.previous, next: page.next, first: page.first },
		unitOptions: unitChoices(scope.all ? null : scope.unitIds),
		severityOptions: severityOptions(),
		canRecord: isAdmin(user) || ledUnitIds(user).length > 0
	};
}

// Functions: read in the request's language.
const ACTION_LABEL: Record<string, () => string> = {
	create: msg.control_history_create,
	update: msg.control_history_update,
	close: msg.control_history_close,
	reopen: msg.control_history_reopen
};

/** What the history says beyond who and when: the closing note or the reason for reopening. */
function historyNote(action: string, after: unknown): string {
	const a = (after ?? {}) as Record<string, unknown>;
	if (action === 'close' && typeof a.closingNote === 'string') return a.closingNote;
	if (action === 'reopen' && typeof a.reason === 'string')
		return msg.control_history_reason({ reason: a.reason });
	return '';
}

export function deviationPage({ user, deviation, canWrite }: DeviationAccess, now: Date) {
	const detail = getDeviationDetail(deviation.id)!;
	const today = osloDay(now);
	const history = listAuditEntries({
		entity: 'deviation',
		entityId: String(deviation.id)
	}).rows.map((e) => ({
		id: e.id,
		at: e.at,
		who: e.actorName ?? msg.control_system(),
		label: ACTION_LABEL[e.action]?.() ?? e.action,
		note: historyNote(e.action, e.after)
	}));
	return {
		deviation: {
			id: detail.id,
			unitId: detail.unit_id,
			unitName: detail.unitName,
			source: detail.source,
			taskId: detail.task_id,
			period: detail.period,
			taskTitle: detail.taskTitle,
			findingText: detail.findingText,
			tilsynId: detail.tilsynId,
			title: detail.title,
			description: detail.description,
			severity: detail.severity,
			immediateAction: detail.immediate_action,
			correctiveAction: detail.corrective_action,
			responsibleName: detail.responsibleName,
			deadline: detail.deadline,
			status: detail.status,
			closingNote: detail.closing_note,
			closedAt: detail.closed_at,
			closedByName: detail.closedByName,
			reportedByName: detail.reportedByName,
			foundOn: detail.found_on,
			overdue: isDeviationOverdue(detail, today)
		},
		values: deviationValues(deviation),
		history,
		canWrite,
		responsibleOptions: canWrite ? responsibleOptions() : [],
		severityOptions: severityOptions(),
		isResponsible: deviation.responsibleId === user.id
	};
}

function responsibleOptions() {
	return listActiveUserNames().map((u) => ({ value: String(u.id), label: u.name }));
}

/** The form for a deviation outside the wheel; `?funn=` follows a tilsyn's finding up. */
export function newDeviationPage(user: SessionUser, url: URL) {
	const findingId = idParam(url.searchParams.get('funn'));
	const finding = findingId === null ? undefined : getFindingForFollowUp(findingId);
	if (findingId !== null && !finding) error(404, msg.control_err_finding_not_found());
	const writable = writableUnitIds(user);
	const allowed = finding
		? finding.unitIds.filter((id) => writable === null || writable.includes(id))
		: writable;
	if (finding && allowed !== null && allowed.length === 0) {
		error(403, msg.control_err_not_tilsyn_leader());
	}
	return {
		finding: finding
			? { id: finding.id, text: finding.text, tilsynId: finding.tilsynId, theme: finding.theme }
			: null,
		initial: (finding
			? {
					title: `${findingKindLabel(finding.kind)}: ${finding.text}`.slice(0, 200),
					description: msg.control_deviation_from_finding({
						authority: finding.authority,
						theme: finding.theme
					}),
					severity: finding.kind === 'breach' ? 'high' : 'medium',
					findingId: String(finding.id)
				}
			: {}) as FormValues,
		unitOptions: unitChoices(allowed),
		responsibleOptions: responsibleOptions(),
		severityOptions: severityOptions()
	};
}

/** The deviations on one occurrence, and whether this user may record one there. */
export function occurrenceDeviations(
	user: SessionUser,
	key: { taskId: number; unitId: number; period: string }
) {
	const canRecord = canWriteDeviation(user, key.unitId);
	return {
		deviations: listOccurrenceDeviations(key),
		canRecordDeviation: canRecord,
		deviationResponsibleOptions: canRecord ? responsibleOptions() : [],
		deviationSeverityOptions: severityOptions()
	};
}

const SHORT_LIST = 5;

/** «Mine oppgaver»: open deviations of the units one leads and those one answers for. */
export function myDeviations(user: SessionUser, now: Date) {
	const today = osloDay(now);
	const found = openDeviationsFor(
		{ unitIds: ledUnitIds(user), userId: user.id },
		today,
		SHORT_LIST
	);
	return {
		open: found.open,
		overdue: found.overdue,
		rows: found.rows.map((d) => ({
			...d,
			overdue: isDeviationOverdue({ status: 'open', deadline: d.deadline }, today)
		}))
	};
}

/** A unit's wheel page: its open deviations (the unit and below), if this user may read them. */
export function unitDeviations(user: SessionUser, unitId: number | null, now: Date) {
	if (unitId === null) return null;
	const scope = deviationReadScope(user);
	if (!scope.all && !scope.unitIds.includes(unitId)) return null;
	const today = osloDay(now);
	const unitIds = [...descendantIds(listUnits(), unitId)];
	const found = openDeviationsFor({ unitIds, userId: null }, today, SHORT_LIST);
	return {
		unitId,
		open: found.open,
		overdue: found.overdue,
		rows: found.rows.map((d) => ({
			...d,
			overdue: isDeviationOverdue({ status: 'open', deadline: d.deadline }, today)
		}))
	};
}

/** Every table countOpenDeviations reads (tests/integration/read-cache-tables.spec.ts). */
export const DEVIATION_COUNT_READS = ['deviation'] as const;

/** The steering page's count: one query, kept until a deviation is written (or the day changes). */
export function steeringDeviationCounts(now: Date) {
	const today = osloDay(now);
	return versioned(
		`deviation-counts:${today}`,
		() => countOpenDeviations(today),
		DEVIATION_COUNT_READS
	);
}

/** The landing page's figures: the deviations one may read, open and overdue. */
export function controlLanding(scope: ReadScope, now: Date) {
	const today = osloDay(now);
	const counts = countDeviations(scope, {
		status: 'all',
		overdue: false,
		unitIds: null,
		severity: null,
		today
	});
	return { counts };
}
