/**
 * What the benefit page says about when the benefit starts: the measure and status it waits
 * for, in words, whether the measure is there, and the rule for when the measure slips.
 */
import { startMeasureChoices, startMeasureOf } from '../../db/queries/benefits-timing';
import { lastPlanShift, waitingRequestWithDelays } from '../../db/queries/benefits-timing-reads';
import { formatDateTime } from '$lib/format';
import type { BenefitAccess } from '../access';
import {
	SHIFT_RULE,
	START_STATUSES,
	hasReached,
	plannedDateFor,
	timingSentence
} from '$lib/domain/benefits/timing';
import { periodWords } from '$lib/domain/benefits/attestation';
import { LIFECYCLE_LABEL } from '$lib/domain/portfolio/vocabulary';

/**
 * Why the nullpunkt did not move with the plan: a move (and the request the steering group
 * gets) copies the approved baseline value and date unchanged and moves only the planned months
 * and the target day (db/queries/benefits-timing.ts), because the nullpunkt is a measurement
 * already made; a late measure changes when the gain comes, not where it starts from.
 */
export const BASELINE_STAYS =
	'Nullpunktet står fast, med samme verdi og dato: det er en måling som allerede er gjort. Bare planen for når gevinsten kommer (de planlagte månedene og måldatoen) flyttes.';

const months = (n: number) => `${n} ${n === 1 ? 'måned' : 'måneder'}`;

/** «12.11.2026 10:00: forsinket fra oktober 2026 til desember 2026 (2 måneder)». */
const delayWords = (d: { at: Date; months: number; expectedFrom: string; expectedTo: string }) =>
	`${formatDateTime(d.at)}: forsinket fra ${periodWords(d.expectedFrom)} til ${periodWords(d.expectedTo)} (${months(d.months)})`;

/** The last automatic move and the waiting request, in words. */
function shiftView(benefitId: number) {
	const last = lastPlanShift(benefitId);
	const waiting = waitingRequestWithDelays(benefitId);
	return {
		shift: last
			? `Planen ble flyttet ${months(last.months)} senere ${formatDateTime(last.at)}, fordi tiltaket ble forsinket fra ${periodWords(last.expectedFrom)} til ${periodWords(last.expectedTo)}.`
			: null,
		waiting: waiting
			? {
					sentence: `En endringsforespørsel venter på styringsgruppen: versjon ${waiting.number}, sendt ${formatDateTime(waiting.requestedAt)}.`,
					reason: waiting.reason,
					timingOnly: waiting.timingOnly,
					delays: waiting.delays.map(delayWords)
				}
			: null,
		baselineStays: BASELINE_STAYS
	};
}

export function timingView({ benefit, canEdit }: BenefitAccess) {
	const wanted = benefit.startMeasureStatus;
	const m = benefit.startMeasureId ? startMeasureOf(benefit.startMeasureId) : undefined;
	const tied =
		m && wanted
			? {
					measureId: m.id,
					sentence: timingSentence(m.title, wanted),
					status: LIFECYCLE_LABEL[m.status],
					reached: hasReached(m.status, wanted),
					rejected: m.status === 'rejected',
					plannedDate: plannedDateFor(m, wanted)
				}
			: null;
	return {
		tied,
		...shiftView(benefit.id),
		rule: SHIFT_RULE,
		frozen: benefit.planFrozenAt !== null,
		values: {
			startMeasureId: benefit.startMeasureId ? String(benefit.startMeasureId) : '',
			startMeasureStatus: benefit.startMeasureStatus ?? '',
			version: String(benefit.version)
		},
		measures: canEdit
			? startMeasureChoices(benefit.projectId).map((c) => ({ id: c.id, title: c.title }))
			: [],
		statuses: START_STATUSES.map((s) => ({ value: s, label: LIFECYCLE_LABEL[s] }))
	};
}
