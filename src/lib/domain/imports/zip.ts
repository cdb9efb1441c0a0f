/**
 * The table of contents of a ZIP archive (PKWARE APPNOTE.TXT 6.3.10, §4.3.12 central directory
 * header and §4.3.16 end of central directory record), read without unpacking anything, so a
 * workbook can be judged before it is parsed: macros (an `xl/vbaProject.bin` entry, or
 * macro sheets), and sizes that announce a zip bomb. The sizes are what the archive declares;
 * the server also counts what each entry really inflates to (imports/read.ts).
 */
import { IMPORT_MAX_ENTRIES, IMPORT_MAX_RATIO, IMPORT_MAX_UNPACKED_BYTES } from './limits';

export interface ZipEntry {
	name: string;
	/** 0 stored, 8 deflated. */
	method: number;
	compressedSize: number;
	uncompressedSize: number;
	/** Where the entry's local header starts. */
	localOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;

/** The archive's entries, or null when the bytes are no ZIP archive one can read. */
export function zipEntries(bytes: Uint8Array): ZipEntry[] | null {
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	// The end record is 22 bytes plus a comment of up to 65 535 bytes, at the very end.
	const lowest = Math.max(0, bytes.length - 22 - 0xffff);
	let end = -1;
	for (let i = bytes.length - 22; i >= lowest; i--) {
		if (view.getUint32(i, true) === EOCD) {
			end = i;
			break;
		}
	}
	if (end < 0) return null;
	const count = view.getUint16(end + 10, true);
	const offset = view.getUint32(end + 16, true);
	// ZIP64 archives mark these fields 0xffff/0xffffffff; a 5 MB workbook never needs ZIP64.
	if (count === 0xffff || offset === 0xffffffff) return null;
	const entries: ZipEntry[] = [];
	const decoder = new TextDecoder();
	let at = offset;
	for (let n = 0; n < count; n++) {
		if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL) return null;
		const nameLength = view.getUint16(at + 28, true);
		const extraLength = view.getUint16(at + 30, true);
		const commentLength = view.getUint16(at + 32, true);
		if (at + 46 + nameLength > bytes.length) return null;
		entries.push({
			name: decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
			method: view.getUint16(at + 10, true),
			compressedSize: view.getUint32(at + 20, true),
			uncompressedSize: view.getUint32(at + 24, true),
			localOffset: view.getUint32(at + 42, true)
		});
		at += 46 + nameLength + extraLength + commentLength;
	}
	return entries;
}

/** Where an entry's data starts: after its local header (§4.3.7), whose lengths may differ. */
export function entryDataOffset(bytes: Uint8Array, entry: ZipEntry): number | null {
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	const at = entry.localOffset;
	if (at + 30 > bytes.length || view.getUint32(at, true) !== 0x04034b50) return null;
	const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
	return start + entry.compressedSize <= bytes.length ? start : null;
}

export type ZipProblem = 'macro' | 'zip_bomb' | 'unreadable';

/**
 * VBA projects (the `vbaProject.bin` part, MS-OVBA) and Excel 4.0 macro sheets. Other `.bin`
 * parts, such as printer settings, are data and stay allowed.
 */
const MACRO = /(^|\/)vbaProject\.bin$|^xl\/macrosheets\//i;

/** Why the archive is refused before it is unpacked, or null. */
export function zipProblem(entries: readonly ZipEntry[]): ZipProblem | null {
	if (entries.length > IMPORT_MAX_ENTRIES) return 'zip_bomb';
	if (entries.some((e) => MACRO.test(e.name))) return 'macro';
	if (entries.some((e) => e.method !== 0 && e.method !== 8)) return 'unreadable';
	let total = 0;
	for (const e of entries) {
		total += e.uncompressedSize;
		if (total > IMPORT_MAX_UNPACKED_BYTES) return 'zip_bomb';
		if (e.uncompressedSize > Math.max(e.compressedSize, 1024) * IMPORT_MAX_RATIO) return 'zip_bomb';
	}
	return null;
}
