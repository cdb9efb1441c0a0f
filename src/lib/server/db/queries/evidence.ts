/**
 * Evidence on signatures: the bytes once per content (named by SHA-256, FIPS 180-4), and a row
 * per file or link on the signature. Both tables refuse UPDATE and DELETE by trigger
 * (drizzle/0017_internal_control.sql): evidence is part of the signed record.
 */
import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import { db, type Tx } from '..';
import { evidenceFile, signatureEvidence, user, wheelSignature } from '../schema';

export interface NewEvidenceFile {
	fileName: string;
	mediaType: string;
	byteSize: number;
	sha256: string;
	content: Uint8Array;
}

/**
 * Stores a file's bytes in the caller's transaction, unless the same content (by SHA-256) is
 * stored already: a signature and a plan version name their files by the hash.
 */
export function storeEvidenceFile(
	tx: Tx,
	file: Pick<NewEvidenceFile, 'sha256' | 'content' | 'byteSize'>,
	now: Date
): void {
	tx.insert(evidenceFile)
		.values({
			sha256: file.sha256,
			content: Buffer.from(file.content),
			byteSize: file.byteSize,
			createdAt: now
		})
		.onConflictDoNothing()
		.run();
}

/**
 * Writes a signature's evidence in the caller's transaction (the sign-off's): each file's bytes
 * unless the same content is stored already, then one row per file and per link. What it
 * wrote, for the audit row.
 */
export function insertSignatureEvidence(
	tx: Tx,
	signatureId: number,
	evidence: { files: NewEvidenceFile[]; links: string[] },
	actorId: number,
	now: Date
) {
	const written: { kind: 'file' | 'link'; fileName?: string; sha256?: string; url?: string }[] = [];
	for (const file of evidence.files) {
		storeEvidenceFile(tx, file, now);
		tx.insert(signatureEvidence)
			.values({
				signatureId,
				kind: 'file',
				fileName: file.fileName,
				mediaType: file.mediaType,
				byteSize: file.byteSize,
				sha256: file.sha256,
				addedById: actorId,
				createdAt: now
			})
			.run();
		written.push({ kind: 'file', fileName: file.fileName, sha256: file.sha256 });
	}
	for (const url of evidence.links) {
		tx.insert(signatureEvidence)
			.values({ signatureId, kind: 'link', url, addedById: actorId, createdAt: now })
			.run();
		written.push({ kind: 'link', url });
	}
	return written;
}

export interface EvidenceRow {
	id: number;
	signatureId: number;
	kind: 'file' | 'link';
	fileName: string | null;
	mediaType: string | null;
	byteSize: number | null;
	sha256: string | null;
	url: string | null;
	addedByName: string | null;
	createdAt: Date;
}

/** The evidence of some signatures (a page of an occurrence's history), in the order added. */
export function evidenceOfSignatures(signatureIds: number[]): EvidenceRow[] {
	if (signatureIds.length === 0) return [];
	return db
		.select({
			id: signatureEvidence.id,
			signatureId: signatureEvidence.signatureId,
			kind: signatureEvidence.kind,
			fileName: signatureEvidence.fileName,
			mediaType: signatureEvidence.mediaType,
			byteSize: signatureEvidence.byteSize,
			sha256: signatureEvidence.sha256,
			url: signatureEvidence.url,
			addedByName: user.name,
			createdAt: signatureEvidence.createdAt
		})
		.from(signatureEvidence)
		.leftJoin(user, eq(user.id, signatureEvidence.addedById))
		.where(inArray(signatureEvidence.signatureId, signatureIds))
		.orderBy(asc(signatureEvidence.id))
		.all();
}

/**
 * One evidence file with the occurrence its signature belongs to, or undefined when the id is
 * no file's or the file is of another occurrence (the address names both).
 */
export function evidenceFileOfOccurrence(
	id: number,
	key: { taskId: number; unitId: number; period: string }
) {
	return db
		.select({
			id: signatureEvidence.id,
			unitId: wheelSignature.unitId,
			fileName: signatureEvidence.fileName,
			mediaType: signatureEvidence.mediaType,
			sha256: signatureEvidence.sha256
		})
		.from(signatureEvidence)
		.innerJoin(wheelSignature, eq(wheelSignature.id, signatureEvidence.signatureId))
		.where(
			and(
				eq(signatureEvidence.id, id),
				eq(signatureEvidence.kind, 'file'),
				eq(wheelSignature.taskId, key.taskId),
				eq(wheelSignature.unitId, key.unitId),
				eq(wheelSignature.period, key.period)
			)
		)
		.get();
}

/** The stored bytes of a content hash. */
export function evidenceContent(sha256: string): Buffer | undefined {
	return db
		.select({ content: evidenceFile.content })
		.from(evidenceFile)
		.where(eq(evidenceFile.sha256, sha256))
		.get()?.content;
}

/**
 * The unit and the units above it, nearest first: who leads any of them leads the unit's
 * subtree. A recursive CTE over `unit.parent_id` (a tree a few levels deep).
 */
export function unitAndAncestors(unitId: number): number[] {
	const rows = db.$client
		.prepare(
			`with recursive up(id, parent_id, depth) as (
				select id, parent_id, 0 from unit where id = ?
				union all
				select u.id, u.parent_id, up.depth + 1 from unit u join up on u.id = up.parent_id
				where up.depth < 64
			)
			select id from up order by depth`
		)
		.all(unitId) as { id: number }[];
	return rows.map((r) => r.id);
}

/** The latest signatures a person made that are still in force, newest first (the demo's). */
export function latestActiveSignaturesBy(userId: number, limit: number) {
	return db
		.select({
			id: wheelSignature.id,
			signedAt: wheelSignature.signedAt,
			taskTitle: wheelSignature.taskTitle,
			period: wheelSignature.period
		})
		.from(wheelSignature)
		.where(and(eq(wheelSignature.signedById, userId), isNull(wheelSignature.reopenedAt)))
		.orderBy(desc(wheelSignature.signedAt), desc(wheelSignature.id))
		.limit(limit)
		.all();
}

/** Writes evidence for a signature made earlier (the demo's history), in a transaction of its own. */
export function addSignatureEvidence(
	signatureId: number,
	evidence: { files: NewEvidenceFile[]; links: string[] },
	actorId: number,
	at: Date
) {
	return db.transaction((tx) => insertSignatureEvidence(tx, signatureId, evidence, actorId, at));
}
