/**
 * Benefits as the JSON API answers them (docs/api.md): the list with each benefit's status
 * against plan (the same SQL as Gevinster's list, keyset-paged by id), and one benefit with
 * its plan, realised and forecast as its page computes them.
 */
import { error } from '@sveltejs/kit';
import { planStatusOf } from '$lib/domain/benefits/health';
import { badPageLink, decodeKey, encodeKey } from '$lib/paging';
import type { BenefitResponse, BenefitsResponse } from '$lib/schemas/api';
import type { BenefitLevel } from '$lib/domain/benefits/vocabulary';
import { listBenefitsPage } from '$lib/server/db/queries/gain-lists';
import { listCurrentRealisations } from '$lib/server/db/queries/realisation-log';
import { getMission } from '$lib/server/db/queries/mission';
import type { BenefitAccess } from '../access';
import { benefitPage } from './benefit';

export const API_BENEFIT_PAGE = 50;

export interface BenefitsApiFilter {
	trackId: number | null;
	projectId: number | null;
	level: BenefitLevel | null;
	/** `next` of the page before. */
	after: string | null;
}

export function benefitsApi(filter: BenefitsApiFilter): BenefitsResponse {
	const mission = getMission();
	if (!mission) return { items: [], next: null };
	const after = filter.after === null ? undefined : decodeKey(filter.after, 1);
	if (filter.after !== null && !after) error(400, badPageLink());
	const rows = listBenefitsPage(
		{
			missionId: mission.id,
			trackId: filter.trackId,
			projectId: filter.projectId,
			level: filter.level
		},
		mission.behindPlanMarginPercent,
		after ? { after } : {},
		API_BENEFIT_PAGE + 1
	);
	const page = rows.slice(0, API_BENEFIT_PAGE);
	const last = page.at(-1);
	return {
		items: page.map((b) => ({
			id: b.id,
			title: b.title,
			projectId: b.projectId,
			project: b.projectTitle,
			level: b.level,
			kind: b.kind,
			unit: b.unit,
			disbenefit: b.disbenefit === 1,
			estimate: b.estimate,
			status: planStatusOf(b),
			statusPeriod: b.statusPeriod,
			planned: b.statusPlanned,
			realised: b.statusRealised
		})),
		next: rows.length > API_BENEFIT_PAGE && last ? encodeKey([last.id]) : null
	};
}

/** One benefit; `url` is the request's (the page's realisation log is not part of this). */
export function benefitApi(access: BenefitAccess, url: URL): BenefitResponse {
	const page = benefitPage(access, url);
	const b = access.benefit;
	return {
		id: b.id,
		title: b.title,
		description: b.description,
		project: page.project,
		level: b.level,
		kind: b.kind,
		unit: b.unit,
		disbenefit: b.disbenefit,
		owner: b.ownerId && page.benefit.owner ? { id: b.ownerId, name: page.benefit.owner } : null,
		indicator: b.indicator,
		direction: b.direction,
		tolerancePercent: page.settings.tolerancePercent,
		plan: {
			baseline:
				b.baselineValue !== null && b.baselineDate !== null
					? { value: b.baselineValue, date: b.baselineDate }
					: null,
			target:
				b.targetValue !== null && b.targetDate !== null
					? { value: b.targetValue, date: b.targetDate }
					: null,
			estimate: page.estimate?.total ?? null
		},
		months: page.series.map((r) => ({
			period: r.period,
			planned: r.planned,
			realised: r.realised
		})),
		forecasts: page.governance.forecasts.map((f) => ({ period: f.period, value: f.value })),
		status: page.governance.health
			? {
					health: page.governance.health.status,
					label: page.governance.health.label,
					sentence: page.governance.health.sentence
				}
			: null,
		registrations: registrationsOf(b.id),
		canLog: access.canLog
	};
}

const isoOrNull = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/**
 * The registrations that count, quantitative values and qualitative assessments alike, each
 * with its id so a client can correct it (`supersedesId`, docs/api.md).
 */
function registrationsOf(benefitId: number): BenefitResponse['registrations'] {
	return listCurrentRealisations(benefitId).map((r) => ({
		id: r.id,
		period: r.period,
		value: r.value,
		assessment: r.assessment,
		narrative: r.narrative,
		comment: r.comment,
		supersedesId: r.supersedesId,
		author: r.author,
		createdAt: new Date(r.createdAt).toISOString(),
		attested: r.attestedBy === null ? null : { by: r.attestedBy, at: isoOrNull(r.attestedAt) },
		validated: r.validatedBy === null ? null : { by: r.validatedBy, at: isoOrNull(r.validatedAt) }
	}));
}
