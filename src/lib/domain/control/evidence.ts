/**
 * Evidence on a sign-off (kommuneloven § 25-1 d: internal control is documented «i den form og
 * det omfang som er nødvendig»): which files are taken, how big, and what their names may be.
 * The type is decided by the content's signature (magic bytes), never by the name or the
 * browser's Content-Type, which the sender chooses (OWASP File Upload Cheat Sheet, «File Type
 * Validation»). The sniffing itself is the file-type library's; this decides what it found.
 */

/** Per file: a scanned report or a spreadsheet fits; a video does not. */
export const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;
/** Per signature. */
export const EVIDENCE_MAX_FILES = 5;
/** Longest stored file name, in characters (most file systems allow 255 bytes). */
export const EVIDENCE_NAME_MAX = 120;

export interface EvidenceType {
	/** The canonical extension, without the dot. */
	ext: string;
	/** Other extensions the same content goes by. */
	aliases: readonly string[];
	mediaType: string;
	label: string;
}

/** What is taken: PDF, PNG, JPEG, and Office Open XML / OpenDocument text and spreadsheets. */
export const EVIDENCE_TYPES: readonly EvidenceType[] = [
	{ ext: 'pdf', aliases: [], mediaType: 'application/pdf', label: 'PDF' },
	{ ext: 'png', aliases: [], mediaType: 'image/png', label: 'PNG-bilde' },
	{ ext: 'jpg', aliases: ['jpeg'], mediaType: 'image/jpeg', label: 'JPEG-bilde' },
	{
		ext: 'docx',
		aliases: [],
		mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
		label: 'Word-dokument'
	},
	{
		ext: 'xlsx',
		aliases: [],
		mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
		label: 'Excel-regneark'
	},
	{
		ext: 'pptx',
		aliases: [],
		mediaType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
		label: 'PowerPoint-presentasjon'
	},
	{
		ext: 'odt',
		aliases: [],
		mediaType: 'application/vnd.oasis.opendocument.text',
		label: 'OpenDocument-tekst'
	},
	{
		ext: 'ods',
		aliases: [],
		mediaType: 'application/vnd.oasis.opendocument.spreadsheet',
		label: 'OpenDocument-regneark'
	}
];

/** The `accept` attribute of the file field: a hint to the browser's picker, nothing more. */
export const EVIDENCE_ACCEPT = EVIDENCE_TYPES.flatMap((t) => [t.ext, ...t.aliases])
	.map((e) => `.${e}`)
	.join(',');

/** The type the content was sniffed as, when it is one we take; null otherwise. */
export function evidenceTypeOf(sniffed: { ext: string } | undefined | null): EvidenceType | null {
	if (!sniffed) return null;
	return EVIDENCE_TYPES.find((t) => t.ext === sniffed.ext) ?? null;
}

/** The label of a stored media type, for the list on the occurrence page. */
export function evidenceTypeLabel(mediaType: string | null): string {
	return EVIDENCE_TYPES.find((t) => t.mediaType === mediaType)?.label ?? 'Fil';
}

/** Why a file is refused before its content is looked at, or null. */
export function evidenceSizeProblem(
	byteSize: number
): 'evidence_empty' | 'evidence_too_large' | null {
	if (byteSize === 0) return 'evidence_empty';
	if (byteSize > EVIDENCE_MAX_BYTES) return 'evidence_too_large';
	return null;
}

// C0/C1 controls, and format characters (bidi overrides such as U+202E, which can make
// «rapport‮fdp.exe» read as «rapportexe.pdf», zero-width characters): Unicode general
// categories Cc and Cf.
const INVISIBLE = /[\p{Cc}\p{Cf}]/gu;
// Characters Windows refuses in a name, and the path separators of every system.
const RESERVED = /[<>:"/\\|?*]/g;

/**
 * A name safe to store and to send back in Content-Disposition: the last path part only (a
 * browser may send «C:\fakepath\x» or «../../x»), no control or format characters or reserved
 * characters, no leading dots (hidden files, «..»), at most EVIDENCE_NAME_MAX characters with
 * the extension kept, and ending in an extension of the sniffed type (a PNG named «.pdf»
 * becomes «….pdf.png», so the name never lies about the content).
 */
export function sanitiseFileName(raw: string, type: EvidenceType): string {
	const last = raw.split(/[/\\]/).pop() ?? '';
	let name = last
		.normalize('NFC')
		.replace(INVISIBLE, '')
		.replace(RESERVED, '_')
		.replace(/\s+/g, ' ')
		.trim()
		.replace(/^[.\s]+/, '')
		.replace(/[.\s]+$/, '');
	const dot = name.lastIndexOf('.');
	const ext = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
	const fits = ext === type.ext || type.aliases.includes(ext);
	let base = fits ? name.slice(0, dot) : name;
	const suffix = `.${fits ? ext : type.ext}`;
	if (!base) base = 'vedlegg';
	// Cut by code points, so a surrogate pair («😀») is never split in half.
	const room = EVIDENCE_NAME_MAX - suffix.length;
	base = Array.from(base).slice(0, room).join('').trim();
	name = `${base}${suffix}`;
	return name;
}

/** «2,4 MB», «18 kB», «512 byte» (nb-NO, powers of 1024 as file managers show them). */
export function formatByteSize(bytes: number): string {
	const nb = (n: number) => n.toLocaleString('nb-NO', { maximumFractionDigits: 1 });
	if (bytes < 1024) return `${bytes} byte`;
	if (bytes < 1024 * 1024) return `${nb(bytes / 1024)} kB`;
	return `${nb(bytes / (1024 * 1024))} MB`;
}

/** Only web links: a link is shown as an <a href>, where «javascript:» would run. */
export function isWebLink(value: string): boolean {
	if (!URL.canParse(value)) return false;
	return /^https?:$/.test(new URL(value).protocol);
}
