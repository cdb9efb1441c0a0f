import { beforeAll, describe, expect, it } from 'vitest';
import { decodeLayout, type LayoutJson } from '$lib/charts/benefit-map-layout';
import { db } from '$lib/server/db';
import { measure, project, projectTrack } from '$lib/server/db/schema';
import { load as mapLoad } from '../../src/routes/(app)/gevinster/kart/+page.server';
import { makeEvent, makeUser, signIn, type Signed } from '../factories';
import { makeBenefit, makeMission, makeProject } from '../factories/benefits';

/**
 * The gevinstkart at the size of a national programme: a scope is counted in SQL before its
 * rows are read, and one larger than a drawing a person can read is refused with a count.
 */
type MapData = {
	scope: {
		/** The map is sent once, as its layout (the outline is built from it). */
		layout: LayoutJson | null;
		tooLarge: { nodes: number; limit: number } | null;
		projects: { id: number; title: string }[];
		projectsNeedTrack: boolean;
	};
};

let viewer: Signed;
let tracks: number[];
let missionId: number;
let small: { projectId: number; measureIds: number[] };
let other: { projectId: number; measureIds: number[] };

const map = async (query = '') =>
	(await mapLoad(
		makeEvent({ signed: viewer, path: `/gevinster/kart${query}` }) as never
	)) as MapData;

/** Plain rows straight into the tables: thousands of them, faster than the audited verbs. */
function addMeasures(projectId: number, n: number) {
	db.insert(measure)
		.values(Array.from({ length: n }, (_, i) => ({ projectId, title: `Tiltak ${i + 1}` })))
		.run();
}

beforeAll(async () => {
	const owner = await makeUser([{ role: 'programme_leader' }]);
	viewer = signIn(await makeUser([{ role: 'viewer' }]));
	({ tracks, missionId } = makeMission(owner));
	small = makeProject(owner, [tracks[0]!], 2);
	makeBenefit(small.projectId, { title: 'Kortere ventetid' });
	other = makeProject(owner, [tracks[1]!], 1);
	makeBenefit(other.projectId, { title: 'Færre søknader' });
});

describe('the gevinstkart scope', () => {
	it("draws one project's map with its own measures and benefits only", async () => {
		const { scope } = await map(`?prosjekt=${small.projectId}`);
		const ids = decodeLayout(scope.layout!).nodes.map((n) => n.id);
		expect(ids).toEqual(expect.arrayContaining(small.measureIds.map((id) => `measure:${id}`)));
		expect(ids).not.toContain(`measure:${other.measureIds[0]}`);
		expect(scope.tooLarge).toBeNull();
		expect(scope.layout).not.toBeNull();
	});

	it('refuses a map of more than 1 000 elements, with the count, and draws nothing', async () => {
		addMeasures(other.projectId, 1_000);
		const whole = await map();
		expect(whole.scope).not.toHaveProperty('map');
		expect(whole.scope.layout).toBeNull();
		// 2 + 1 + 1 000 measures and 2 benefits; no changes or goals in these projects' maps.
		expect(whole.scope.tooLarge).toEqual({ nodes: 1_005, limit: 1_000 });
		// The small project's track still fits.
		expect(decodeLayout((await map(`?spor=${tracks[0]}`)).scope.layout!).nodes).toHaveLength(3);
	});

	it('counts a scope of many thousand rows in SQL and refuses it', async () => {
		addMeasures(other.projectId, 5_000);
		const whole = await map();
		expect(whole.scope.tooLarge).toEqual({ nodes: 6_005, limit: 1_000 });
	});

	it('asks for a track before listing the projects of a mission with more than 200', async () => {
		const ids = db
			.insert(project)
			.values(
				Array.from({ length: 200 }, (_, i) => ({ missionId, title: `Prosjekt ${i}`, levels: [] }))
			)
			.returning({ id: project.id })
			.all();
		db.insert(projectTrack)
			.values(ids.map((p) => ({ projectId: p.id, trackId: tracks[1]! })))
			.run();
		const all = await map();
		expect(all.scope.projectsNeedTrack).toBe(true);
		expect(all.scope.projects).toEqual([]);
		const first = await map(`?spor=${tracks[0]}`);
		expect(first.scope.projects.map((p) => p.id)).toEqual([small.projectId]);
		// A chosen project stays selectable even when the list is not shown.
		const chosen = await map(`?prosjekt=${small.projectId}`);
		expect(chosen.scope.projects.map((p) => p.id)).toEqual([small.projectId]);
	});
});
