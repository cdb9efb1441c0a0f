/**
 * The «Per spor» table on /gevinster: a benefit of a project in two tracks counts in each track
 * (that is its contribution to both), the row says so, and the table's last row counts each
 * benefit once and equals the sum for the whole selection. A real SQLite file; sums from SQL.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { load as overviewLoad } from '../../src/routes/(app)/gevinster/+page.server';
import { makeEvent, makeUser, signIn, type Signed } from '../factories';
import { makeBenefit, makeMission, makeProject } from '../factories/benefits';
import { addEstimateLine } from '$lib/server/db/queries/benefits-gains';
import type { NetSumRow } from '$lib/domain/benefits/net';

let reader: Signed;
let trackA = 0;
let trackB = 0;

type Row = NetSumRow & { note?: string };
async function sums(path = '/gevinster') {
	const page = (await overviewLoad(makeEvent({ signed: reader, path }) as never)) as {
		scope: { sums: { mission: NetSumRow[]; track: Row[]; trackTotal: NetSumRow | null } };
	};
	return page.scope.sums;
}

beforeAll(async () => {
	const leader = signIn(await makeUser([{ role: 'programme_leader' }]));
	reader = signIn(await makeUser([{ role: 'viewer' }]));
	const id = leader.user.id;
	const { tracks } = makeMission(id, null);
	[trackA, trackB] = tracks as [number, number];
	const line = (benefitId: number, kroner: number) => {
		const r = addEstimateLine(
			benefitId,
			{ description: 'Linje', amountPerCase: kroner, cases: 1, sharePercent: 100 },
			id,
			new Date()
		);
		if (!r.ok) throw new Error(r.reason);
	};
	// A project in both tracks: a dis-benefit of 80 000 kr, shared by the tracks.
	const both = makeProject(id, [trackA, trackB]).projectId;
	line(makeBenefit(both, { title: 'Ekstra opplæringstid', disbenefit: true }, id), 80_000);
	// A project in track A only: a benefit of 300 000 kr.
	const onlyA = makeProject(id, [trackA]).projectId;
	line(makeBenefit(onlyA, { title: 'Spart tid' }, id), 300_000);
});

describe('sums per track', () => {
	it('a shared dis-benefit counts in each track, and the row says it counts elsewhere too', async () => {
		const s = await sums();
		const byTrack = new Map(s.track.map((r) => [Number(r.key), r]));
		expect(byTrack.get(trackA)!.kroner.disbenefits.estimate).toBe(80_000);
		expect(byTrack.get(trackA)!.kroner.net.estimate).toBe(220_000);
		expect(byTrack.get(trackB)!.kroner.disbenefits.estimate).toBe(80_000);
		expect(byTrack.get(trackB)!.kroner.net.estimate).toBe(-80_000);
		expect(byTrack.get(trackA)!.note).toBe('1 ulempe telles også i et annet spor');
		expect(byTrack.get(trackB)!.note).toBe('1 ulempe telles også i et annet spor');
	});

	it('the table’s total counts each benefit once and equals the portfolio total', async () => {
		const s = await sums();
		const total = s.trackTotal!;
		expect(total.label).toBe('Alle spor, hver gevinst telt én gang');
		expect(total.kroner.gross.estimate).toBe(300_000);
		expect(total.kroner.disbenefits.estimate).toBe(80_000);
		expect(total.kroner.net.estimate).toBe(220_000);
		expect(total.benefitCount + total.disbenefitCount).toBe(2);
		expect(total).toEqual({ ...s.mission[0]!, label: total.label });
		// The rows alone would count the dis-benefit twice: 160 000 kr against 80 000 kr.
		const rows = s.track.reduce((sum, r) => sum + r.kroner.disbenefits.estimate, 0);
		expect(rows).toBe(160_000);
	});

	it('with a track chosen, the total is that track’s sum, each benefit once', async () => {
		const s = await sums(`/gevinster?spor=${trackB}`);
		expect(s.trackTotal!.kroner.disbenefits.estimate).toBe(80_000);
		expect(s.trackTotal!.kroner.gross.estimate).toBe(0);
		expect(s.mission[0]!.kroner.net.estimate).toBe(-80_000);
	});
});
