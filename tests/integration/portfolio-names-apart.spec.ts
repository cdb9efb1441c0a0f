/**
 * The owner filters on «Oversikt» (/) and «Portefølje» (/portefolje) at national scale list
 * hundreds of people, and two of them may share a name: each of those is told apart by
 * e-mail, everyone else is shown by name alone (WCAG 2.4.6, 3.3.2; domain/org/picker-names).
 * Likewise the risk list names the project of a measure a risk is on.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { load as overviewLoad } from '../../src/routes/(app)/+page.server';
import { load as portfolioLoad } from '../../src/routes/(app)/portefolje/+page.server';
import { makeEvent, makeUser, signIn, type Signed } from '../factories';
import { load as riskLoad } from '../../src/routes/(app)/portefolje/risiko/+page.server';
import { makeMeasure, makeMission, makeProject, makeRisk, makeTrack } from '../factories/portfolio';

let viewer: Signed;
let first: number;
let second: number;
let single: number;

beforeAll(async () => {
	makeMission();
	first = await makeUser([{ role: 'programme_leader' }], {
		name: 'Bjørn Andersen',
		email: 'bjorn.andersen@nord.kommune.no'
	});
	second = await makeUser([{ role: 'programme_leader' }], {
		name: 'Bjørn Andersen',
		email: 'bjorn.a@sor.kommune.no'
	});
	single = await makeUser([{ role: 'programme_leader' }], { name: 'Kari Nordmann' });
	const track = makeTrack(first, { title: 'Felles spor' });
	makeProject(second, [track], { title: 'Sørprosjekt' });
	makeProject(single, [track], { title: 'Kariprosjekt' });
	viewer = signIn(await makeUser([{ role: 'viewer' }]));
});

type Owners = { owners: { id: number; name: string }[] };
const names = (page: Owners) => new Map(page.owners.map((o) => [o.id, o.name]));

describe('owner filters', () => {
	it('tell two owners of the same name apart by e-mail, and leave a unique name as it is', async () => {
		for (const [path, load] of [
			['/', overviewLoad],
			['/portefolje', portfolioLoad]
		] as const) {
			const page = (await load(makeEvent({ signed: viewer, path }) as never)) as unknown as Owners;
			const byId = names(page);
			expect(byId.get(first), path).toBe('Bjørn Andersen (bjorn.andersen@nord.kommune.no)');
			expect(byId.get(second), path).toBe('Bjørn Andersen (bjorn.a@sor.kommune.no)');
			expect(byId.get(single), path).toBe('Kari Nordmann');
			// No e-mail reaches the page for a name that needs none.
			expect(JSON.stringify(page.owners), path).not.toContain('@test.no');
		}
	});
});

describe('the risk list', () => {
	it('names the project of a measure a risk is on, since measures of many projects share titles', async () => {
		const track = makeTrack(first, { title: 'Risikospor' });
		const north = makeProject(first, [track], { title: 'Nordprosjektet' });
		const south = makeProject(second, [track], { title: 'Sørprosjektet' });
		const onNorth = makeRisk(
			{ measureId: makeMeasure(north, first, [], { title: 'Pilot' }) },
			first
		);
		const onSouth = makeRisk(
			{ measureId: makeMeasure(south, first, [], { title: 'Pilot' }) },
			first
		);
		const onProject = makeRisk({ projectId: south }, first);
		const page = (await riskLoad(
			makeEvent({ signed: viewer, path: '/portefolje/risiko' }) as never
		)) as unknown as {
			risks: { id: number; subjectTitle: string; measureProjectTitle: string | null }[];
		};
		const byId = new Map(page.risks.map((r) => [r.id, r]));
		expect(byId.get(onNorth)).toMatchObject({
			subjectTitle: 'Pilot',
			measureProjectTitle: 'Nordprosjektet'
		});
		expect(byId.get(onSouth)).toMatchObject({
			subjectTitle: 'Pilot',
			measureProjectTitle: 'Sørprosjektet'
		});
		expect(byId.get(onProject)).toMatchObject({
			subjectTitle: 'Sørprosjektet',
			measureProjectTitle: null
		});
	});
});
