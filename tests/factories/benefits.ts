/**
 * Portfolio rows for benefit tests (issue 4): one mission with three effect goals, two
 * tracks, and projects owned by a given user. Inserted directly: the portfolio's own verbs
 * belong to issue 3 and are not what these tests are about.
 */
import { db } from '$lib/server/db';
import { effectGoal, measure, mission, project, projectTrack, track } from '$lib/server/db/schema';
import { createBenefit } from '$lib/server/db/queries/benefits';
import type { BenefitInput } from '$lib/schemas/benefits';

let counter = 0;

/**
 * The installation's mission for a browser journey: the pages show the first mission, so a
 * journey running after another that created one must use it rather than add a second.
 */
export function useMission() {
	const existing = db.select().from(mission).all()[0];
	if (!existing) return makeMission();
	const goals = db
		.select()
		.from(effectGoal)
		.all()
		.filter((g) => g.missionId === existing.id)
		.sort((a, b) => a.number - b.number)
		.map((g) => g.id);
	counter += 1;
	const tracks = [`T${counter}a`, `T${counter}b`].map(
		(code) =>
			db
				.insert(track)
				.values({ missionId: existing.id, code, title: `Spor ${code}`, problemStatement: '-' })
				.returning()
				.get().id
	);
	return { missionId: existing.id, goals, tracks };
}

export function makeMission(hourlyRateKroner: number | null = 700) {
	const m = db
		.insert(mission)
		.values({
			grandChallenge: 'En sammenhengende offentlig sektor',
			statement: 'En enklere hverdag',
			baselineYear: 2021,
			targetYear: 2027,
			hourlyRateKroner
		})
		.returning()
		.get();
	const goals = (['user', 'service', 'system'] as const).map(
		(level, i) =>
			db
				.insert(effectGoal)
				.values({ missionId: m.id, number: i + 1, level, title: `Mål ${i + 1}`, indicator: '-' })
				.returning()
				.get().id
	);
	const tracks = ['1B', '5'].map(
		(code) =>
			db
				.insert(track)
				.values({ missionId: m.id, code, title: `Spor ${code}`, problemStatement: '-' })
				.returning()
				.get().id
	);
	return { missionId: m.id, goals, tracks };
}

export function makeProject(
	missionId: number,
	ownerId: number | null,
	trackIds: number[],
	measures = 1
) {
	counter += 1;
	const p = db
		.insert(project)
		.values({ missionId, title: `Prosjekt ${counter}`, ownerId, levels: ['system'] })
		.returning()
		.get();
	for (const trackId of trackIds)
		db.insert(projectTrack).values({ projectId: p.id, trackId }).run();
	const measureIds = Array.from(
		{ length: measures },
		(_, i) =>
			db
				.insert(measure)
				.values({ projectId: p.id, title: `Tiltak ${i + 1} i prosjekt ${counter}` })
				.returning()
				.get().id
	);
	return { projectId: p.id, measureIds };
}

export const BENEFIT_FORM = {
	title: 'Spart tid for familien',
	description: '',
	level: 'bruker',
	kind: 'kvantitativ',
	unit: 'kr',
	beneficiary: 'familie',
	beneficiaryOther: '',
	indicator: 'Kroner spart per familie',
	measurement: 'Brukerhistorier',
	takeout: 'frigjort_tid',
	ownerId: ''
} as const;

export function makeBenefit(projectId: number, input: Partial<BenefitInput> = {}, actorId = 1) {
	const r = createBenefit(
		projectId,
		{
			title: 'Gevinst',
			description: '',
			level: 'system',
			kind: 'kvantitativ',
			unit: 'kr',
			beneficiary: 'stat',
			beneficiaryOther: '',
			qualityDimensions: [],
			ownerId: null,
			indicator: 'Kroner',
			measurement: '',
			takeout: 'budsjettkutt',
			...input
		},
		actorId
	);
	if (!r.ok) throw new Error(r.reason);
	return r.value;
}
