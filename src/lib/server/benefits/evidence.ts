/**
 * The one evidence file posted with a baseline: size-checked before it is read, typed by its
 * content (file-type reads the magic bytes, as the sign-off's evidence does), named safely and
 * hashed (SHA-256, FIPS 180-4). Nothing here writes.
 */
import { createHash } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import {
	evidenceSizeProblem,
	evidenceTypeOf,
	sanitiseFileName
} from '$lib/domain/control/evidence';
import type { NewEvidenceFile } from '../db/queries/evidence';

export type OneEvidence =
	{ ok: true; file: NewEvidenceFile | null } | { ok: false; reason: string };

/** The form's `evidence` file; a browser sends an empty nameless part when none was chosen. */
export async function readOneEvidence(formData: FormData): Promise<OneEvidence> {
	const posted = formData
		.getAll('evidence')
		.filter((v): v is File => typeof v !== 'string' && !(v.size === 0 && v.name === ''));
	if (posted.length > 1) return { ok: false, reason: 'evidence_too_many' };
	const file = posted[0];
	if (!file) return { ok: true, file: null };
	const sizeProblem = evidenceSizeProblem(file.size);
	if (sizeProblem) return { ok: false, reason: sizeProblem };
	const content = new Uint8Array(await file.arrayBuffer());
	const type = evidenceTypeOf(await fileTypeFromBuffer(content));
	if (!type) return { ok: false, reason: 'evidence_type' };
	return {
		ok: true,
		file: {
			fileName: sanitiseFileName(file.name, type),
			mediaType: type.mediaType,
			byteSize: content.byteLength,
			sha256: createHash('sha256').update(content).digest('hex'),
			content
		}
	};
}
