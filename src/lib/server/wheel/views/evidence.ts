/**
 * Evidence on an occurrence's signatures: the list on the occurrence page, and the download.
 * Files are served as attachments with the stored (sniffed) media type and `nosniff`, so a
 * browser never runs or renders one in the app's origin (OWASP File Upload Cheat Sheet).
 */
import { error } from '@sveltejs/kit';
import { evidenceContent, evidenceOfSignatures } from '../../db/queries/evidence';
import { fileResponse } from '../../exports/download';
import { EVIDENCE_TYPES, formatByteSize } from '$lib/domain/control/evidence';
import { evidenceLinkText, evidenceTypeText } from '$lib/labels-wheel';
import { m as msg } from '$lib/paraglide/messages';

export interface EvidenceItem {
	id: number;
	kind: 'file' | 'link';
	fileName: string | null;
	typeLabel: string;
	size: string | null;
	sha256: string | null;
	url: string | null;
	addedByName: string | null;
	createdAt: Date;
}

/**
 * The evidence per signature of a page of history. Files are listed only for those who may
 * download them (canSeeEvidenceFiles); others are told how many there are. Links are shown
 * to every reader, as the signature's link always was.
 */
export function evidenceBySignature(signatureIds: number[], seeFiles: boolean) {
	const rows = evidenceOfSignatures(signatureIds);
	const bySignature = new Map<number, { items: EvidenceItem[]; hiddenFiles: number }>();
	for (const r of rows) {
		const entry = bySignature.get(r.signatureId) ?? { items: [], hiddenFiles: 0 };
		bySignature.set(r.signatureId, entry);
		if (r.kind === 'file' && !seeFiles) {
			entry.hiddenFiles += 1;
			continue;
		}
		entry.items.push({
			id: r.id,
			kind: r.kind,
			fileName: r.fileName,
			typeLabel:
				r.kind === 'link'
					? evidenceLinkText()
					: evidenceTypeText(EVIDENCE_TYPES.find((t) => t.mediaType === r.mediaType)?.ext),
			size: r.byteSize === null ? null : formatByteSize(r.byteSize),
			sha256: r.sha256,
			url: r.url,
			addedByName: r.addedByName,
			createdAt: r.createdAt
		});
	}
	return bySignature;
}

/** The file's bytes as a download, once the route's guard has let the reader through. */
export function evidenceDownload(file: { sha256: string; fileName: string; mediaType: string }) {
	const content = evidenceContent(file.sha256);
	if (!content) error(404, msg.wheel_err_evidence_missing());
	return fileResponse(content, file.fileName, file.mediaType);
}
