/**
 * How every download answers (docs/architecture.md, «Downloads and reports»): the bytes as an attachment
 * with a Norwegian file name. The name is given twice (RFC 6266 §4.3): `filename*` in UTF-8
 * (RFC 8187) for «æøå», and an ASCII `filename` for clients that read only that.
 */
import { osloDay } from '$lib/format';

/** The organisation's name on reports and workbooks: `MISJONSKART_ORGANISATION`, else the app's. */
export function organisationName(): string {
	return process.env.MISJONSKART_ORGANISATION?.trim() || 'Misjonskart';
}

/** «gevinstregister-2026-12-02.xlsx»: a base name, the Oslo day, the extension. */
export function datedFileName(base: string, now: Date, extension: string): string {
	return `${base}-${osloDay(now)}.${extension}`;
}

const ASCII_OF: Record<string, string> = { æ: 'ae', ø: 'o', å: 'a', Æ: 'AE', Ø: 'O', Å: 'A' };

/** A file name safe in a header: no path, quotes or control characters; «æøå» spelled out. */
export function asciiFileName(name: string): string {
	return (
		name
			.replace(/[æøåÆØÅ]/g, (c) => ASCII_OF[c]!)
			.normalize('NFKD')
			.replace(/[^\x20-\x7e]/g, '')
			.replace(/["\\/;]/g, '-')
			.trim() || 'fil'
	);
}

/**
 * RFC 8187 §3.2.1 value-chars: encodeURIComponent leaves «'()*!» as they are, but only «!» is
 * an attr-char; «'» would even end the charset part. A user's evidence file may hold any of them.
 */
function extValue(fileName: string): string {
	return encodeURIComponent(fileName).replace(
		/['()*]/g,
		(c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`
	);
}

export function contentDisposition(fileName: string): string {
	return `attachment; filename="${asciiFileName(fileName)}"; filename*=UTF-8''${extValue(fileName)}`;
}

/** The download's response: not cached (it shows what this user may see, now). */
export function fileResponse(content: Uint8Array, fileName: string, mediaType: string): Response {
	return new Response(content as Uint8Array<ArrayBuffer>, {
		headers: {
			'content-type': mediaType,
			'content-length': String(content.byteLength),
			'content-disposition': contentDisposition(fileName),
			'cache-control': 'private, no-store',
			'x-content-type-options': 'nosniff'
		}
	});
}
