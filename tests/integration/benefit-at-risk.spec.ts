/**
 * «I faresonen» is one rule: the benefit page's health (domain/benefits/health.ts, `isAtRisk`)
 * and the SQL the lists, counts, register and steering pages use (`AT_RISK`, gain-lists.ts)
 * call the same benefits at risk, over several benefits, both directions, planned months and
 * forecasts that are missing, behind the status or better than plan.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Signed } from '../factories';
import { logGain, makeBenefit, planBenefit, makeLeaderWithProject } from '../factories/benefits';
import { listBenefitsByProjects } from '$lib/server/db/queries/benefits';
import {
	listEstimateLines,
	listPlannedPeriods,
	listRealisations,
	setPlannedPeriod
} from '$lib/server/db/queries/benefits-gains';
import { listForecasts, setForecast } from '$lib/server/db/queries/benefits-attestation';
import {
	countBehindByTrack,
	countPlanStatus,
	listBenefitsPage
} from '$lib/server/db/queries/gain-lists';
import { getMission } from '$lib/server/db/queries/mission';
import { toFacts } from '$lib/server/benefits/scope';
import { benefitOverview } from '$lib/server/benefits/views/overview';
import { steeringPage } from '$lib/server/steering/views/steering';
import { benefitResult } from '$lib/domain/benefits/figures';
import {
	benefitHealth,
	forecastAtEnd,
	isAtRisk,
	isBehind,
	toleranceOf
} from '$lib/domain/benefits/health';
import type { BenefitInput } from '$lib/schemas/benefits';

let leader: Signed;
let missionId = 0;
let projectId = 0;
const NOW = new Date('2026-07-10T10:00:00Z');

beforeAll(async () => {
	({ leader, missionId, projectId } = await makeLeaderWithProject());
});

/**
 * A benefit planned from `from` (January 2026) to `to` (December), unit antall, tolerance 10 %,
 * with June's gain logged and the forecasts given (month → what the month adds).
 */
function planned(
	title: string,
	input: Partial<BenefitInput>,
	[from, to]: [number, number],
	juneGain: number | null,
	forecasts: Record<string, number> = {},
	given: Record<string, number> = {}
) {
	const id = makeBenefit(
		projectId,
		{ title, unit: 'antall', tolerancePercent: 10, ...input },
		leader.user.id
	);
	planBenefit(id, { baseline: from, target: to, method: 'Telling' }, leader.user.id, NOW);
	for (const [period, value] of Object.entries(given)) {
		setPlannedPeriod(id, { period, value }, leader.user.id, NOW);
	}
	// Some forecasts before the realised value, so both writes must keep the stored figure.
	const entries = Object.entries(forecasts);
	const half = Math.ceil(entries.length / 2);
	for (const [period, value] of entries.slice(0, half)) {
		setForecast(id, { period, value }, leader.user.id, NOW);
	}
	if (juneGain !== null) logGain(id, '2026-06', juneGain, leader.user.id, NOW);
	for (const [period, value] of entries.slice(half)) {
		setForecast(id, { period, value }, leader.user.id, NOW);
	}
	return id;
}

describe('one «i faresonen» rule', () => {
	it('SQL flags and counts exactly the benefits the benefit page calls «i faresonen»', async () => {
		const rest = (value: number) =>
			Object.fromEntries(['07', '08', '09', '10', '11', '12'].map((m) => [`2026-${m}`, value]));
		// Higher is better, 0 → 1 100: June is planned at 500, each later month adds 100.
		const ids = {
			// On plan now; the forecast adds 20 a month: 620 at the target, 44 % short.
			short: planned('Kort prognose', {}, [0, 1100], 500, rest(20)),
			// A month at 50 instead of 100: 1 050, 5 % short, within 10 %.
			slightlyShort: planned('Litt kort', {}, [0, 1100], 500, { '2026-07': 50 }),
			// Behind now (300 of 500) and short ahead too: «bak plan», not «i faresonen».
			behind: planned('Bak plan', {}, [0, 1100], 300, rest(0)),
			// On plan, no forecast: no danger to judge.
			noForecast: planned('Uten prognose', {}, [0, 1100], 500),
			// A forecast only for the status month itself is not ahead of it.
			pastForecast: planned('Prognose bak', {}, [0, 1100], 500, { '2026-06': -400 }),
			// Better than plan ahead.
			ahead: planned('Foran', {}, [0, 1100], 500, { '2026-07': 500 }),
			// Lower is better, 1 000 → 0: June is planned at 545; a July that adds 100 leaves
			// 191 at the target, where 0 was planned: worse, so at risk.
			lower: planned('Ventetid', { direction: 'lower' }, [1000, 0], -455, { '2026-07': 100 }),
			// Lower is better, a forecast that falls faster: fine.
			lowerFine: planned('Ventetid 2', { direction: 'lower' }, [1000, 0], -455, {
				'2026-07': -300
			}),
			// A planned month in September (900): June is planned at 563; October's forecast of
			// -100 against a step of 67 leaves 933 at the target, 15 % short.
			shaped: planned('Formet plan', {}, [0, 1100], 563, { '2026-10': -100 }, { '2026-09': 900 }),
			// A dis-benefit where lower is better, whose harm is forecast to grow: at risk.
			harm: planned('Ulempe', { direction: 'lower', disbenefit: true }, [0, 0], 0, {
				'2026-08': 50
			}),
			notMeasured: planned('Ikke målt', {}, [0, 1100], null, rest(0))
		};

		const margin = getMission()!.behindPlanMarginPercent;
		const settings = { hourlyRateKroner: null, marginPercent: margin };
		const benefits = listBenefitsByProjects([projectId]);
		const all = benefits.map((b) => b.id);
		const lines = listEstimateLines(all);
		const realisations = listRealisations(all);
		const given = listPlannedPeriods(all);
		const judged = benefits.map((b) => {
			const { series } = benefitResult(toFacts(b, lines, realisations, given), settings);
			const last = series.findLast((r) => r.realised !== null);
			if (!last || last.realised === null) return { id: b.id, atRisk: false, behind: false };
			// As the benefit page judges it (views/attestation.ts).
			const input = {
				direction: b.direction,
				tolerancePercent: toleranceOf(b.tolerancePercent, margin),
				planned: last.planned,
				realised: last.realised,
				plannedAtEnd: series.at(-1)!.planned,
				forecastAtEnd: forecastAtEnd(series, listForecasts(b.id))
			};
			const health = benefitHealth({ ...input, format: String });
			expect(health.status === 'at_risk', b.title).toBe(isAtRisk(input));
			return { id: b.id, atRisk: isAtRisk(input), behind: isBehind(input) };
		});
		const domainAtRisk = judged.filter((j) => j.atRisk).map((j) => j.id);
		expect(domainAtRisk.sort((a, b) => a - b)).toEqual([
			ids.short,
			ids.lower,
			ids.shaped,
			ids.harm
		]);

		// The stored figure and `AT_RISK` say the same for each benefit.
		const scope = { missionId, projectId: null, trackId: null, level: null };
		const rows = listBenefitsPage(scope, margin, {}, 50);
		expect(rows.filter((r) => r.atRisk).map((r) => r.id)).toEqual(domainAtRisk);
		expect(rows.filter((r) => r.behind).map((r) => r.id)).toEqual(
			judged.filter((j) => j.behind).map((j) => j.id)
		);
		expect(countPlanStatus(scope, margin)).toEqual({
			behind: judged.filter((j) => j.behind).length,
			atRisk: domainAtRisk.length
		});
		const mission = countBehindByTrack(margin).find((r) => r.dim === 'mission')!;
		expect(mission.atRisk).toBe(domainAtRisk.length);

		// Where the status is shown: /gevinster's list and count, and /styring.
		const overview = benefitOverview(new URLSearchParams(), leader.user);
		expect(overview.scope!.counts.atRisk).toBe(domainAtRisk.length);
		const statuses = new Map(overview.scope!.benefits.map((b) => [b.id, b.status]));
		expect(statuses.get(ids.short)).toBe('at_risk');
		expect(statuses.get(ids.behind)).toBe('behind');
		expect(statuses.get(ids.slightlyShort)).toBe('on_plan');
		const steering = steeringPage(leader.user, { since: null, kind: null, after: null }, NOW);
		expect(steering.total!.behind.atRisk).toBe(domainAtRisk.length);
	});
});
