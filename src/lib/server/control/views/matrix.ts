/**
 * The risk-and-control matrix (KS «Rådmannens internkontroll – Orden i eget hus»: each risk,
 * the control that addresses it, who does it, how often), a page of risks at a time, with the
 * flags of kommuneloven § 25-1 c; and the risks a wheel's tasks control, for its template page.
 */
import {
	countMatrixRisks,
	listControlsOfRisks,
	listLinkableRisks,
	listMatrixRisks,
	listRepeatedFindingTasks,
	listTasksControllingRisks,
	listWheelTaskRisks
} from '../../db/queries/risk-control';
import { osloDay } from '$lib/format';
import { keysetList } from '$lib/paging';
import { dueMonths, type Month } from '$lib/domain/wheel/schedule';
import { taskSchedule } from '$lib/domain/wheel/occurrences';
import {
	findsDeviationsRepeatedly,
	repeatedFindingsFrom,
	riskHasNoControl
} from '$lib/domain/control/deviations';
import type { RiskStatus } from '$lib/domain/portfolio/vocabulary';
import { monthLabel } from '$lib/labels';
import { m } from '$lib/paraglide/messages';

// In the request's language (RISK_STATUS_LABEL in domain/portfolio/vocabulary.ts).
const RISK_STATUS: Record<RiskStatus, () => string> = {
	open: m.control_risk_open,
	mitigating: m.control_risk_mitigating,
	closed: m.control_risk_closed
};

/** «jan», «feb» … in the request's language (monthShortName in domain/wheel/schedule.ts). */
const monthShort = (month: Month) => monthLabel(month).slice(0, 3);

export const MATRIX_PAGE = 25;

/** «Hver måned» / «Mars» / «Jan, jul», as the wheel's schedule reads. */
function scheduleLabel(t: { scheduleKind: string; months: string; dueDay: number | null }): string {
	const schedule = taskSchedule(t as Parameters<typeof taskSchedule>[0]);
	if (schedule.kind === 'monthly') return m.control_schedule_monthly();
	const months = dueMonths(schedule).map(monthShort).join(', ');
	return schedule.kind === 'yearly'
		? m.control_schedule_yearly({ months })
		: m.control_schedule_months({ months });
}

export function matrixPage(url: URL, now: Date) {
	const today = osloDay(now);
	const from = repeatedFindingsFrom(today);
	const to = today.slice(0, 7);
	const uncontrolled = url.searchParams.get('vis') === 'uten-kontroll';
	const page = keysetList(
		url.searchParams,
		(position, limit) => listMatrixRisks(uncontrolled, position, limit),
		{
			prefix: '',
			hash: 'risikoer',
			size: MATRIX_PAGE,
			keyLength: 2,
			keyOf: (r) => [-r.score, r.id]
		}
	);
	const controls = listControlsOfRisks(
		page.rows.map((r) => r.id),
		from,
		to
	);
	return {
		uncontrolled,
		window: { from, to },
		counts: countMatrixRisks(),
		risks: page.rows.map((r) => ({
			...r,
			statusLabel: RISK_STATUS[r.status as RiskStatus]?.() ?? r.status,
			flag: riskHasNoControl(r) ? m.control_flag_no_control() : null,
			controls: controls
				.filter((c) => c.riskId === r.id)
				.map((c) => ({
					taskId: c.taskId,
					title: c.title,
					wheelId: c.wheelId,
					wheelName: c.wheelName,
					responsibleRole: c.responsibleRole,
					schedule: scheduleLabel(c),
					archived: c.archived === 1,
					deviationPeriods: c.deviationPeriods,
					flag: findsDeviationsRepeatedly(c.deviationPeriods) ? m.control_flag_repeated() : null
				}))
		})),
		pager: { previous: page.previous, next: page.next, first: page.first },
		repeated: listRepeatedFindingTasks(from, to, 50)
	};
}

/** The template page: per task, the risks it controls; and the risks one may link. */
export function wheelRiskControls(wheelId: number, canEdit: boolean) {
	const links = listWheelTaskRisks(wheelId);
	const byTask: Record<number, { riskId: number; title: string }[]> = {};
	for (const l of links) (byTask[l.taskId] ??= []).push({ riskId: l.riskId, title: l.title });
	return {
		taskRisks: byTask,
		riskOptions: canEdit
			? listLinkableRisks().map((r) => ({
					value: String(r.id),
					label: r.subject ? `${r.title} (${r.subject})` : r.title
				}))
			: []
	};
}

/** A project's or measure's risks, each with the wheel tasks that control it. */
export function withControls<R extends { id: number }>(risks: R[]) {
	const rows = listTasksControllingRisks(risks.map((r) => r.id));
	return risks.map((r) => ({
		...r,
		controls: rows
			.filter((c) => c.riskId === r.id)
			.map((c) => ({
				taskId: c.taskId,
				title: c.title,
				wheelId: c.wheelId,
				wheelName: c.wheelName
			}))
	}));
}
