/**
 * What the benefit page says about when the benefit starts: the measure and status it waits
 * for, in words, whether the measure is there, and the rule for when the measure slips.
 */
import { startMeasureChoices, startMeasureOf } from '../../db/queries/benefits-timing';
import { lastPlanShift, waitingRequestWithDelays } from '../../db/queries/benefits-timing-reads';
import { formatDateTime } from '$lib/format';
import type { BenefitAccess } from '../access';
import { requestReason } from './plan-versions';
import { START_STATUSES, hasReached, plannedDateFor } from '$lib/domain/benefits/timing';
import { lifecycleLabel } from '$lib/labels';
import { periodLabel } from '$lib/labels-benefits';
import { m } from '$lib/paraglide/messages';

/**
 * Why the nullpunkt did not move with the plan: a move (and the request the steering group
 * gets) copies the approved baseline value and date unchanged and moves only the planned months
 * and the target day (db/queries/benefits-timing.ts), because the nullpunkt is a measurement
 * already made; a late measure changes when the gain comes, not where it starts from.
 */
const months = (n: number) =>
	n === 1 ? m.benefits_timing_month_one({ n }) : m.benefits_timing_month_many({ n });

/** «12.11.2026 10:00: forsinket fra oktober 2026 til desember 2026 (2 måneder)». */
const delayWords = (d: { at: Date; months: number; expectedFrom: string; expectedTo: string }) =>
	m.benefits_timing_delay({
		at: formatDateTime(d.at),
		from: periodLabel(d.expectedFrom),
		to: periodLabel(d.expectedTo),
		months: months(d.months)
	});

/** The last automatic move and the waiting request, in words. */
function shiftView(benefitId: number) {
	const last = lastPlanShift(benefitId);
	const waiting = waitingRequestWithDelays(benefitId);
	return {
		shift: last
			? m.benefits_timing_shift({
					months: months(last.months),
					at: formatDateTime(last.at),
					from: periodLabel(last.expectedFrom),
					to: periodLabel(last.expectedTo)
				})
			: null,
		waiting: waiting
			? {
					sentence: m.benefits_timing_waiting({
						number: waiting.number,
						at: formatDateTime(waiting.requestedAt)
					}),
					...requestReason(waiting),
					timingOnly: waiting.timingOnly,
					delays: waiting.delays.map(delayWords)
				}
			: null,
		baselineStays: m.benefits_timing_baseline_stays()
	};
}

export function timingView({ benefit, canEdit }: BenefitAccess) {
	const wanted = benefit.startMeasureStatus;
	const measure = benefit.startMeasureId ? startMeasureOf(benefit.startMeasureId) : undefined;
	const tied =
		measure && wanted
			? {
					measureId: measure.id,
					sentence: m.benefits_timing_sentence({
						measure: measure.title,
						status: lifecycleLabel(wanted)
					}),
					status: lifecycleLabel(measure.status),
					reached: hasReached(measure.status, wanted),
					rejected: measure.status === 'rejected',
					plannedDate: plannedDateFor(measure, wanted)
				}
			: null;
	return {
		tied,
		...shiftView(benefit.id),
		rule: m.benefits_timing_shift_rule(),
		frozen: benefit.planFrozenAt !== null,
		values: {
			startMeasureId: benefit.startMeasureId ? String(benefit.startMeasureId) : '',
			startMeasureStatus: benefit.startMeasureStatus ?? '',
			version: String(benefit.version)
		},
		measures: canEdit
			? startMeasureChoices(benefit.projectId).map((c) => ({ id: c.id, title: c.title }))
			: [],
		statuses: START_STATUSES.map((s) => ({ value: s, label: lifecycleLabel(s) }))
	};
}
