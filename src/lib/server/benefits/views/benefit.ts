/**
 * One benefit's page (/gevinster/[id]): the benefit, its estimate, plan and status, its
 * realisation log a page at a time (./realisation-log) and the causes logged for it.
 */
import { getMission } from '../../db/queries/mission';
import {
	listEstimateLines,
	listFollowUps,
	listPlannedPeriods,
	listRealisations
} from '../../db/queries/benefits-gains';
import { listUserChoices } from '../../db/queries/users';
import { pickerNames } from '$lib/domain/org/picker-names';
import type { BenefitAccess } from '../access';
import { toFacts } from '../scope';
import { realisationLogView } from './realisation-log';
import { attestationView } from './attestation';
import { benefitResult } from '$lib/domain/benefits/figures';
import { toleranceOf } from '$lib/domain/benefits/health';
import * as formValues from '$lib/benefits/form-values';

export function benefitPage(access: BenefitAccess, url: URL) {
	const { benefit, project, canEdit, canLog } = access;
	const id = benefit.id;
	const mission = getMission();
	const marginPercent = mission?.behindPlanMarginPercent ?? 20;
	const settings = {
		hourlyRateKroner: mission?.hourlyRateKroner ?? null,
		marginPercent,
		// What judges this benefit's «bak plan» (domain/benefits/health.ts, `toleranceOf`).
		tolerancePercent: toleranceOf(benefit.tolerancePercent, marginPercent)
	};
	const lines = listEstimateLines([id]);
	const realisations = listRealisations([id]);
	const given = listPlannedPeriods([id]);
	const result = benefitResult(toFacts(benefit, lines, realisations, given), settings);
	const people = listUserChoices();
	const nameOf = new Map(people.map((u) => [u.id, u.name]));
	const users = pickerNames(people);
	const authorOf = (authorId: number | null) => (authorId ? (nameOf.get(authorId) ?? '') : '');
	const log = realisationLogView(id, url.searchParams);
	return {
		benefit: {
			...benefit,
			createdAt: undefined,
			owner: benefit.ownerId ? (nameOf.get(benefit.ownerId) ?? null) : null
		},
		project: { id: project.id, title: project.title },
		values: formValues.benefitValues(benefit),
		planValues: formValues.planValues(benefit),
		canEdit,
		canLog,
		settings,
		lines: lines.map((l, i) => ({
			id: l.id,
			description: l.description,
			amountPerCase: l.amountPerCase,
			cases: l.cases,
			sharePercent: l.shareHundredths / 100,
			total: result.estimate?.lineTotals[i] ?? 0,
			values: formValues.lineValues(l)
		})),
		estimate: result.estimate,
		series: result.series,
		given: given.map((g) => ({ id: g.id, period: g.period, value: g.value })),
		status: result.status,
		history: log.entries,
		logPager: log.pager,
		logCount: log.count,
		followUps: listFollowUps([id]).map((f) => ({
			id: f.id,
			period: f.period,
			cause: f.cause,
			correctiveMeasure: f.correctiveMeasure,
			author: authorOf(f.authorId),
			createdAt: f.createdAt.getTime()
		})),
		governance: attestationView(access, result.series, settings.tolerancePercent),
		users: canEdit ? users.filter((u) => u.active).map((u) => ({ id: u.id, name: u.name })) : []
	};
}
