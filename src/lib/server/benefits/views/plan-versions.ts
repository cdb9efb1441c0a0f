/**
 * A benefit's plan versions on its page (the «Versjoner» list, a waiting request with what it
 * would change, the original target for the chart), and the waiting requests across benefits
 * for those who decide them (/gevinster/godkjenning, /styring).
 */
import {
	countWaitingPlanRequests,
	currentLines,
	listPlanVersions,
	waitingPlanRequests,
	type WaitingCursor
} from '../../db/queries/benefits-plan-reads';
import type { PlanVersionRow } from '../../db/queries/benefits-plan';
import { listPlannedPeriods } from '../../db/queries/benefits-gains';
import { canDecidePlan, type BenefitAccess } from '../access';
import { formatValue } from '$lib/charts/realisation';
import { formatDay, formatPercent } from '$lib/format';
import type { SessionUser } from '$lib/server/auth/session';
import {
	formatEstimateLines,
	formatPlanPath,
	planChanges,
	type PlanLine,
	type PlanValues
} from '$lib/domain/benefits/plan-versions';
import { estimateLineTotal } from '$lib/domain/benefits/gain-estimates';
import { type BenefitDirection, type BenefitUnit } from '$lib/domain/benefits/vocabulary';
import { directionLabel, periodLabel, planReasonLabel } from '$lib/labels-benefits';
import { INTL_LOCALE } from '$lib/i18n';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import type { FormValues } from '$lib/schemas/form';

import {
	isAutomaticReason,
	requesterWords,
	type AutomaticReason
} from '$lib/domain/benefits/timing';

type VersionValues = Omit<PlanValues, 'baselineSource'> & { baselineSource?: string | null };
/** What a version leaves as it is (null there): the estimate and judgement in force now. */
type Standing = Pick<PlanValues, 'direction' | 'tolerancePercent' | 'disbenefit'> & {
	lines: PlanLine[];
};

/** A version's values, with what it left as it was taken from `now`. */
const valuesOf = (v: VersionValues, now: Standing): PlanValues => ({
	baselineValue: v.baselineValue,
	baselineDate: v.baselineDate,
	baselineMethod: v.baselineMethod,
	baselineSource: v.baselineSource ?? null,
	targetValue: v.targetValue,
	targetDate: v.targetDate,
	plan: v.plan,
	lines: v.lines ?? now.lines,
	direction: v.direction ?? now.direction,
	tolerancePercent: v.tolerancePercent ?? now.tolerancePercent,
	disbenefit: v.disbenefit ?? now.disbenefit
});

/** «1) Porto: 1 000 × 120 × 50 % = 60 000 kr 2) …». */
function showLines(lines: PlanLine[], unit: BenefitUnit): string {
	if (!lines.length) return m.benefits_versions_no_lines();
	const locale = INTL_LOCALE[getLocale()];
	// Numbered: «;» would read as the separator inside a line of the request form.
	return lines
		.map(
			(l, i) =>
				`${i + 1}) ${l.description}: ${l.amountPerCase.toLocaleString(locale)} × ${l.cases.toLocaleString(locale)} × ${l.sharePercent.toLocaleString(locale)} % = ${formatValue(estimateLineTotal(l), unit)}`
		)
		.join(' ');
}

const CHANGE_LABEL: Record<keyof PlanValues, () => string> = {
	baselineValue: m.benefits_change_baseline_value,
	baselineDate: m.benefits_plan_baseline_date,
	baselineMethod: m.benefits_change_method,
	baselineSource: m.benefits_versions_source_short,
	targetValue: m.benefits_change_target_value,
	targetDate: m.benefits_plan_target_date,
	plan: m.benefits_plan_path,
	lines: m.benefits_versions_lines,
	direction: m.benefits_field_direction,
	tolerancePercent: m.benefits_change_tolerance,
	disbenefit: m.benefits_disbenefit
};

/** A request's reason as stored (benefit_plan_version.reason and reason_params). */
interface StoredReason {
	reason: string;
	reasonParams: AutomaticReason | null;
}

/**
 * A request's reason in the reader's language: the system's from its data; a person's own as
 * they wrote it; and the system's on a request stored before it kept the data, in the bokmål it
 * was stored in, marked so (`reasonInBokmaal`) where the page is in another language.
 */
export function requestReason(v: StoredReason): { reason: string; reasonInBokmaal: boolean } {
	if (v.reasonParams) return { reason: planReasonLabel(v.reasonParams), reasonInBokmaal: false };
	return { reason: v.reason, reasonInBokmaal: isAutomaticReason(v.reason) };
}

/** «Automatisk, da … endret tiltaket» (requesterWords) in the reader's language. */
function requester(v: StoredReason, by: string | null): string | null {
	if (!v.reasonParams && requesterWords(v.reason, by) === by) return by;
	return by ? m.benefits_requester_auto_by({ name: by }) : m.benefits_requester_auto();
}

/** A changed field's name in the reader's language (planChanges in domain/benefits/plan-versions.ts). */
const changeLabel = (field: keyof PlanValues) => CHANGE_LABEL[field]();

function shower(unit: BenefitUnit) {
	return (field: keyof PlanValues, value: PlanValues[keyof PlanValues]): string => {
		if (value === null || value === undefined || value === '') return '–';
		if (field === 'lines') return showLines(value as PlanLine[], unit);
		if (field === 'direction') return directionLabel(value as BenefitDirection);
		if (field === 'tolerancePercent') return formatPercent(Number(value));
		if (field === 'disbenefit')
			return value ? m.benefits_versions_yes_dis() : m.benefits_versions_no_dis();
		if (field === 'plan') {
			const plan = value as PlanValues['plan'];
			return plan.length
				? plan.map((p) => `${periodLabel(p.period)}: ${formatValue(p.value, unit)}`).join(', ')
				: m.benefits_versions_straight();
		}
		if (field === 'baselineValue' || field === 'targetValue') {
			return formatValue(value as number, unit);
		}
		if (field === 'baselineDate' || field === 'targetDate') return formatDay(value as string);
		return String(value);
	};
}

function versionItem(v: ReturnType<typeof listPlanVersions>[number], unit: BenefitUnit) {
	const show = shower(unit);
	return {
		id: v.id,
		number: v.number,
		status: v.status,
		...requestReason(v),
		note: v.decisionNote,
		// «Automatisk, da … endret tiltaket» for a request the system made (timing.ts).
		requestedBy: requester(v, v.requestedBy),
		requestedAt: v.requestedAt.getTime(),
		decidedBy: v.decidedBy,
		decidedAt: v.decidedAt?.getTime() ?? null,
		version: v.version,
		baseline: m.benefits_versions_baseline({
			value: show('baselineValue', v.baselineValue),
			day: show('baselineDate', v.baselineDate)
		}),
		method: v.baselineMethod ?? '',
		source: v.baselineSource ?? '',
		target: m.benefits_plan_target_value({
			value: show('targetValue', v.targetValue),
			day: show('targetDate', v.targetDate)
		}),
		plan: show('plan', v.plan),
		// What a request left as it stood reads «Som før»; version 1 records everything.
		lines: v.lines === null ? null : show('lines', v.lines),
		judgement: [
			[m.benefits_field_direction(), v.direction === null ? null : show('direction', v.direction)],
			[
				m.benefits_change_tolerance(),
				v.tolerancePercent === null ? null : show('tolerancePercent', v.tolerancePercent)
			],
			[
				m.benefits_request_disbenefit(),
				v.disbenefit === null ? null : show('disbenefit', v.disbenefit)
			]
		].filter((row): row is [string, string] => row[1] !== null),
		evidenceUrl: v.evidenceUrl,
		evidenceFile: v.evidenceFileName
	};
}

/** The request form's values: the posted ones after a refusal, else the plan in force. */
function requestValues(b: BenefitAccess['benefit'], approved: PlanVersionRow | undefined) {
	const path = listPlannedPeriods([b.id]).map((p) => ({ period: p.period, value: p.value }));
	const str = (v: number | string | null) => (v === null ? '' : String(v));
	return {
		baselineValue: str(b.baselineValue),
		baselineDate: str(b.baselineDate),
		baselineMethod: str(b.baselineMethod),
		baselineSource: str(approved?.baselineSource ?? null),
		evidenceUrl: '',
		targetValue: str(b.targetValue),
		targetDate: str(b.targetDate),
		plan: formatPlanPath(path),
		lines: formatEstimateLines(currentLines(b.id)),
		direction: b.direction,
		tolerancePercent: String(b.tolerancePercent),
		disbenefit: b.disbenefit ? 'ja' : 'nei',
		reason: ''
	} satisfies FormValues;
}

export function planVersionsView({ user, benefit, canEdit }: BenefitAccess) {
	const unit = benefit.unit ?? 'antall';
	const rows = listPlanVersions(benefit.id);
	const approved = rows.find((r) => r.status === 'approved');
	const waiting = rows.find((r) => r.status === 'requested');
	const first = rows.find((r) => r.number === 1);
	const frozen = benefit.planFrozenAt !== null;
	const standing: Standing = {
		lines: currentLines(benefit.id),
		direction: benefit.direction,
		tolerancePercent: benefit.tolerancePercent,
		disbenefit: benefit.disbenefit
	};
	return {
		frozen,
		frozenAt: benefit.planFrozenAt?.getTime() ?? null,
		benefitVersion: benefit.version,
		canFreeze: canEdit && !frozen && !!benefit.baselineDate && !!benefit.targetDate,
		canRequest: canEdit && frozen && !waiting,
		canDecide: canDecidePlan(user),
		source: approved?.baselineSource ?? '',
		versions: rows.map((r) => versionItem(r, unit)),
		waiting: waiting
			? {
					...versionItem(waiting, unit),
					mine: waiting.requestedById === user.id,
					changes: approved
						? planChanges(
								valuesOf(approved, standing),
								valuesOf(waiting, standing),
								shower(unit)
							).map((c) => ({ ...c, label: changeLabel(c.field) }))
						: []
				}
			: null,
		/** The target the plan was first approved with, for the chart beside the current one. */
		originalTarget:
			first && first.targetValue !== null && first.targetDate
				? { value: first.targetValue, date: first.targetDate }
				: null,
		requestValues: frozen && canEdit ? requestValues(benefit, approved) : null
	};
}

export type PlanVersionsView = ReturnType<typeof planVersionsView>;

const PAGE = 25;

/** Waiting requests, oldest first, a page at a time (`?etter=<ms>-<id>`). */
export function waitingRequestsPage(url: URL) {
	const raw = url.searchParams.get('etter') ?? '';
	const m = /^(\d{1,15})-(\d{1,10})$/.exec(raw);
	const after: WaitingCursor | null = m ? { requestedAt: Number(m[1]), id: Number(m[2]) } : null;
	const rows = waitingPlanRequests(after, PAGE + 1);
	const page = rows.slice(0, PAGE);
	const last = page[page.length - 1];
	return {
		count: countWaitingPlanRequests(),
		requests: page.map(({ reasonParams, ...r }) => ({
			...r,
			...requestReason({ reason: r.reason, reasonParams }),
			requestedBy: requester({ reason: r.reason, reasonParams }, r.requestedBy),
			requestedAt: r.requestedAt.getTime()
		})),
		next: rows.length > PAGE && last ? `?etter=${last.requestedAt.getTime()}-${last.id}` : null,
		first: after !== null
	};
}

/** How many plan changes wait, for the steering page. */
export function waitingRequestCount(): number {
	return countWaitingPlanRequests();
}

/** Whether this person decides plan changes (and so is shown the list of those waiting). */
export function decidesPlans(user: SessionUser): boolean {
	return canDecidePlan(user);
}
