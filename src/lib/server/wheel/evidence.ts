/**
 * The files posted with a sign-off: counted, size-checked before they are read, typed by their
 * content (file-type reads the magic bytes, and for ZIP-based office files the
 * `[Content_Types].xml` or `mimetype` entry inside), named safely and hashed. Nothing here
 * writes: the sign-off stores what this returns, in its own transaction.
 */
import { createHash } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import {
	EVIDENCE_MAX_FILES,
	evidenceSizeProblem,
	evidenceTypeOf,
	sanitiseFileName
} from '$lib/domain/control/evidence';
import type { NewEvidenceFile } from '../db/queries/evidence';

export type EvidenceRead =
	{ ok: true; files: NewEvidenceFile[] } | { ok: false; reason: string; fileName?: string };

/**
 * The form's `evidence` files. A browser sends an empty part with no name when nothing was
 * chosen; that is no file. Refused as a whole on the first problem, so a sign-off never
 * stores some of what was sent.
 */
export async function readEvidenceFiles(formData: FormData): Promise<EvidenceRead> {
	const posted = formData
		.getAll('evidence')
		.filter((v): v is File => typeof v !== 'string' && !(v.size === 0 && v.name === ''));
	if (posted.length > EVIDENCE_MAX_FILES) return { ok: false, reason: 'evidence_too_many' };
	const files: NewEvidenceFile[] = [];
	for (const file of posted) {
		const sizeProblem = evidenceSizeProblem(file.size);
		if (sizeProblem) return { ok: false, reason: sizeProblem, fileName: file.name };
		const content = new Uint8Array(await file.arrayBuffer());
		const type = evidenceTypeOf(await fileTypeFromBuffer(content));
		if (!type) return { ok: false, reason: 'evidence_type', fileName: file.name };
		files.push({
			fileName: sanitiseFileName(file.name, type),
			mediaType: type.mediaType,
			byteSize: content.byteLength,
			sha256: createHash('sha256').update(content).digest('hex'),
			content
		});
	}
	return { ok: true, files };
}
