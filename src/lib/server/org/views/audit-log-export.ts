/**
 * The change log exported «for et tilsyn»: the filtered rows in words, with the filters, the
 * time it was made (Oslo) and the state of the hash chain stated up front, so the reader knows
 * what was selected and whether the log is intact.
 *
 * - xlsx: every filtered row, read a page at a time by the page's own keyset and written as it
 *   is read (ExcelJS's streaming writer), so the whole log at national scale never sits in
 *   memory as rows. Besides the change in words, each row keeps its before and after as stored
 *   (JSON), the evidence as it was hashed.
 * - PDF: at most AUDIT_PDF_LIMIT rows, newest first; it says how many matched and asks for a
 *   narrower filter when there are more.
 *
 * Both are in the reader's language (messages/exports), the rows' what, action and subject
 * included; the change's fields and values stay as the domain words them (domain/audit), in
 * bokmål, as the page shows them.
 */
import { countAuditLog, listAuditLogPage, type AuditCursor } from '../../db/queries/audit-log';
import { XlsxWorkbook } from '../../exports/xlsx';
import { datedFileName, organisationName } from '../../exports/download';
import { PdfReport } from '../../reports/pdf';
import type { SessionUser } from '../../auth/session';
import { formatDateTime, formatNumber, osloDay } from '$lib/format';
import {
	auditActionLabel,
	auditEntityLabel,
	auditSubjectLabel,
	chainLine
} from '$lib/labels-admin';
import { m } from '$lib/paraglide/messages';
import {
	chainStatus,
	describeRow,
	filterSummary,
	namesFor,
	readAuditFilter,
	type DescribedRow
} from './audit-log';

/** Rows in the PDF at most: about 25 pages, which a reader can still go through. */
export const AUDIT_PDF_LIMIT = 500;
/** Rows read per query while exporting. */
const BATCH = 1_000;
/** Excel's limit for one cell's text (ECMA-376: 32 767 characters). */
const CELL_MAX = 32_000;

const stamp = new Intl.DateTimeFormat('sv-SE', {
	timeZone: 'Europe/Oslo',
	year: 'numeric',
	month: '2-digit',
	day: '2-digit',
	hour: '2-digit',
	minute: '2-digit',
	second: '2-digit'
});
/** «2026-11-25 13:00:05», Oslo time: sorts as text, and reads without a time zone question. */
export const osloStamp = (ms: number) => stamp.format(new Date(ms));

/** A row's what, action and subject in the reader's language (labels-admin.ts). */
const inWords = (row: DescribedRow) => ({
	what: auditEntityLabel(row.entity),
	action: auditActionLabel(row.action),
	subject: auditSubjectLabel(row.entity, row.entityId, row.title),
	actor: [
		row.actor ??
			(row.actorId === null
				? m.admin_log_system()
				: m.admin_log_user_id({ id: String(row.actorId) })),
		...(row.viaApi ? [viaApi(row.viaApi)] : [])
	].join(' ')
});

/** «via API-token «Regnskap» (#4)»: which token a write through the API came with. */
export const viaApi = (token: { id: number; name: string }) =>
	m.admin_log_via_api({ name: token.name, id: String(token.id) });

/** The filtered rows in words, newest first, read `BATCH` at a time; at most `limit`. */
function* describedRows(
	filter: ReturnType<typeof readAuditFilter>['filter'],
	limit = Infinity
): Generator<{ row: DescribedRow; before: unknown; after: unknown; entityId: string }> {
	let cursor: AuditCursor = null;
	let n = 0;
	for (;;) {
		const page = listAuditLogPage(filter, cursor, Math.min(BATCH, limit - n));
		const names = namesFor(page.rows);
		for (const r of page.rows) {
			yield { row: describeRow(r, names), before: r.before, after: r.after, entityId: r.entityId };
			n += 1;
		}
		const last = page.rows[page.rows.length - 1];
		if (!page.hasOlder || !last || n >= limit) return;
		cursor = { before: { at: last.at.getTime(), id: last.id } };
	}
}

const changeText = (row: DescribedRow) =>
	row.changes
		.map((c) =>
			c.before === '' ? `${c.label}: ${c.after}` : `${c.label}: ${c.before} → ${c.after || '–'}`
		)
		.join('\n');

/** What every export says first: the filters, when it was made, the chain's state. */
function preamble(given: ReturnType<typeof readAuditFilter>['given'], now: Date) {
	const chain = chainStatus();
	const checked =
		chain.checkedAt === null
			? null
			: chain.checkedBy
				? m.export_log_checked_by({ when: formatDateTime(chain.checkedAt), name: chain.checkedBy })
				: m.export_log_checked({ when: formatDateTime(chain.checkedAt) });
	const newer = chain.newerRows
		? m.export_log_newer({ count: formatNumber(chain.newerRows) })
		: null;
	return [
		...filterSummary(given),
		m.export_log_made({ when: formatDateTime(now) }),
		[m.export_log_chain({ line: chainLine(chain.report) }), checked, newer]
			.filter(Boolean)
			.join(' ')
	];
}

export async function auditLogXlsx(url: URL, now: Date) {
	const { filter, given } = readAuditFilter(url.searchParams);
	const json = (v: unknown) =>
		v === null || v === undefined ? null : JSON.stringify(v).slice(0, CELL_MAX);
	let count = 0;
	function* rows() {
		for (const { row, before, after, entityId } of describedRows(filter)) {
			count += 1;
			const words = inWords(row);
			yield [
				row.id,
				osloStamp(row.at),
				words.actor,
				words.what,
				words.subject,
				entityId,
				words.action,
				changeText(row).slice(0, CELL_MAX),
				json(before),
				json(after)
			];
		}
	}
	const xlsx = new XlsxWorkbook({
		title: m.export_log_title(),
		organisation: organisationName(),
		createdAt: now,
		notes: preamble(given, now)
	}).sheet({
		name: m.export_log_title(),
		caption: m.export_log_title(),
		columns: [
			{ header: m.export_log_col_row_id(), format: 'integer' },
			{ header: m.export_log_col_time() },
			{ header: m.export_log_col_actor() },
			{ header: m.export_log_col_what() },
			{ header: m.export_log_col_subject() },
			{ header: m.export_log_col_id() },
			{ header: m.export_log_col_action() },
			{ header: m.export_log_col_change() },
			{ header: m.export_log_col_before() },
			{ header: m.export_log_col_after() }
		],
		rows: [],
		stream: { rows: rows(), widths: [9, 20, 22, 22, 40, 8, 18, 60, 40, 40] },
		empty: m.export_log_none()
	});
	const content = await xlsx.render();
	return { content, fileName: datedFileName(m.export_log_file(), now, 'xlsx'), rows: count };
}

export async function auditLogPdf(user: SessionUser, url: URL, now: Date, limit = AUDIT_PDF_LIMIT) {
	const { filter, given } = readAuditFilter(url.searchParams);
	const total = countAuditLog(filter);
	const rows = [...describedRows(filter, limit)].map((r) => r.row);
	const today = osloDay(now);
	const oldest = rows[rows.length - 1];
	const pdf = new PdfReport({
		title: m.export_log_title(),
		subtitle: m.export_log_subtitle(),
		organisation: organisationName(),
		period: {
			from: given?.fra ?? (oldest ? osloDay(new Date(oldest.at)) : today),
			to: given?.til ?? today
		},
		issuedAt: now,
		notes: [m.export_pdf_prepared_by({ name: user.name })]
	});
	pdf.heading(m.export_log_selection()).list(preamble(given, now));
	pdf.paragraph(
		total > rows.length
			? m.export_log_cut({ total: formatNumber(total), shown: formatNumber(rows.length) })
			: m.export_log_all_shown({ total: formatNumber(total) })
	);
	pdf.heading(m.export_log_events()).table({
		caption: m.export_log_caption(),
		columns: [
			{ header: m.export_log_col_when(), width: 62 },
			{ header: m.export_log_col_actor(), width: 70 },
			{ header: m.export_log_col_what(), width: 110 },
			{ header: m.export_log_col_action(), width: 55 },
			{ header: m.export_log_col_change_short(), width: '*' }
		],
		rows: rows.map((r) => {
			const words = inWords(r);
			return [osloStamp(r.at), words.actor, words.subject, words.action, changeText(r) || '–'];
		}),
		empty: m.export_log_none()
	});
	return {
		content: await pdf.render(),
		fileName: datedFileName(m.export_log_file(), now, 'pdf'),
		rows: rows.length,
		total
	};
}
