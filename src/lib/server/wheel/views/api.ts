/**
 * The årshjul as the JSON API answers it (docs/api.md): compliance per unit and month as
 * Etterlevelse shows it, and the occurrences to sign as Mine oppgaver lists them. Both are
 * those pages' read models with the links left out; the address takes the pages' parameters.
 */
import { error } from '@sveltejs/kit';
import type { ComplianceResponse, OccurrencesResponse } from '$lib/schemas/api';
import { COMPLIANCE_FILTER_MESSAGES as NOT_THERE } from '../messages';
import { complianceView } from './compliance';
import { mineView, type MineItem } from './mine';

/**
 * The page quietly drops a filter it does not know (a filter form should); an API client would
 * then read everything as if it were the filtered answer, so here it is refused, and the
 * filter applied is echoed.
 */
export function complianceApi(url: URL, now: Date): ComplianceResponse {
	const view = complianceView(url, now);
	const asked = (name: string) => url.searchParams.get(name) !== null;
	if (asked('ar') && String(view.filter.year) !== url.searchParams.get('ar')) {
		error(400, NOT_THERE.year);
	}
	if (asked('hjul') && view.filter.wheelId === null) error(404, NOT_THERE.wheel);
	if (asked('enhet') && view.filter.unitId === null) error(404, NOT_THERE.unit);
	return {
		year: view.filter.year,
		filter: {
			year: view.filter.year,
			wheelId: view.filter.wheelId,
			unitId: view.filter.unitId
		},
		today: view.today,
		rows: view.rows.map((r) => ({
			unitId: r.unitId,
			name: r.name,
			kind: r.kind,
			depth: r.depth,
			months: r.total.map((total, i) => ({
				total,
				signed: r.signed[i] ?? 0,
				onTime: r.onTime[i] ?? 0
			}))
		})),
		overdueCount: view.overdueCount,
		overdue: view.overdue.map((o) => ({
			taskId: o.taskId,
			unitId: o.unitId,
			period: o.period,
			dueDate: o.dueDate,
			title: o.title,
			unit: o.unitName,
			wheel: o.wheelName
		})),
		next: view.nextCursor
	};
}

const occurrence = (m: MineItem) => ({
	taskId: m.taskId,
	unitId: m.unitId,
	period: m.period,
	title: m.title,
	unit: m.unitName,
	wheel: m.wheelName,
	responsibleRole: m.responsibleRole,
	storedIn: m.storedIn,
	dueDate: m.dueDate,
	status: m.status
});

/** The open occurrences of `unitIds` (the units the reader leads, or one chosen). */
export function occurrencesApi(unitIds: number[], url: URL, now: Date): OccurrencesResponse {
	const view = mineView(unitIds, url, now);
	return {
		today: view.today,
		counts: view.counts,
		overdue: { items: view.overdue.map(occurrence), next: view.overduePage.next },
		due: { items: view.due.map(occurrence), next: view.duePage.next }
	};
}
