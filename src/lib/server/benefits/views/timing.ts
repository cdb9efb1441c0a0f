/**
 * What the benefit page says about when the benefit starts: the measure and status it waits
 * for, in words, whether the measure is there, and the rule for when the measure slips.
 */
import { startMeasureChoices, startMeasureOf } from '../../db/queries/benefits-timing';
import type { BenefitAccess } from '../access';
import {
	SHIFT_RULE,
	START_STATUSES,
	hasReached,
	plannedDateFor,
	timingSentence
} from '$lib/domain/benefits/timing';
import { LIFECYCLE_LABEL } from '$lib/domain/portfolio/vocabulary';

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
