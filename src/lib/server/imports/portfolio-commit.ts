/**
 * Creates the previewed portfolio rows through the portfolio's own writes, tracks before
 * projects before measures, inside the import's transaction; a status other than «Forslag» is
 * reached through the lifecycle's steps (changeStatus), each in the item's history. The
 * creates run as one batch (db/queries/portfolio-batch.ts): the same checks and rows as the
 * forms' creates, without a savepoint and a read of the audit chain's end for every row.
 */
import { getMission } from '../db/queries/mission';
import { withPortfolioBatch } from '../db/queries/portfolio-batch';
import type { StatusSubject } from '../db/queries/lifecycle';
import { lifecyclePath } from '$lib/domain/imports/portfolio';
import type { PortfolioSheet } from '$lib/domain/imports/vocabulary';
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
	return withPortfolioBatch(now, (batch) => {
		for (const item of creates) {
			const result =
				item.level === 'tracks'
					? batch.track(mission.id, item.input, actorId)
					: item.level === 'projects'
						? batch.project(
								mission.id,
								{ ...item.input, trackIds: item.tracks.map(resolve) },
								actorId
							)
						: batch.measure({ ...item.input, projectId: resolve(item.project) }, actorId);
			if (!result.ok) abort(result.reason);
			const id = result.ok ? result.value : 0;
			if (item.level !== 'measures') ids.set(item.key, id);
			for (const step of lifecyclePath('proposed', item.status)) {
				const moved = batch.status(SUBJECT[item.level], id, step, REASON, actorId);
				if (!moved.ok) abort(moved.reason);
			}
		}
		return creates.length;
	});
}
