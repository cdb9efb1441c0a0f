/**
 * A benefit page's address that names no track, project, level or beneficiary (an old or
 * mistyped link): the page shows everything for that part, and says so in Norwegian, instead
 * of ignoring it silently. A real SQLite file.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { load as overviewLoad } from '../../src/routes/(app)/gevinster/+page.server';
import { load as breakdownLoad } from '../../src/routes/(app)/gevinster/fordeling/+page.server';
import { load as mapLoad } from '../../src/routes/(app)/gevinster/kart/+page.server';
import { makeEvent, makeUser, signIn, type Signed } from '../factories';
import { makeMission } from '../factories/benefits';
import { makeProject } from '../factories/portfolio';

let reader: Signed;
let track = 0;
let otherTrack = 0;
let leaderId = 0;

type Page = {
	notices: string[];
	filter: { trackId: number | null; projectId: number | null; beneficiary?: string | null };
};
const load = async (loader: (e: never) => unknown, path: string) =>
	(await loader(makeEvent({ signed: reader, path }) as never)) as Page;

beforeAll(async () => {
	const leader = await makeUser([{ role: 'programme_leader' }]);
	reader = signIn(await makeUser([{ role: 'viewer' }]));
	[track, otherTrack] = makeMission(leader).tracks as [number, number];
	leaderId = leader;
});

describe('a filter that names nothing', () => {
	it('an unknown or unreadable track shows all tracks and says so, on each page', async () => {
		for (const loader of [overviewLoad, breakdownLoad, mapLoad]) {
			const page = await load(loader, '/gevinster?spor=999999');
			expect(page.filter.trackId).toBeNull();
			expect(page.notices).toEqual(['Fant ikke sporet «999999». Viser alle spor.']);
		}
		const typo = await load(overviewLoad, '/gevinster?spor=1B');
		expect(typo.notices).toEqual(['Fant ikke sporet «1B». Viser alle spor.']);
	});

	it('a known track, or none, gives no notice', async () => {
		expect((await load(overviewLoad, `/gevinster?spor=${track}`)).notices).toEqual([]);
		expect((await load(overviewLoad, '/gevinster?spor=')).notices).toEqual([]);
		expect((await load(overviewLoad, `/gevinster?spor=${track}`)).filter.trackId).toBe(track);
	});

	it('an unknown beneficiary, project and level each get their own notice', async () => {
		const page = await load(
			breakdownLoad,
			'/gevinster/fordeling?mottaker=naboer&prosjekt=999999&niva=topp'
		);
		expect(page.filter.beneficiary).toBeNull();
		expect(page.notices).toEqual([
			'Fant ikke prosjektet «999999». Viser alle prosjekter.',
			'Fant ikke nivået «topp». Viser alle nivåer.',
			'Fant ikke mottakeren «naboer». Viser alle mottakere.'
		]);
		const known = await load(breakdownLoad, '/gevinster/fordeling?mottaker=familie');
		expect(known).toMatchObject({ notices: [], filter: { beneficiary: 'familie' } });
	});

	it('a project outside the chosen track: the track wins, and the page says so', async () => {
		const projectId = makeProject(leaderId, [track], { title: 'Familiens hus – Elverum' });
		for (const loader of [overviewLoad, breakdownLoad, mapLoad]) {
			const page = await load(loader, `/gevinster?spor=${otherTrack}&prosjekt=${projectId}`);
			expect(page.filter).toMatchObject({ trackId: otherTrack, projectId: null });
			expect(page.notices).toEqual([
				'Prosjektet «Familiens hus – Elverum» er ikke i det valgte sporet. Viser hele sporet.'
			]);
		}
		const inside = await load(mapLoad, `/gevinster/kart?spor=${track}&prosjekt=${projectId}`);
		expect(inside).toMatchObject({ notices: [], filter: { trackId: track, projectId } });
	});
});
