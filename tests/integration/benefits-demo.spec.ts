import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { seedOrganisation } from '$lib/server/demo/organisation';
import { seedBenefits } from '$lib/server/demo/benefits';
import { loadScope } from '$lib/server/benefits/scope';
import { gainSums } from '$lib/server/db/queries/gain-views';
import { netSumRow } from '$lib/domain/benefits/net';
import { listProjects } from '$lib/server/db/queries/projects';
import { listLinksByProjects } from '$lib/server/db/queries/benefits';
import { getDb } from '$lib/server/db';
import { load as overviewLoad } from '../../src/routes/(app)/gevinster/+page.server';
import { load as mapLoad } from '../../src/routes/(app)/gevinster/kart/+page.server';
import { load as benefitLoad } from '../../src/routes/(app)/gevinster/[id=id]/+page.server';
import { makeEvent, makeUser, signIn, type Signed } from '../factories';

let scope: NonNullable<ReturnType<typeof loadScope>>;
let admin: Signed;

beforeAll(async () => {
	seedBenefits(await seedOrganisation(new Date()), new Date());
	scope = loadScope({ projectId: null, trackId: null, level: null })!;
	admin = signIn(await makeUser([{ role: 'admin' }]));
}, 60_000);

const missionScope = () => ({
	missionId: scope.mission.id,
	projectId: null,
	trackId: null,
	level: null
});

afterEach(() => {
	vi.restoreAllMocks();
});

describe('benefit demo data', () => {
	it('prices the family story with the source document lines and their true sum, 1 653 530 kr', () => {
		const family = scope.computed.find(
			(c) => c.benefit.title === 'Potensielle prissatte gevinster for familien'
		);
		expect(family?.result.estimate).toEqual({
			lineTotals: [73_530, 80_000, 1_500_000],
			total: 1_653_530,
			kroner: 1_653_530
		});
	});

	it('draws the system-level map of seed 001: Tiltak 1–3 → two changes → benefit → Effektmål 3', () => {
		const project = listProjects().find((p) => p.title === 'Utforske statsforvalterens rolle')!;
		const links = listLinksByProjects([project.id]);
		const count = (from: string, to: string) =>
			links.filter((l) => l.fromKind === from && l.toKind === to).length;
		expect(count('measure', 'change')).toBe(3);
		expect(count('change', 'change')).toBe(3);
		expect(count('change', 'benefit')).toBe(3);
		expect(count('benefit', 'goal')).toBe(3);
	});

	it('has a year of realisations with some benefits behind plan, one explained', () => {
		const behind = scope.computed.filter((c) => c.result.status?.behind);
		expect(behind.map((c) => c.benefit.title).sort()).toEqual([
			'Mer effektiv bruk av statlige midler, «slankere stat»',
			'Mindre tid brukt på søknader og dokumentasjon'
		]);
		expect(scope.followUps).toHaveLength(1);
		const family = scope.computed.find((c) => c.benefit.level === 'bruker')!;
		expect(family.result.series.filter((r) => r.realised !== null)).toHaveLength(11);
	});

	it('counts the portal benefit of tracks 1B and 5 once for the mission', () => {
		const sums = gainSums(missionScope());
		const mission = sums.mission!;
		expect(mission.benefits).toBe(5);
		// 4 800 h (portal, in 1B and 5) + 900 h (Sentralforvaltningen): once each.
		expect(mission.hEstimate).toBe(5_700);
		expect(sums.track.reduce((a, t) => a + t.hEstimate, 0)).toBe(4_800 + 4_800 + 900);
	});

	it('counts the portal training dis-benefit against the gains: gross, dis-benefits and net', () => {
		const row = netSumRow(gainSums(missionScope()).mission!, 'm', 'Hele misjonen', null);
		expect(row.disbenefitCount).toBe(1);
		// The family (1 653 530 kr) and the leaner state (400 000 × 6 × 50 %); 40 × 5 000 kr training.
		expect(row.kroner.gross.estimate).toBe(1_653_530 + 1_200_000);
		expect(row.kroner.disbenefits.estimate).toBe(200_000);
		expect(row.kroner.net.estimate).toBe(2_653_530);
		// Eleven months of training logged: 4 × 25 000 + 7 × 12 000 kr.
		expect(row.kroner.disbenefits.realised).toBe(184_000);
		expect(row.kroner.net.realised).toBe(row.kroner.gross.realised - 184_000);
	});
});

describe('prepared benefit reads', () => {
	it('/gevinster and /gevinster/kart compile no SQL once warm: every read is prepared', async () => {
		const overview = () => overviewLoad(makeEvent({ signed: admin, path: '/gevinster' }) as never);
		const map = () => mapLoad(makeEvent({ signed: admin, path: '/gevinster/kart' }) as never);
		const firstOverview = await overview();
		const firstMap = await map();
		const compile = vi.spyOn(getDb().$client, 'prepare');
		const warmOverview = await overview();
		const warmMap = await map();
		expect(compile).not.toHaveBeenCalled();
		// Same answers as the first (cold) load, on the demo's five benefits and one dis-benefit.
		expect(warmOverview).toEqual(firstOverview);
		expect(warmMap).toEqual(firstMap);
		expect((warmOverview as { scope: { benefits: unknown[] } }).scope.benefits).toHaveLength(6);
	});

	it('/gevinster/[id] compiles no benefit SQL once warm', async () => {
		const id = scope.computed[0]!.benefit.id;
		const page = () =>
			benefitLoad(
				makeEvent({ signed: admin, path: `/gevinster/${id}`, params: { id: String(id) } }) as never
			);
		const first = await page();
		const compile = vi.spyOn(getDb().$client, 'prepare');
		expect(await page()).toEqual(first);
		// The project and user lists it shares with other areas are not this module's to prepare.
		const benefitTables =
			/"(benefit|benefit_change|benefit_link|estimate_line|planned_period|realisation|behind_plan_follow_up)"/;
		expect(compile.mock.calls.map(([text]) => text).filter((t) => benefitTables.test(t))).toEqual(
			[]
		);
	});
});
