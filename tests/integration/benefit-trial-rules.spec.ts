/**
 * Rules a user trial found loose: one «bak plan» rule in the domain and in SQL (own tolerance
 * or the mission's margin, direction respected), and a frozen plan that only changes by an
 * approved request, whichever form or verb is used.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { actions } from '../../src/routes/(app)/gevinster/[id=id]/+page.server';
import { eventOn, outcome, type Signed } from '../factories';
import {
	logGain,
	makeBenefit,
	makeFrozenBenefit,
	planBenefit,
	makeLeaderWithProject
} from '../factories/benefits';
import { listAuditEntries } from '$lib/server/db/queries/audit';
import { getBenefit, listBenefitsByProjects } from '$lib/server/db/queries/benefits';
import {
	addEstimateLine,
	deletePlannedPeriod,
	listEstimateLines,
	listPlannedPeriods,
	listRealisations,
	setPlannedPeriod
} from '$lib/server/db/queries/benefits-gains';
import {
	countBehindByTrack,
	listBehindPage,
	listBenefitsPage
} from '$lib/server/db/queries/gain-lists';
import { getMission } from '$lib/server/db/queries/mission';
import { toFacts } from '$lib/server/benefits/scope';
import { benefitResult } from '$lib/domain/benefits/figures';
import { benefitHealth, toleranceOf } from '$lib/domain/benefits/health';
import type { BenefitInput } from '$lib/schemas/benefits';

let leader: Signed;
let missionId = 0;
let projectId = 0;
const NOW = new Date('2026-07-10T10:00:00Z');

beforeAll(async () => {
	({ leader, missionId, projectId } = await makeLeaderWithProject());
});

/** A benefit planned from `from` (January) to `to` (December), with June's value logged. */
function planned(
	title: string,
	input: Partial<BenefitInput>,
	from: number,
	to: number,
	juneGain: number | null
) {
	const id = makeBenefit(projectId, { title, unit: 'antall', ...input }, leader.user.id);
	planBenefit(id, { baseline: from, target: to, method: 'Telling' }, leader.user.id, NOW);
	if (juneGain !== null) logGain(id, '2026-06', juneGain, leader.user.id, NOW);
	return id;
}

describe('one «bak plan» rule', () => {
	it('SQL counts and lists exactly the benefits the health status calls «bak plan»', () => {
		// Higher is better, 0 → 1 100: June is planned at 500.
		const ids = {
			// 12 % under plan: behind with its own 10 % (the old 20 % margin let it pass).
			ownTight: planned('Egen toleranse 10', { tolerancePercent: 10 }, 0, 1100, 440),
			// 24 % under plan: within its own 30 % (the old 20 % margin called it behind).
			ownWide: planned('Egen toleranse 30', { tolerancePercent: 30 }, 0, 1100, 380),
			// Lower is better, 1 000 → 0: June is planned at 545. 700 is 28 % worse.
			lowerBehind: planned('Ventetid', { direction: 'lower' }, 1000, 0, -300),
			// 580 is 6 % worse: within 10 %.
			lowerWithin: planned('Ventetid 2', { direction: 'lower' }, 1000, 0, -420),
			// A dis-benefit whose harm grows faster than planned (lower is better): behind.
			harm: planned('Ulempe', { direction: 'lower', disbenefit: true }, 0, 1100, 800),
			// Above plan when higher is better: on track.
			ahead: planned('Foran plan', {}, 0, 1100, 600),
			notMeasured: planned('Ikke målt', {}, 0, 1100, null)
		};
		const margin = getMission()!.behindPlanMarginPercent;
		const settings = { hourlyRateKroner: null, marginPercent: margin };
		const benefits = listBenefitsByProjects([projectId]);
		const all = benefits.map((b) => b.id);
		const lines = listEstimateLines(all);
		const realisations = listRealisations(all);
		const given = listPlannedPeriods(all);
		const domainBehind = benefits
			.filter((b) => {
				const status = benefitResult(toFacts(b, lines, realisations, given), settings).status;
				if (!status) return false;
				// The benefit page's health says the same as the status.
				const health = benefitHealth({
					direction: b.direction,
					tolerancePercent: toleranceOf(b.tolerancePercent, margin),
					planned: status.planned,
					realised: status.realised,
					format: String
				});
				expect(health.status === 'behind').toBe(status.behind);
				return status.behind;
			})
			.map((b) => b.id)
			.sort((a, b) => a - b);
		expect(domainBehind).toEqual([ids.ownTight, ids.lowerBehind, ids.harm]);

		const scope = { missionId, projectId: null, trackId: null, level: null };
		const mission = countBehindByTrack(margin).find((r) => r.dim === 'mission')!;
		expect(mission.behind).toBe(domainBehind.length);
		expect(listBehindPage(scope, margin, {}, 50).map((r) => r.id)).toEqual(domainBehind);
		const flagged = listBenefitsPage(scope, margin, {}, 50)
			.filter((r) => r.behind)
			.map((r) => r.id);
		expect(flagged).toEqual(domainBehind);
	});

	it('a benefit created without its own tolerance takes the mission margin', () => {
		const margin = getMission()!.behindPlanMarginPercent;
		const id = makeBenefit(
			projectId,
			{ title: 'Uten egen toleranse', tolerancePercent: undefined },
			leader.user.id
		);
		expect(getBenefit(id)!.tolerancePercent).toBe(margin);
		expect(margin).not.toBe(10); // the column's own default, which must not be what decides
		const own = makeBenefit(projectId, { title: 'Egen', tolerancePercent: 5 }, leader.user.id);
		expect(getBenefit(own)!.tolerancePercent).toBe(5);
	});
});

describe('a frozen plan changes only by an approved request', () => {
	let id = 0;
	const form = (extra: Record<string, string>) => eventOn(leader, '/gevinster', id, extra);
	const HOW = /Be om endring av nullpunkt, mål eller plan/;

	beforeAll(() => {
		id = makeFrozenBenefit(
			projectId,
			{ title: 'Frosset' },
			{
				actorId: leader.user.id,
				periods: [{ period: '2026-06', value: 50_000 }],
				lines: [{ description: 'Familier', amountPerCase: 1000, cases: 120, sharePercent: 100 }]
			}
		);
	});

	it('refuses every form that edits estimate lines, planned months or baseline and target', async () => {
		const [line] = listEstimateLines([id]);
		const [month] = listPlannedPeriods([id]);
		const lineForm = {
			description: 'Flere',
			amountPerCase: '2000',
			cases: '120',
			sharePercent: '100'
		};
		const attempts: [keyof typeof actions, Record<string, string>][] = [
			['addLine', lineForm],
			['updateLine', { ...lineForm, lineId: String(line!.id), version: String(line!.version) }],
			['deleteLine', { lineId: String(line!.id) }],
			['planPeriod', { period: '2026-07', value: '60000' }],
			['deletePlanPeriod', { periodId: String(month!.id) }],
			[
				'plan',
				{
					baselineValue: '0',
					baselineDate: '2026-01-01',
					baselineMethod: 'Regnskap',
					targetValue: '200000',
					targetDate: '2026-12-31',
					version: String(getBenefit(id)!.version)
				}
			]
		];
		for (const [name, values] of attempts) {
			const r = await outcome(() => actions[name]!(form(values)));
			expect(r, name).toMatchObject({
				kind: 'fail',
				status: 400,
				data: { errors: { _form: expect.stringMatching(HOW) } }
			});
		}
		expect(listEstimateLines([id])).toEqual([line]);
		expect(listPlannedPeriods([id])).toEqual([month]);
		expect(getBenefit(id)!.targetValue).toBe(120_000);
		expect(
			listAuditEntries({ entity: 'estimate_line', entityId: String(line!.id) }).rows.map(
				(e) => e.action
			)
		).toEqual(['create']);
	});

	it('the verbs refuse in their own transaction too (a form loaded before the freeze)', () => {
		const line = { description: 'x', amountPerCase: 1, cases: 1, sharePercent: 100 };
		const [month] = listPlannedPeriods([id]);
		expect(addEstimateLine(id, line, leader.user.id, NOW)).toEqual({
			ok: false,
			reason: 'plan_frozen'
		});
		expect(setPlannedPeriod(id, { period: '2026-08', value: 1 }, leader.user.id, NOW)).toEqual({
			ok: false,
			reason: 'plan_frozen'
		});
		expect(deletePlannedPeriod(id, month!.id, leader.user.id, NOW)).toEqual({
			ok: false,
			reason: 'plan_frozen'
		});
	});

	it('refuses changing the unit of a frozen benefit, but saves its other fields', async () => {
		const b = getBenefit(id)!;
		const base = {
			title: 'Frosset, nytt navn',
			description: '',
			level: b.level,
			kind: 'kvantitativ',
			beneficiary: b.beneficiary,
			beneficiaryOther: '',
			ownerId: '',
			indicator: b.indicator,
			measurement: '',
			takeout: b.takeout,
			direction: 'higher',
			tolerancePercent: '10',
			version: String(b.version)
		};
		expect(await outcome(() => actions.update!(form({ ...base, unit: 'timer' })))).toMatchObject({
			kind: 'fail',
			status: 400
		});
		expect(getBenefit(id)!.unit).toBe('kr');
		expect(await outcome(() => actions.update!(form({ ...base, unit: 'kr' })))).toMatchObject({
			kind: 'ok'
		});
		expect(getBenefit(id)!.title).toBe('Frosset, nytt navn');
	});
});
