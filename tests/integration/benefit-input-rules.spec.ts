/**
 * Input a tester's fresh-clone trial showed was let through: a realised value (or its
 * attestation) for a month that has not begun, direction/tolerance/dis-benefit changed on a
 * frozen plan without approval, and a target or forecast pointing the wrong way.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { actions } from '../../src/routes/(app)/gevinster/[id=id]/+page.server';
import { makeEvent, outcome, type Signed } from '../factories';
import { makeBenefit, makeFrozenBenefit, makeLeaderWithProject } from '../factories/benefits';
import { getBenefit, type BenefitRow } from '$lib/server/db/queries/benefits';
import { listRealisations, logRealisation } from '$lib/server/db/queries/benefits-gains';
import { listForecasts } from '$lib/server/db/queries/benefits-attestation';
import { osloDay } from '$lib/format';

let leader: Signed;
let projectId = 0;
/** A fixed request time; each test also runs at the wall clock's month (faketime instants). */
const NOW = new Date('2026-07-10T10:00:00Z');

const act = (name: keyof typeof actions, id: number, form: Record<string, string>, now = NOW) =>
	outcome(() =>
		actions[name]!(
			makeEvent({
				signed: leader,
				path: `/gevinster/${id}`,
				params: { id: String(id) },
				form,
				now
			}) as never
		)
	);

/** `YYYY-MM` `n` months after the Oslo month of `now`. */
function monthAfter(now: Date, n: number): string {
	const [y, m] = osloDay(now).slice(0, 7).split('-').map(Number) as [number, number];
	const k = y * 12 + m - 1 + n;
	return `${String(Math.floor(k / 12)).padStart(4, '0')}-${String((k % 12) + 1).padStart(2, '0')}`;
}

beforeAll(async () => {
	({ leader, projectId } = await makeLeaderWithProject());
});

describe('a month that has not begun', () => {
	it.each([
		['a fixed day', NOW],
		// Oslo is an hour or two ahead of UTC: 23:30 UTC on 31 December is already January there.
		['new year in Oslo, not yet in UTC', new Date('2026-12-31T23:30:00Z')],
		['the wall clock', new Date()]
	])('refuses logging next month, keeps the values, and logs this month (%s)', async (_, now) => {
		const id = makeBenefit(projectId, { title: 'Fremtid', ownerId: leader.user.id }, 1);
		const next = monthAfter(now, 1);
		const form = (period: string) => ({ period, value: '1000', comment: 'x', evidence: '' });
		const refused = await act('logRealisation', id, form(next), now);
		expect(refused).toMatchObject({
			kind: 'fail',
			status: 400,
			data: {
				values: { period: next, value: '1000', comment: 'x' },
				errors: { period: expect.stringMatching(/har ikke begynt/) }
			}
		});
		expect(listRealisations([id])).toEqual([]);
		expect(await act('logRealisation', id, form(monthAfter(now, 0)), now)).toMatchObject({
			kind: 'ok'
		});
		expect(await act('logRealisation', id, form(monthAfter(now, -1)), now)).toMatchObject({
			kind: 'ok'
		});
	});

	it('refuses attesting a future month logged past the form', async () => {
		const id = makeBenefit(projectId, { title: 'Attest fremtid', ownerId: leader.user.id }, 1);
		const next = monthAfter(NOW, 1);
		const r = logRealisation(
			id,
			{ period: next, value: 5, comment: '', evidence: '', supersedesId: null },
			leader.user.id,
			NOW
		);
		if (!r.ok) throw new Error(r.reason);
		const [row] = listRealisations([id]);
		const result = await act('attest', id, { realisationId: String(row!.id), period: next });
		expect(result).toMatchObject({
			kind: 'fail',
			status: 400,
			data: { errors: { _form: expect.stringMatching(/har ikke begynt/) } }
		});
		// A month later it has begun and can be attested.
		const later = new Date(NOW.getTime() + 31 * 24 * 3600 * 1000);
		expect(
			await act('attest', id, { realisationId: String(row!.id), period: next }, later)
		).toMatchObject({ kind: 'ok' });
	});
});

/** The «Endre gevinsten» form as the page fills it for `b`, with `changes`. */
function editForm(b: BenefitRow, changes: Record<string, string>) {
	return {
		title: b.title,
		description: b.description,
		level: b.level,
		kind: b.kind,
		unit: b.unit ?? '',
		beneficiary: b.beneficiary,
		beneficiaryOther: '',
		ownerId: '',
		indicator: b.indicator,
		measurement: '',
		takeout: b.takeout,
		direction: b.direction,
		tolerancePercent: String(b.tolerancePercent),
		disbenefit: b.disbenefit ? 'on' : '',
		version: String(b.version),
		...changes
	};
}

describe('a frozen plan keeps how it is judged', () => {
	it.each([
		['direction', { direction: 'lower' }],
		['tolerance', { tolerancePercent: '50' }],
		['dis-benefit mark', { disbenefit: 'on' }]
	])('refuses changing the %s directly, and says how to ask', async (_, change) => {
		const id = makeFrozenBenefit(projectId, { title: 'Frosset dom' }, { actorId: 1 });
		const before = getBenefit(id)!;
		const r = await act('update', id, editForm(before, { ...change, title: 'Nytt navn' }));
		expect(r).toMatchObject({
			kind: 'fail',
			status: 400,
			data: {
				values: { title: 'Nytt navn', ...change },
				errors: { _form: expect.stringMatching(/Be om endring av nullpunkt, mål eller plan/) }
			}
		});
		expect(getBenefit(id)).toEqual(before);
	});

	it('still saves the title, description and owner of a frozen benefit', async () => {
		const id = makeFrozenBenefit(projectId, { title: 'Frosset navn' }, { actorId: 1 });
		const b = getBenefit(id)!;
		const changes = {
			title: 'Nytt navn',
			description: 'Ny beskrivelse',
			ownerId: String(leader.user.id)
		};
		expect(await act('update', id, editForm(b, changes))).toMatchObject({ kind: 'ok' });
		expect(getBenefit(id)).toMatchObject({
			title: 'Nytt navn',
			description: 'Ny beskrivelse',
			ownerId: leader.user.id,
			direction: b.direction,
			tolerancePercent: b.tolerancePercent
		});
	});

	it('lets an unfrozen benefit change direction and tolerance', async () => {
		const id = makeBenefit(projectId, { title: 'Ikke frosset' }, 1);
		const b = getBenefit(id)!;
		const r = await act('update', id, editForm(b, { direction: 'lower', tolerancePercent: '5' }));
		expect(r).toMatchObject({ kind: 'ok' });
		expect(getBenefit(id)).toMatchObject({ direction: 'lower', tolerancePercent: 5 });
	});
});

describe('a target and a forecast that point the way the benefit goes', () => {
	const planForm = (targetValue: string) => ({
		baselineValue: '1000',
		baselineDate: '2026-01-01',
		baselineMethod: 'Regnskap',
		targetValue,
		targetDate: '2026-12-31'
	});

	it('refuses a target below the baseline where higher is better, keeping the values', async () => {
		const id = makeBenefit(projectId, { title: 'Høyere' }, 1);
		const form = { ...planForm('-5000'), version: String(getBenefit(id)!.version) };
		expect(await act('plan', id, form)).toMatchObject({
			kind: 'fail',
			status: 400,
			data: {
				values: { targetValue: '-5000', baselineValue: '1000' },
				errors: { targetValue: expect.stringMatching(/lavere enn nullpunktet/) }
			}
		});
		expect(getBenefit(id)!.targetValue).toBeNull();
		const ok = { ...planForm('5000'), version: String(getBenefit(id)!.version) };
		expect(await act('plan', id, ok)).toMatchObject({ kind: 'ok' });
		expect(getBenefit(id)!.targetValue).toBe(5000);
	});

	it('refuses a target above the baseline where lower is better, and a negative one in kr', async () => {
		const id = makeBenefit(projectId, { title: 'Lavere', direction: 'lower' }, 1);
		const version = () => String(getBenefit(id)!.version);
		expect(await act('plan', id, { ...planForm('2000'), version: version() })).toMatchObject({
			kind: 'fail',
			status: 400,
			data: { errors: { targetValue: expect.stringMatching(/høyere enn nullpunktet/) } }
		});
		expect(await act('plan', id, { ...planForm('-1'), version: version() })).toMatchObject({
			kind: 'fail',
			status: 400,
			data: { errors: { targetValue: expect.stringMatching(/negativt/) } }
		});
		expect(await act('plan', id, { ...planForm('200'), version: version() })).toMatchObject({
			kind: 'ok'
		});
	});

	it('refuses the same in a change request to a frozen plan', async () => {
		const id = makeFrozenBenefit(projectId, { title: 'Frosset mål' }, { actorId: 1 });
		const r = await act('requestPlan', id, {
			...planForm('-1'),
			baselineValue: '0',
			baselineSource: 'Regnskap',
			evidenceUrl: '',
			plan: '',
			reason: 'Nytt mål'
		});
		expect(r).toMatchObject({
			kind: 'fail',
			status: 400,
			data: {
				values: { targetValue: '-1' },
				errors: { targetValue: expect.stringMatching(/lavere enn nullpunktet/) }
			}
		});
	});

	it('refuses a negative kroner forecast where higher is better', async () => {
		const id = makeBenefit(projectId, { title: 'Prognose', ownerId: leader.user.id }, 1);
		const period = monthAfter(NOW, 1);
		expect(await act('forecast', id, { period, value: '-100' })).toMatchObject({
			kind: 'fail',
			status: 400,
			data: { values: { value: '-100' }, errors: { value: expect.stringMatching(/negativ/) } }
		});
		expect(listForecasts(id)).toEqual([]);
		expect(await act('forecast', id, { period, value: '100' })).toMatchObject({ kind: 'ok' });
	});
});
