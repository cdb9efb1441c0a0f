import { beforeAll, describe, expect, it } from 'vitest';
import { seedOrganisation } from '$lib/server/demo/organisation';
import { seedBenefits } from '$lib/server/demo/benefits';
import { loadScope, scopeSums } from '$lib/server/benefits/scope';
import { listProjects } from '$lib/server/db/queries/projects';
import { listLinksByProjects } from '$lib/server/db/queries/benefits';

let scope: NonNullable<ReturnType<typeof loadScope>>;

beforeAll(async () => {
	seedBenefits(await seedOrganisation());
	scope = loadScope({ projectId: null, trackId: null, level: null })!;
}, 60_000);

describe('benefit demo data', () => {
	it('prices the family story of seed 001 to exactly 1 655 000 kr', () => {
		const family = scope.computed.find(
			(c) => c.benefit.title === 'Potensielle prissatte gevinster for familien'
		);
		expect(family?.result.estimate).toEqual({
			lineTotals: [75_000, 80_000, 1_500_000],
			total: 1_655_000,
			kroner: 1_655_000
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
		const sums = scopeSums(scope);
		const hoursByTrack = sums.track.map((t) => t.hours.estimate);
		const mission = sums.mission[0]!;
		expect(mission.benefitCount).toBe(5);
		// 4 800 h (portal, in 1B and 5) + 900 h (Sentralforvaltningen): once each.
		expect(mission.hours.estimate).toBe(5_700);
		expect(hoursByTrack.reduce((a, b) => a + b, 0)).toBe(4_800 + 4_800 + 900);
	});
});
