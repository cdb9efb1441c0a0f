import { describe, expect, it } from 'vitest';
import {
	EVIDENCE_MAX_BYTES,
	EVIDENCE_NAME_MAX,
	EVIDENCE_TYPES,
	evidenceSizeProblem,
	evidenceTypeOf,
	formatByteSize,
	isWebLink,
	sanitiseFileName
} from './evidence';

const type = (ext: string) => EVIDENCE_TYPES.find((t) => t.ext === ext)!;

describe('sanitiseFileName', () => {
	it('keeps only the last path part, whatever the separator', () => {
		expect(sanitiseFileName('../../etc/passwd.pdf', type('pdf'))).toBe('passwd.pdf');
		expect(sanitiseFileName('C:\\fakepath\\Referat mars.pdf', type('pdf'))).toBe(
			'Referat mars.pdf'
		);
	});

	it('drops control and bidi characters and leading dots', () => {
		expect(sanitiseFileName('..\u0000rap\u202Eport\n.pdf', type('pdf'))).toBe('rapport.pdf');
		expect(sanitiseFileName('...', type('png'))).toBe('vedlegg.png');
	});

	it('makes the extension tell the truth about the content', () => {
		expect(sanitiseFileName('bilde.JPEG', type('jpg'))).toBe('bilde.jpeg');
		expect(sanitiseFileName('skjermbilde.pdf', type('png'))).toBe('skjermbilde.pdf.png');
		expect(sanitiseFileName('uten-endelse', type('docx'))).toBe('uten-endelse.docx');
	});

	it('caps the length and keeps the extension and whole characters', () => {
		const name = sanitiseFileName(`${'ø😀'.repeat(200)}.xlsx`, type('xlsx'));
		expect(Array.from(name).length).toBeLessThanOrEqual(EVIDENCE_NAME_MAX);
		expect(name.endsWith('.xlsx')).toBe(true);
		expect(name).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
	});
});

describe('what is taken', () => {
	it('takes the listed types and nothing else', () => {
		expect(evidenceTypeOf({ ext: 'pdf' })?.mediaType).toBe('application/pdf');
		expect(evidenceTypeOf({ ext: 'odt' })?.label).toBe('OpenDocument-tekst');
		expect(evidenceTypeOf({ ext: 'exe' })).toBeNull();
		expect(evidenceTypeOf({ ext: 'zip' })).toBeNull();
		expect(evidenceTypeOf(undefined)).toBeNull();
	});

	it('refuses empty and oversize files', () => {
		expect(evidenceSizeProblem(0)).toBe('evidence_empty');
		expect(evidenceSizeProblem(EVIDENCE_MAX_BYTES)).toBeNull();
		expect(evidenceSizeProblem(EVIDENCE_MAX_BYTES + 1)).toBe('evidence_too_large');
	});

	it('takes web links only', () => {
		expect(isWebLink('https://kommune.no/sak/1')).toBe(true);
		expect(isWebLink('javascript:alert(1)')).toBe(false);
		expect(isWebLink('file:///etc/passwd')).toBe(false);
	});

	it('writes sizes in Norwegian', () => {
		expect(formatByteSize(512)).toBe('512 byte');
		expect(formatByteSize(2.5 * 1024 * 1024)).toBe('2,5 MB');
	});
});
