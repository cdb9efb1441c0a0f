/**
 * Reads a PDF back as text, for tests and checks: `pdftotext` and `pdfinfo` from poppler-utils
 * (Debian package poppler-utils; .ci/run installs it). Not used when serving requests.
 */
import { execFileSync } from 'node:child_process';

/** The text of every page, in reading order; pages are separated by a form feed. */
export function pdfText(bytes: Uint8Array, options: { layout?: boolean } = {}): string {
	const args = [...(options.layout ? ['-layout'] : []), '-enc', 'UTF-8', '-', '-'];
	return execFileSync('pdftotext', args, { input: bytes, encoding: 'utf8' });
}

/** The text of each page; with `layout`, a table row reads as one line. */
export function pdfPages(bytes: Uint8Array, options: { layout?: boolean } = {}): string[] {
	const text = pdfText(bytes, options);
	return text.split('\f').slice(0, -1);
}

/** pdfinfo's fields: Pages, Title, Author, CreationDate … */
export function pdfInfo(bytes: Uint8Array): Record<string, string> {
	const out = execFileSync('pdfinfo', ['-'], { input: bytes, encoding: 'utf8' });
	return Object.fromEntries(
		out
			.split('\n')
			.map((line) => /^([^:]+):\s*(.*)$/.exec(line))
			.filter((m): m is RegExpExecArray => m !== null)
			.map((m) => [m[1]!.trim(), m[2]!.trim()])
	);
}
