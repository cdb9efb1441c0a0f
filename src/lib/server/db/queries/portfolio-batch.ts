/**
 * Many projects and measures created in one go (the spreadsheet import), each checked and
 * written as the form's create does it (projects.ts insertProject, measures.ts insertMeasure),
 * with its status history row and audit row. All inside one transaction: the checks' answers
 * are remembered by id and the audit chain is carried from row to row (create-context.ts),
 * instead of a savepoint, the same reads and a read of the chain's last row for every row.
 */
import { db } from '..';
import type { NewMeasureInput, NewProjectInput, TrackInput } from '$lib/schemas/portfolio';
import type { LifecycleStatus } from '$lib/domain/portfolio/vocabulary';
import type { WriteResult } from '../../result';
import { batchContext } from './create-context';
import { changeStatus, type StatusSubject } from './lifecycle';
import { insertMeasure } from './measures';
import { insertProject } from './projects';
import { createTrack } from './tracks';
import { isForeignKeyError } from './write';

export type PortfolioBatch = {
	/** createTrack as it is (an import holds few tracks). */
	track: (missionId: number, input: TrackInput, actorId: number | null) => WriteResult<number>;
	project: (
		missionId: number,
		input: NewProjectInput,
		actorId: number | null
	) => WriteResult<number>;
	measure: (input: NewMeasureInput, actorId: number | null) => WriteResult<number>;
	/** changeStatus as it is: one step along the lifecycle. */
	status: (
		subject: StatusSubject,
		id: number,
		to: LifecycleStatus,
		reason: string,
		actorId: number | null
	) => WriteResult;
};

/**
 * Runs `run` in one transaction (a savepoint inside the caller's); a create refused by a
 * foreign key answers `reference_missing`, as writeTransaction does for a single create.
 */
export function withPortfolioBatch<T>(now: Date, run: (batch: PortfolioBatch) => T): T {
	return db.transaction((tx) => {
		const ctx = batchContext(tx, now);
		const guarded = (write: () => WriteResult<number>): WriteResult<number> => {
			try {
				return write();
			} catch (e) {
				if (isForeignKeyError(e)) return { ok: false, reason: 'reference_missing' };
				throw e;
			}
		};
		/** A write through the area's own verb appends to the audit log by itself. */
		const apart = <R>(write: () => R): R => {
			try {
				return write();
			} finally {
				ctx.auditMoved();
			}
		};
		return run({
			track: (missionId, input, actorId) =>
				apart(() => createTrack(missionId, input, actorId, now)),
			status: (subject, id, to, reason, actorId) =>
				apart(() => changeStatus(subject, id, to, reason, actorId, now)),
			project: (missionId, input, actorId) =>
				guarded(() => {
					const result = insertProject(tx, missionId, input, actorId, now, ctx);
					if (result.ok) ctx.created(result.value);
					return result;
				}),
			measure: (input, actorId) => guarded(() => insertMeasure(tx, input, actorId, now, ctx))
		});
	});
}
