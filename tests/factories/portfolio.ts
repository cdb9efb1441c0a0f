/** Portfolio rows for tests, written through the same query verbs the pages use. */
import { getMission, saveMission } from '$lib/server/db/queries/mission';
import { createTrack } from '$lib/server/db/queries/tracks';
import { createProject, getProjectById, updateProject } from '$lib/server/db/queries/projects';
import { createMeasure } from '$lib/server/db/queries/measures';
import { createRisk } from '$lib/server/db/queries/risks';
import type { ProjectInput } from '$lib/schemas/portfolio';

let counter = 0;

function value<T>(result: { ok: true; value: T } | { ok: false; reason: string }): T {
	if (!result.ok) throw new Error(result.reason);
	return result.value;
}

export function makeMission(): number {
	const existing = getMission();
	if (existing) return existing.id;
	return value(
		saveMission(
			{
				grandChallenge: 'Sammenhengende tjenester',
				statement: 'Innen 2027 skal alle familier oppleve helhetlige tjenester.',
				baselineYear: 2021,
				targetYear: 2027
			},
			null,
			new Date()
		)
	);
}

/**
 * Track codes are unique within the mission; each call gets a new one. Browser journeys share
 * one server database from separate processes, so a code another process took is skipped.
 */
export function makeTrack(
	ownerId: number | null,
	overrides: { code?: string; title?: string } = {}
) {
	for (;;) {
		const result = tryMakeTrack(ownerId, overrides);
		if (result.ok || result.reason !== 'code_taken' || overrides.code) return value(result);
	}
}

function tryMakeTrack(ownerId: number | null, overrides: { code?: string; title?: string }) {
	counter += 1;
	return createTrack(
		makeMission(),
		{
			code:
				overrides.code ??
				`${String(counter % 100).padStart(2, '0')}${String.fromCharCode(65 + (Math.floor(counter / 100) % 26))}`,
			title: overrides.title ?? `Spor ${counter}`,
			problemStatement: 'Et problem',
			barriers: null,
			expectedEffectUser: null,
			expectedEffectService: null,
			expectedEffectSystem: null,
			ownerId: ownerId ?? 1,
			status: 'proposed'
		},
		null,
		new Date()
	);
}

export function makeProject(
	ownerId: number,
	trackIds: number[],
	overrides: { title?: string; startDate?: string | null; endDate?: string | null } = {}
) {
	counter += 1;
	return value(
		createProject(
			makeMission(),
			{
				title: overrides.title ?? `Prosjekt ${counter}`,
				description: null,
				ownerId,
				startDate: overrides.startDate ?? null,
				endDate: overrides.endDate ?? null,
				trackIds,
				levels: ['user']
			},
			null,
			new Date()
		)
	);
}

export function makeMeasure(
	projectId: number,
	ownerId: number,
	unitIds: number[] = [],
	overrides: { title?: string } = {}
) {
	counter += 1;
	return value(
		createMeasure(
			{
				projectId,
				title: overrides.title ?? `Tiltak ${counter}`,
				description: null,
				ownerId,
				unitIds,
				startDate: null,
				endDate: null
			},
			null,
			new Date()
		)
	);
}

export function makeRisk(subject: { projectId: number } | { measureId: number }, ownerId: number) {
	counter += 1;
	return value(
		createRisk(
			subject,
			{
				title: `Risiko ${counter}`,
				description: null,
				likelihood: 3,
				consequence: 4,
				area: 'delivery',
				mitigation: null,
				ownerId,
				status: 'open'
			},
			null,
			new Date()
		)
	);
}

/**
 * Saves a project with `changes` and the rest as stored, at its current version, as the project
 * form does; answers the write's result.
 */
export function editProject(
	id: number,
	changes: Partial<ProjectInput>,
	actorId: number,
	now: Date
) {
	const p = getProjectById(id)!;
	const { title, description, ownerId, startDate, endDate, trackIds, levels, version } = p;
	return updateProject(
		id,
		{
			title,
			description,
			ownerId: ownerId!,
			startDate,
			endDate,
			trackIds,
			levels,
			version,
			...changes
		},
		actorId,
		now
	);
}
