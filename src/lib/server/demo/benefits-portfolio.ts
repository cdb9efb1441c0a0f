/**
 * The portfolio rows the benefit demo hangs off (notes/demo-contract.md): found by title or
 * code when the portfolio seeder (./portfolio.ts) ran first, created with the same titles otherwise,
 * so both orders of the seeders give the same demo.
 */
import { db } from '$lib/server/db';
import { effectGoal, measure, mission, project, projectTrack, track } from '$lib/server/db/schema';
import type { Level } from '$lib/domain/portfolio/vocabulary';

// Seed 001, «Gevinstarbeid», pages Brukernivå/Tjenestenivå/Systemnivå.
const GOALS: { number: number; level: Level; title: string }[] = [
	{
		number: 1,
		level: 'user',
		title:
			'Barn og unge og deres familier skal få mer helhetlige og koordinerte og tilpassede tjenester'
	},
	{
		number: 2,
		level: 'service',
		title:
			'Aktørene som skal bistå målgruppen skal lettere kunne tilby helhetlige og koordinerte tjenester uavhengig av sektor, eller omsorgsnivå'
	},
	{
		number: 3,
		level: 'system',
		title:
			'Aktørene har fått nye egnede tilnærminger/metoder for organisering og styring av hvordan løse utfordringer og utvikle tjenester på tvers av virksomheter/ sektorer'
	}
];

// Seed 001, «Missionspor», with the short names it gives the tracks.
const TRACKS: { code: string; title: string; prioritised: boolean }[] = [
	{
		code: '1A',
		title: 'Brukermedvirkning og individuelt tilpasset tjenesteutforming',
		prioritised: true
	},
	{ code: '1B', title: 'Samhandling mellom tjenestene og helhet', prioritised: true },
	{ code: '2', title: 'Ledelse', prioritised: false },
	{ code: '3', title: 'Økonomi', prioritised: false },
	{ code: '4', title: 'Universelle arenaer', prioritised: false },
	{ code: '5', title: 'Sentralforvaltningen', prioritised: true }
];

export const MEASURE_TITLES = [
	'Tiltak 1: Felles kartlegging av brukerbehov med statsforvalteren',
	'Tiltak 2: Samhandlingsarena for stat og kommune',
	'Tiltak 3: Utprøving av nye arbeidsformer på tvers av forvaltningsnivå'
] as const;

const PROJECTS: { title: string; tracks: string[]; measures: readonly string[] }[] = [
	{ title: 'Felles søknadsportal', tracks: ['1B', '5'], measures: [] },
	{ title: 'Utforske statsforvalterens rolle', tracks: ['5'], measures: MEASURE_TITLES },
	{ title: 'Metode for brukermedvirkning', tracks: ['1A'], measures: [] }
];

export function ensureDemoPortfolio(ownerId: number) {
	let m = db.select().from(mission).all()[0];
	m ??= db
		.insert(mission)
		.values({
			grandChallenge: 'En sammenhengende offentlig sektor',
			statement: 'En enklere hverdag med tjenester som treffer våre behov',
			baselineYear: 2021,
			targetYear: 2027
		})
		.returning()
		.get();
	const goals = db.select().from(effectGoal).all();
	const goalIds: Record<number, number> = {};
	for (const g of GOALS) {
		const found = goals.find((x) => x.missionId === m.id && x.number === g.number);
		goalIds[g.number] =
			found?.id ??
			db
				.insert(effectGoal)
				.values({ missionId: m.id, ...g, indicator: 'Fastsettes i gevinstplanen' })
				.returning()
				.get().id;
	}
	const tracks = db.select().from(track).all();
	const trackIds: Record<string, number> = {};
	for (const t of TRACKS) {
		const found = tracks.find((x) => x.missionId === m.id && x.code === t.code);
		trackIds[t.code] =
			found?.id ??
			db
				.insert(track)
				.values({ missionId: m.id, ...t, problemStatement: t.title, status: 'in_progress' })
				.returning()
				.get().id;
	}
	const projects = db.select().from(project).all();
	const measures = db.select().from(measure).all();
	const projectIds: Record<string, number> = {};
	const measureIds: Record<string, number> = {};
	for (const p of PROJECTS) {
		let row = projects.find((x) => x.title === p.title);
		if (!row) {
			row = db
				.insert(project)
				.values({
					missionId: m.id,
					title: p.title,
					ownerId,
					status: 'in_progress',
					levels: ['system']
				})
				.returning()
				.get();
			for (const code of p.tracks) {
				db.insert(projectTrack).values({ projectId: row.id, trackId: trackIds[code]! }).run();
			}
		}
		projectIds[p.title] = row.id;
		for (const title of p.measures) {
			const found = measures.find((x) => x.projectId === row.id && x.title === title);
			measureIds[title] =
				found?.id ??
				db
					.insert(measure)
					.values({ projectId: row.id, title, ownerId, status: 'in_progress' })
					.returning()
					.get().id;
		}
	}
	return { mission: m, goalIds, trackIds, projectIds, measureIds };
}
