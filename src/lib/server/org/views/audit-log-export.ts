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
 */
import { countAuditLog, listAuditLogPage, type AuditCursor } from '../../db/queries/audit-log';
import { XlsxWorkbook } from '../../exports/xlsx';
import { datedFileName, organisationName } from '../../exports/download';
import { PdfReport } from '../../reports/pdf';
import type { SessionUser } from '../../auth/session';
import { formatDateTime, formatNumber, osloDay } from '$lib/format';
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
	return [
		...filterSummary(given),
		`Laget: ${formatDateTime(now)} (norsk tid)`,
		`Kontroll av hashkjeden: ${chain.line}${
			chain.checkedAt !== null
				? ` Sist kontrollert ${formatDateTime(chain.checkedAt)}${chain.checkedBy ? ` av ${chain.checkedBy}` : ''}.`
				: ''
		}${chain.newerRows ? ` ${formatNumber(chain.newerRows)} hendelser er skrevet etter kontrollen.` : ''}`
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
			yield [
				row.id,
				osloStamp(row.at),
				row.actorName,
				row.entityLabel,
				row.subject,
				entityId,
				row.actionLabel,
				changeText(row).slice(0, CELL_MAX),
				json(before),
				json(after)
			];
		}
	}
	const xlsx = new XlsxWorkbook({
		title: 'Endringslogg',
		organisation: organisationName(),
		createdAt: now,
		notes: preamble(given, now)
	}).sheet({
		name: 'Endringslogg',
		caption: 'Endringslogg',
		columns: [
			{ header: 'Rad-ID', format: 'integer' },
			{ header: 'Tidspunkt (norsk tid)' },
			{ header: 'Utført av' },
			{ header: 'Hva' },
			{ header: 'Gjelder' },
			{ header: 'ID' },
			{ header: 'Handling' },
			{ header: 'Endring (før → etter)' },
			{ header: 'Før (lagret)' },
			{ header: 'Etter (lagret)' }
		],
		rows: [],
		stream: { rows: rows(), widths: [9, 20, 22, 22, 40, 8, 18, 60, 40, 40] },
		empty: 'Ingen hendelser i utvalget.'
	});
	const content = await xlsx.render();
	return { content, fileName: datedFileName('endringslogg', now, 'xlsx'), rows: count };
}

export async function auditLogPdf(user: SessionUser, url: URL, now: Date, limit = AUDIT_PDF_LIMIT) {
	const { filter, given } = readAuditFilter(url.searchParams);
	const total = countAuditLog(filter);
	const rows = [...describedRows(filter, limit)].map((r) => r.row);
	const today = osloDay(now);
	const oldest = rows[rows.length - 1];
	const pdf = new PdfReport({
		title: 'Endringslogg',
		subtitle: 'Uttrekk for tilsyn',
		organisation: organisationName(),
		period: {
			from: given?.fra ?? (oldest ? osloDay(new Date(oldest.at)) : today),
			to: given?.til ?? today
		},
		issuedAt: now,
		notes: [`Utarbeidet av: ${user.name}`]
	});
	pdf.heading('Utvalg og kontroll').list(preamble(given, now));
	pdf.paragraph(
		total > rows.length
			? `${formatNumber(total)} hendelser i utvalget. Rapporten viser de ${formatNumber(rows.length)} nyeste; avgrens med dato, person, hva eller enhet, eller last ned regnearket, som har alle.`
			: `${formatNumber(total)} hendelser i utvalget, alle vist.`
	);
	pdf.heading('Hendelsene').table({
		caption: 'Endringer, nyeste først (tidspunkt i norsk tid)',
		columns: [
			{ header: 'Tidspunkt', width: 62 },
			{ header: 'Utført av', width: 70 },
			{ header: 'Hva', width: 110 },
			{ header: 'Handling', width: 55 },
			{ header: 'Endring', width: '*' }
		],
		rows: rows.map((r) => [
			osloStamp(r.at),
			r.actorName,
			r.subject,
			r.actionLabel,
			changeText(r) || '–'
		]),
		empty: 'Ingen hendelser i utvalget.'
	});
	return {
		content: await pdf.render(),
		fileName: datedFileName('endringslogg', now, 'pdf'),
		rows: rows.length,
		total
	};
}
