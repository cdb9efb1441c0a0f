/**
 * What a file the import cannot read is, so its refusal can name it and say what to do: an
 * OpenDocument spreadsheet or a Word document in a ZIP, a password-protected workbook or an old
 * .xls in an OLE compound file, or a file named .xlsx that is no ZIP archive at all.
 */
import { entryDataOffset, type ZipEntry } from '$lib/domain/imports/zip';

export type KindRefusal =
	| { reason: 'ods' }
	| { reason: 'encrypted' }
	| { reason: 'old_excel' }
	| { reason: 'wrong_type'; where?: string };

/**
 * OpenDocument's `mimetype` entry, stored first and uncompressed (OASIS OpenDocument 1.2 Part 3,
 * §3.3), names the kind of document; Word and PowerPoint keep a document's parts under `word/`
 * and `ppt/`, as Excel keeps a workbook's under `xl/`.
 */
export function zipKind(bytes: Uint8Array, entries: readonly ZipEntry[], sniffed?: string) {
	const mimetype = entries.find((e) => e.name === 'mimetype' && e.method === 0);
	const start = mimetype ? entryDataOffset(bytes, mimetype) : null;
	if (mimetype && start !== null) {
		const type = new TextDecoder().decode(bytes.subarray(start, start + mimetype.compressedSize));
		if (type.startsWith('application/vnd.oasis.opendocument.spreadsheet')) {
			return { reason: 'ods' } as const;
		}
	}
	const under = (folder: string) => entries.some((e) => e.name.startsWith(folder));
	if (under('word/')) return { reason: 'wrong_type', where: '.docx' } as const;
	if (under('ppt/')) return { reason: 'wrong_type', where: '.pptx' } as const;
	return { reason: 'wrong_type', where: sniffed ? `.${sniffed}` : undefined } as const;
}

/** A directory entry's name in an OLE compound file: 64 bytes of UTF-16LE (MS-CFB §2.6.1). */
const ENCRYPTION_INFO = Buffer.from('EncryptionInfo\u0000', 'utf16le');

/**
 * An OLE compound file (MS-CFB) is an old .xls workbook, or an encrypted Office Open XML file:
 * a password-protected .xlsx is an `EncryptionInfo` and an `EncryptedPackage` stream in such a
 * file (MS-OFFCRYPTO §2.3.4, ECMA-376 Document Encryption). Directory entries are 128 bytes each and their sectors start at
 * multiples of 512 bytes (MS-CFB §2.2), so only those places are looked at: the entry's name,
 * its length in bytes with the final NUL (offset 64) and its type, 2 for a stream (offset 66).
 */
export function compoundKind(bytes: Uint8Array): KindRefusal {
	const file = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	for (let at = 512; at + 128 <= file.length; at += 128) {
		if (
			file[at] === ENCRYPTION_INFO[0] &&
			file.readUInt16LE(at + 64) === ENCRYPTION_INFO.length &&
			file[at + 66] === 2 &&
			file.subarray(at, at + ENCRYPTION_INFO.length).equals(ENCRYPTION_INFO)
		) {
			return { reason: 'encrypted' };
		}
	}
	return { reason: 'old_excel' };
}
