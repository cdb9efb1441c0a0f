/**
 * Frozen reports (steering issue «Reports»): stored exactly as issued, a frozen report never
 * changes when the data changes; approved once, version-checked, with an audit row in the
 * same transaction; the database itself refuses changes to what was issued.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '$lib/server/db';
import { getProjectById } from '$lib/server/db/queries/projects';
import {
	approveReport,
	countReports,
	freezeReport,
	getReport,
	getReportFile,
	listReports,
	sha256Hex,
	verifyReport
} from '$lib/server/db/queries/reports';
import { listAuditEntries } from '$lib/server/db/queries/audit';
import { PdfReport } from '$lib/server/reports/pdf';
import { pdfText } from '$lib/server/reports/pdf-text';
import { makeUser } from '../factories';
import { editProject, makeProject, makeTrack } from '../factories/portfolio';

const ISSUED = new Date('2026-11-20T10:00:00Z');
const LATER = new Date('2026-11-27T10:00:00Z');
const sqlite = () => db.$client;

let steeringId: number;
let ownerId: number;
let projectId: number;

/** A small styringsrapport from what the database holds now. */
function reportFor(id: number): Promise<Uint8Array> {
	const p = getProjectById(id)!;
	return new PdfReport({
		title: 'Styringsrapport',
		organisation: 'Molde kommune',
		period: { from: '2026-09-01', to: '2026-12-31' },
		issuedAt: ISSUED
	})
		.heading('Prosjekter')
		.table({
			caption: 'Prosjekter i perioden',
			columns: [{ header: 'Prosjekt' }, { header: 'Status' }],
			rows: [[p.title, p.status]]
		})
		.render();
}

function freeze(content: Uint8Array, meetingDate = '2026-11-24') {
	const r = freezeReport(
		{
			kind: 'styringsrapport',
			title: 'Styringsrapport tertial 3',
			period: { from: '2026-09-01', to: '2026-12-31' },
			meetingDate,
			mediaType: 'application/pdf',
			fileName: 'styringsrapport-2026-t3.pdf',
			content
		},
		steeringId,
		ISSUED
	);
	if (!r.ok) throw new Error(r.reason);
	return r.value;
}

beforeAll(async () => {
	steeringId = await makeUser([{ role: 'steering' }], { name: 'Siri Styring' });
	ownerId = await makeUser([{ role: 'programme_leader' }]);
	projectId = makeProject(ownerId, [makeTrack(ownerId)], { title: 'Felles søknadsportal' });
});

describe('frozen reports', () => {
	it('keeps the bytes as issued when the data changes', async () => {
		const issued = await reportFor(projectId);
		const id = freeze(issued);
		expect(pdfText(getReportFile(id)!.content)).toContain('Felles søknadsportal');

		const title = 'Felles søknadsportal for familier';
		const renamed = editProject(projectId, { title }, ownerId, LATER);
		expect(renamed.ok).toBe(true);
		const rebuilt = await reportFor(projectId);
		expect(pdfText(rebuilt)).toContain('Felles søknadsportal for familier');

		const stored = getReportFile(id)!;
		expect(Buffer.from(stored.content).equals(Buffer.from(issued))).toBe(true);
		expect(Buffer.from(stored.content).equals(Buffer.from(rebuilt))).toBe(false);
		expect(stored.sha256).toBe(sha256Hex(issued));
		expect(verifyReport(id)).toBe(true);
		expect(pdfText(stored.content)).not.toContain('for familier');
	});

	it('is a draft until approved, once, by the version it was shown with', async () => {
		const id = freeze(await reportFor(projectId));
		const draft = getReport(id)!;
		expect(draft).toMatchObject({
			status: 'draft',
			approvedAt: null,
			createdByName: 'Siri Styring',
			meetingDate: '2026-11-24',
			version: 0
		});
		expect(approveReport(id, { version: 1 }, steeringId, LATER)).toEqual({
			ok: false,
			reason: 'conflict'
		});
		expect(approveReport(id, { version: 0 }, steeringId, LATER)).toEqual({
			ok: true,
			value: undefined
		});
		expect(approveReport(id, { version: 1 }, steeringId, LATER)).toEqual({
			ok: false,
			reason: 'already_approved'
		});
		expect(approveReport(999_999, { version: 0 }, steeringId, LATER)).toEqual({
			ok: false,
			reason: 'not_found'
		});
		const approved = getReport(id)!;
		expect(approved).toMatchObject({
			status: 'approved',
			approvedById: steeringId,
			approvedByName: 'Siri Styring',
			approvedAt: LATER,
			version: 1
		});
		const audit = listAuditEntries({ entity: 'report', entityId: String(id) }).rows;
		expect(audit.map((e) => e.action).sort()).toEqual(['approve', 'freeze']);
		const frozen = audit.find((e) => e.action === 'freeze')!;
		expect(frozen.after).toMatchObject({ sha256: approved.sha256, byteSize: approved.byteSize });
	});

	it('is refused by the database when anything issued is changed, or an approved one deleted', async () => {
		const id = freeze(await reportFor(projectId));
		const change = (sql: string) => () => sqlite().prepare(sql).run(id);
		expect(change(`UPDATE report SET content = x'00' , byte_size = 1 WHERE id = ?`)).toThrow(
			/frozen/
		);
		expect(change(`UPDATE report SET title = 'Annen tittel' WHERE id = ?`)).toThrow(/frozen/);
		// Approving outside the verb without bumping the version is refused too.
		expect(change(`UPDATE report SET status = 'approved', approved_at = 1 WHERE id = ?`)).toThrow(
			/frozen/
		);
		expect(approveReport(id, { version: 0 }, steeringId, LATER).ok).toBe(true);
		expect(change(`UPDATE report SET approved_by_id = NULL WHERE id = ?`)).toThrow(/frozen/);
		expect(change(`DELETE FROM report WHERE id = ?`)).toThrow(/cannot be deleted/);
		const row = sqlite().prepare('SELECT * FROM report WHERE id = ?').get(id) as object;
		expect(() =>
			sqlite()
				.prepare(
					`INSERT OR REPLACE INTO report (${Object.keys(row).join(', ')}) VALUES (${Object.keys(row)
						.map((c) => `@${c}`)
						.join(', ')})`
				)
				.run(row)
		).toThrow(/cannot be replaced/);
		expect(verifyReport(id)).toBe(true);
	});

	it('lists earlier reports newest first, a page at a time, and refuses bad input', async () => {
		const before = countReports({ kind: 'styringsrapport' });
		const content = await reportFor(projectId);
		const a = freeze(content, '2026-12-01');
		const page = listReports({ kind: 'styringsrapport' }, 2, 0);
		expect(page).toHaveLength(2);
		expect(page[0]!.id).toBe(a);
		expect(page[0]).not.toHaveProperty('content');
		expect(countReports({ kind: 'styringsrapport' })).toBe(before + 1);
		expect(countReports({ kind: 'gevinstrealiseringsplan' })).toBe(0);
		const bad = (period: { from: string; to: string }, bytes = content) =>
			freezeReport(
				{
					kind: 'styringsrapport',
					title: 'x',
					period,
					mediaType: 'application/pdf',
					fileName: 'x.pdf',
					content: bytes
				},
				steeringId,
				ISSUED
			);
		expect(bad({ from: '2026-12-31', to: '2026-01-01' })).toEqual({ ok: false, reason: 'period' });
		expect(bad({ from: '2026-1-1', to: '2026-12-31' })).toEqual({ ok: false, reason: 'period' });
		expect(bad({ from: '2026-01-01', to: '2026-12-31' }, new Uint8Array())).toEqual({
			ok: false,
			reason: 'empty'
		});
	});
});
