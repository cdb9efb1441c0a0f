/**
 * The demo's evidence and notices: a short PDF report and a link on the latest sign-offs of
 * the leader of Avdeling Nord, and the notices the demo's day calls for (the notice job's own
 * rule, run once at seed time without e-mail).
 */
import { createHash } from 'node:crypto';
import { addSignatureEvidence, latestActiveSignaturesBy } from '../db/queries/evidence';
import { createDueNotices } from '../db/queries/notices';
import { DEFAULT_NOTICE_RULES } from '$lib/domain/control/notices';
import type { DemoOrganisation } from './organisation';

/**
 * A one-page PDF (ISO 32000-1) with a few lines of Helvetica text in WinAnsi (so «æøå» show):
 * the objects, then the cross-reference table of their byte offsets.
 */
export function tinyPdf(lines: string[]): Buffer {
	const text = lines
		.map((l, i) => `BT /F1 12 Tf 56 ${780 - i * 18} Td (${l.replace(/[\\()]/g, '\\$&')}) Tj ET`)
		.join('\n');
	const stream = Buffer.from(text, 'latin1');
	const objects = [
		'<< /Type /Catalog /Pages 2 0 R >>',
		'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
		'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
		'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
		`<< /Length ${stream.length} >>\nstream\n${stream.toString('latin1')}\nendstream`
	];
	let body = '%PDF-1.4\n';
	const offsets: number[] = [];
	objects.forEach((o, i) => {
		offsets.push(Buffer.byteLength(body, 'latin1'));
		body += `${i + 1} 0 obj\n${o}\nendobj\n`;
	});
	const xref = Buffer.byteLength(body, 'latin1');
	body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
	body += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
	body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
	return Buffer.from(body, 'latin1');
}

export function seedEvidenceAndNotices(org: DemoOrganisation, now: Date): void {
	const nora = org.users.find((u) => u.email === 'nord@misjonskart.no');
	if (nora) {
		for (const s of latestActiveSignaturesBy(nora.id, 3)) {
			const content = tinyPdf([
				`Referat: ${s.taskTitle}`,
				`Avdeling Nord, ${s.period}`,
				'Gjennomgått på personalmøtet. Ingen avvik funnet.'
			]);
			addSignatureEvidence(
				s.id,
				{
					files: [
						{
							fileName: `Referat ${s.period}.pdf`,
							mediaType: 'application/pdf',
							byteSize: content.byteLength,
							sha256: createHash('sha256').update(content).digest('hex'),
							content
						}
					],
					links: []
				},
				nora.id,
				s.signedAt
			);
		}
	}
	createDueNotices(now, DEFAULT_NOTICE_RULES);
}
