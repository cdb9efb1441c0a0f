/**
 * Dis-benefits (ulemper, DOMAIN.md «Benefit governance»): marked in the benefit form, kept apart
 * in the roll-ups and counted against the gains in every sum a user sees: the Gevinster
 * overview, /styring, and the breakdowns by who gains and by quality dimension. A real SQLite
 * file; the sums come from SQL.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { actions as benefitActions } from '../../src/routes/(app)/gevinster/[id=id]/+page.server';
import { load as overviewLoad } from '../../src/routes/(app)/gevinster/+page.server';
import { load as breakdownLoad } from '../../src/routes/(app)/gevinster/fordeling/+page.server';
import { load as steeringLoad } from '../../src/routes/(app)/styring/+page.server';
import { eventOn, makeEvent, makeUser, outcome, signIn, type Signed } from '../factories';
import { BENEFIT_FORM, makeBenefit, makeMission, makeProject } from '../factories/benefits';
import { addEstimateLine } from '$lib/server/db/queries/benefits-gains';
import { getBenefit } from '$lib/server/db/queries/benefits';
import { db } from '$lib/server/db';
import { rebuildGainRollups } from '$lib/server/db/queries/gain-rollups';
import type { NetSumRow } from '$lib/domain/benefits/net';

let leader: Signed;
let reader: Signed;
let gain = 0;
let training = 0;

const line = (benefitId: number, amountPerCase: number) =>
	addEstimateLine(
		benefitId,
		{ description: 'Linje', amountPerCase, cases: 1, sharePercent: 100 },
		leader.user.id,
		new Date()
	);

beforeAll(async () => {
	leader = signIn(await makeUser([{ role: 'programme_leader' }]));
	reader = signIn(await makeUser([{ role: 'viewer' }]));
	const { tracks } = makeMission(leader.user.id, 700);
	const { projectId } = makeProject(leader.user.id, tracks.slice(0, 1));
	gain = makeBenefit(
		projectId,
		{ title: 'Spart tid for familien', beneficiary: 'familie', qualityDimensions: ['samordnet'] },
		leader.user.id
	);
	line(gain, 300_000);
	training = makeBenefit(
		projectId,
		{ title: 'Ekstra opplæringstid', beneficiary: 'kommunalt', level: 'tjeneste' },
		leader.user.id
	);
	line(training, 80_000);
});

const trainingForm = (disbenefit: string) => ({
	...BENEFIT_FORM,
	title: 'Ekstra opplæringstid',
	level: 'tjeneste',
	beneficiary: 'kommunalt',
	disbenefit,
	version: String(getBenefit(training)!.version)
});

async function overviewSums(who: Signed) {
	const page = (await overviewLoad(makeEvent({ signed: who, path: '/gevinster' }) as never)) as {
		scope: { sums: { mission: NetSumRow[] } };
	};
	return page.scope.sums.mission[0]!;
}

describe('marking a benefit as a dis-benefit', () => {
	it('refuses a mark it cannot read, in Norwegian, with the values kept', async () => {
		const r = await outcome(() =>
			benefitActions.update!(eventOn(leader, '/gevinster', training, trainingForm('ja')))
		);
		expect(r).toMatchObject({
			kind: 'fail',
			status: 400,
			data: {
				errors: { disbenefit: 'Kryss av for ulempe, eller la feltet stå tomt' },
				values: { disbenefit: 'ja', title: 'Ekstra opplæringstid' }
			}
		});
		expect(getBenefit(training)!.disbenefit).toBe(false);
	});

	it('moves its amounts from the gains to the dis-benefits: gross, dis-benefits and net', async () => {
		const before = await overviewSums(reader);
		expect(before.kroner.gross.estimate).toBe(380_000);
		expect(before.disbenefitCount).toBe(0);

		const r = await outcome(() =>
			benefitActions.update!(eventOn(leader, '/gevinster', training, trainingForm('on')))
		);
		expect(r.kind).toBe('ok');
		expect(getBenefit(training)!.disbenefit).toBe(true);

		const after = await overviewSums(reader);
		expect(after.benefitCount).toBe(1);
		expect(after.disbenefitCount).toBe(1);
		expect(after.kroner.gross.estimate).toBe(300_000);
		expect(after.kroner.disbenefits.estimate).toBe(80_000);
		expect(after.kroner.net.estimate).toBe(220_000);
	});

	it('shows the same net on /styring, for the mission and its track', async () => {
		const page = (await steeringLoad(makeEvent({ signed: reader, path: '/styring' }) as never)) as {
			total: { gains: { disbenefits: number } };
			tracks: { gains: { disbenefits: number } }[];
		};
		expect(page.total.gains.disbenefits).toBe(1);
		expect(page.tracks.some((t) => t.gains.disbenefits === 1)).toBe(true);
	});

	it('keeps the same sums when the roll-ups are rebuilt from the rows', () => {
		// Rows an edit emptied stay behind as zeros; a rebuild does not make them.
		const read = () =>
			db.$client
				.prepare(
					`select * from gain_total
					where benefits <> 0 or estimate <> 0 or planned <> 0 or realised <> 0
					order by scope, scope_id, level, unit`
				)
				.all();
		const kept = read();
		expect(kept.some((r) => (r as { unit: string }).unit === 'ulempe_kr')).toBe(true);
		rebuildGainRollups();
		expect(read()).toEqual(kept);
	});
});

describe('the breakdowns', () => {
	const load = async (query = '') =>
		(await breakdownLoad(
			makeEvent({ signed: reader, path: `/gevinster/fordeling${query}` }) as never
		)) as { scope: { byBeneficiary: NetSumRow[]; byQuality: NetSumRow[] } };

	it('sums by who gains and by quality dimension, net of dis-benefits', async () => {
		const { scope } = await load();
		const by = (rows: NetSumRow[]) =>
			Object.fromEntries(rows.map((r) => [r.key, r.kroner.net.estimate]));
		expect(by(scope.byBeneficiary)).toEqual({ kommunalt: -80_000, familie: 300_000 });
		expect(by(scope.byQuality)).toEqual({ samordnet: 300_000, ingen: -80_000 });
		expect(scope.byBeneficiary.find((r) => r.key === 'kommunalt')!.disbenefitCount).toBe(1);
	});

	it('filters by beneficiary and level; an unknown filter value is ignored', async () => {
		expect((await load('?mottaker=familie')).scope.byBeneficiary.map((r) => r.key)).toEqual([
			'familie'
		]);
		expect((await load('?niva=tjeneste')).scope.byQuality.map((r) => r.key)).toEqual(['ingen']);
		expect((await load('?mottaker=alle')).scope.byBeneficiary).toHaveLength(2);
	});

	it('is for signed-in users only', async () => {
		const r = await outcome(() =>
			breakdownLoad(makeEvent({ signed: null, path: '/gevinster/fordeling' }) as never)
		);
		expect(r.kind).toBe('redirect');
	});
});
