/**
 * Staged imports and remembered column mappings (schema/imports.ts). A staged file is found
 * only by its token together with its owner and before it expires, so one user's upload is
 * never another's. The commit runs the import's writes in one transaction with the staged
 * file marked committed: a second commit of the same file finds it committed and writes nothing.
 */
import { and, eq, gt, isNull, lte } from 'drizzle-orm';
import { db, type Tx } from '..';
import { importMapping, importStaging, measure, project, track } from '../schema';
import { writeAudit } from './audit';
import type { ImportKind } from '$lib/domain/imports/vocabulary';
import type { WriteResult } from '../../result';

export type StagingRow = typeof importStaging.$inferSelect;
export type NewStaging = typeof importStaging.$inferInsert;

/** Stores a read file; expired files of anyone are dropped on the way (they are no record). */
export function insertStaging(row: NewStaging, now: Date): void {
	db.transaction((tx) => {
		tx.delete(importStaging).where(lte(importStaging.expiresAt, now)).run();
		tx.insert(importStaging).values(row).run();
	});
}

/** The user's staged file with this token, while it has not expired; committed ones too. */
export function getStaging(id: string, userId: number, now: Date): StagingRow | undefined {
	return db
		.select()
		.from(importStaging)
		.where(
			and(
				eq(importStaging.id, id),
				eq(importStaging.userId, userId),
				gt(importStaging.expiresAt, now)
			)
		)
		.get();
}

/** The mapping chosen for a staged file, and remembered for the user's next file of its kind. */
export function saveStagingMapping(
	staging: Pick<StagingRow, 'id' | 'userId' | 'kind'>,
	mapping: unknown,
	remembered: unknown,
	now: Date
): void {
	db.transaction((tx) => {
		tx.update(importStaging)
			.set({ mapping })
			.where(and(eq(importStaging.id, staging.id), isNull(importStaging.committedAt)))
			.run();
		tx.insert(importMapping)
			.values({ userId: staging.userId, kind: staging.kind, mapping: remembered, updatedAt: now })
			.onConflictDoUpdate({
				target: [importMapping.userId, importMapping.kind],
				set: { mapping: remembered, updatedAt: now }
			})
			.run();
	});
}

export function getRememberedMapping(userId: number, kind: ImportKind): unknown {
	return db
		.select({ mapping: importMapping.mapping })
		.from(importMapping)
		.where(and(eq(importMapping.userId, userId), eq(importMapping.kind, kind)))
		.get()?.mapping;
}

/** Thrown inside the commit to roll everything back with a reason. */
class ImportAborted extends Error {
	constructor(readonly reason: string) {
		super(reason);
	}
}

/**
 * Runs `write` (the import's creates, each with its own audit row) and marks the staged file
 * committed, with one audit row for the import itself when it created anything, in one
 * transaction. Any refusal from
 * `write` (a WriteResult that is not ok) rolls back every row written before it.
 */
export function commitStaging<R extends { created: number }>(
	staging: Pick<StagingRow, 'id' | 'kind' | 'target' | 'fileName' | 'sha256'>,
	actorId: number,
	now: Date,
	write: (tx: Tx, abort: (reason: string) => never) => R
): WriteResult<R> {
	const abort = (reason: string): never => {
		throw new ImportAborted(reason);
	};
	try {
		return db.transaction((tx) => {
			const marked = tx
				.update(importStaging)
				.set({ committedAt: now })
				.where(and(eq(importStaging.id, staging.id), isNull(importStaging.committedAt)))
				.run();
			if (marked.changes === 0) return { ok: false, reason: 'already_committed' } as const;
			const receipt = write(tx, abort);
			tx.update(importStaging).set({ receipt }).where(eq(importStaging.id, staging.id)).run();
			// A commit that created nothing changed nothing: there is no import to account for.
			if (receipt.created > 0)
				writeAudit(tx, now, {
					actorId,
					entity: 'import',
					entityId: staging.id,
					action: 'commit',
					after: {
						kind: staging.kind,
						target: staging.target,
						fileName: staging.fileName,
						sha256: staging.sha256,
						...receipt
					}
				});
			return { ok: true, value: receipt } as const;
		});
	} catch (e) {
		if (e instanceof ImportAborted) return { ok: false, reason: e.reason };
		throw e;
	}
}

/**
 * Every track, project and measure by its names, archived ones too, so an import finds what is
 * already there (an archived track keeps its code) and skips it.
 */
export function listPortfolioNames() {
	return {
		tracks: db.select({ id: track.id, code: track.code, title: track.title }).from(track).all(),
		projects: db
			.select({ id: project.id, title: project.title, ownerId: project.ownerId })
			.from(project)
			.all(),
		measures: db
			.select({ id: measure.id, title: measure.title, projectId: measure.projectId })
			.from(measure)
			.all()
	};
}
