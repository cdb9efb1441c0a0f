/**
 * Creates the previewed portfolio rows through the portfolio's own writes, tracks before
 * projects before measures, inside the import's transaction; a status other than «Forslag» is
 * reached through the lifecycle's steps (changeStatus), each in the item's history.
 */
import { changeStatus, type StatusSubject } from '../db/queries/lifecycle';
import { getMission } from '../db/queries/mission';
import { createMeasure } from '../db/queries/measures';
import { createProject } from '../db/queries/projects';
import { createTrack } from '../db/queries/tracks';
import { lifecyclePath, type PortfolioSheet } from '$lib/domain/imports/portfolio';
import type { PortfolioCreate, Ref } from './portfolio';

const REASON = 'Importert fra regneark';
const SUBJECT: Record<PortfolioSheet, StatusSubject> = {
	tracks: 'track',
	projects: 'project',
	measures: 'measure'
};

/** Creates the rows in order inside the import's transaction; any refusal rolls back all. */
export function createPortfolioItems(
	creates: readonly PortfolioCreate[],
	actorId: number,
	now: Date,
	abort: (reason: string) => never
): number {
	const mission = getMission() ?? abort('no_mission');
	const ids = new Map<string, number>();
	const resolve = (ref: Ref) =>
		'id' in ref ? ref.id : (ids.get(ref.key) ?? abort('reference_missing'));
	for (const item of creates) {
		const result =
			item.level === 'tracks'
				? createTrack(mission.id, item.input, actorId, now)
				: item.level === 'projects'
					? createProject(
							mission.id,
							{ ...item.input, trackIds: item.tracks.map(resolve) },
							actorId,
							now
						)
					: createMeasure({ ...item.input, projectId: resolve(item.project) }, actorId, now);
		if (!result.ok) abort(result.reason);
		const id = result.ok ? result.value : 0;
		if (item.level !== 'measures') ids.set(item.key, id);
		for (const step of lifecyclePath('proposed', item.status)) {
			const moved = changeStatus(SUBJECT[item.level], id, step, REASON, actorId, now);
			if (!moved.ok) abort(moved.reason);
		}
	}
	return creates.length;
}
