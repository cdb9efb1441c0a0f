/**
 * Frozen reports (schema/reports.ts): a report stored exactly as it was issued, listed with
 * its earlier versions, approved once by a steering member (utkast → godkjent). The bytes and
 * their SHA-256 are written once; the triggers of drizzle/0013_report_frozen.sql refuse any
 * other change. Each write and its audit row go in one transaction.
 */
import { createHash } from 'node:crypto';
import { and, count, desc, eq, inArray, type SQL } from 'drizzle-orm';
import { db } from '..';
import { report, user } from '../schema';
import type { ReportKind, ReportStatus } from '$lib/domain/reports/vocabulary';
import { insertAuditEntry } from './audit';
import { writeTransaction } from './write';

type Result<T = void> = { ok: true; value: T } | { ok: false; reason: string };

export interface FreezeReportInput {
	kind: ReportKind;
	title: string;
	/** ISO days, inclusive. */
	period: { from: string; to: string };
	/** The meeting the report was frozen for, ISO day. */
	meetingDate?: string | null;
	/** What the report is about when not the whole portfolio, e.g. «project:12». */
	scope?: string | null;
	mediaType: string;
	fileName: string;
	content: Uint8Array;
}

/** A report without its bytes: what a list or a page shows. */
export interface ReportSummary {
	id: number;
	kind: ReportKind;
	title: string;
	periodFrom: string;
	periodTo: string;
	meetingDate: string | null;
	scope: string | null;
	mediaType: string;
	fileName: string;
	byteSize: number;
	sha256: string;
	status: ReportStatus;
	approvedById: number | null;
	approvedByName: string | null;
	approvedAt: Date | null;
	createdById: number | null;
	createdByName: string | null;
	createdAt: Date;
	version: number;
}

export interface ReportFile {
	fileName: string;
	mediaType: string;
	sha256: string;
	content: Uint8Array;
}

/** SHA-256 of the bytes, hex (FIPS 180-4). */
export function sha256Hex(content: Uint8Array): string {
	return createHash('sha256').update(content).digest('hex');
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Stores an issued report as a draft (utkast); answers its id. */
export function freezeReport(
	input: FreezeReportInput,
	actorId: number | null,
	now: Date
): Result<number> {
	if (
		!DAY.test(input.period.from) ||
		!DAY.test(input.period.to) ||
		input.period.from > input.period.to
	) {
		return { ok: false, reason: 'period' };
	}
	if (input.meetingDate && !DAY.test(input.meetingDate))
		return { ok: false, reason: 'meeting_date' };
	if (!input.content.byteLength) return { ok: false, reason: 'empty' };
	const content = Buffer.from(
		input.content.buffer,
		input.content.byteOffset,
		input.content.byteLength
	);
	// What was issued, as the report row and its audit row both name it; the hash stands for
	// the bytes, so the audit log shows which file was issued without holding it.
	const issued = {
		kind: input.kind,
		title: input.title,
		periodFrom: input.period.from,
		periodTo: input.period.to,
		meetingDate: input.meetingDate ?? null,
		scope: input.scope ?? null,
		fileName: input.fileName,
		byteSize: content.byteLength,
		sha256: sha256Hex(content)
	};
	return writeTransaction((tx) => {
		const row = tx
			.insert(report)
			.values({
				...issued,
				mediaType: input.mediaType,
				content,
				status: 'draft',
				createdById: actorId,
				createdAt: now
			})
			.returning({ id: report.id })
			.get();
		insertAuditEntry(tx, {
			at: now,
			actorId,
			entity: 'report',
			entityId: String(row.id),
			action: 'freeze',
			before: null,
			after: issued
		});
		return { ok: true, value: row.id };
	});
}

/**
 * utkast → godkjent, once. The caller's version must be the row's (a lost update answers
 * `conflict`); a report already approved answers `already_approved`. Who may approve (a
 * steering member) is the guard's to say.
 */
export function approveReport(
	id: number,
	input: { version: number },
	actorId: number,
	now: Date
): Result {
	return writeTransaction((tx) => {
		const before = tx
			.select({ status: report.status, version: report.version })
			.from(report)
			.where(eq(report.id, id))
			.get();
		if (!before) return { ok: false, reason: 'not_found' };
		if (before.status === 'approved') return { ok: false, reason: 'already_approved' };
		if (before.version !== input.version) return { ok: false, reason: 'conflict' };
		const updated = tx
			.update(report)
			.set({
				status: 'approved',
				approvedById: actorId,
				approvedAt: now,
				version: before.version + 1
			})
			.where(and(eq(report.id, id), eq(report.version, input.version), eq(report.status, 'draft')))
			.run();
		if (updated.changes !== 1) return { ok: false, reason: 'conflict' };
		insertAuditEntry(tx, {
			at: now,
			actorId,
			entity: 'report',
			entityId: String(id),
			action: 'approve',
			before: { status: 'draft' },
			after: { status: 'approved' }
		});
		return { ok: true, value: undefined };
	});
}

function summaryColumns() {
	return {
		id: report.id,
		kind: report.kind,
		title: report.title,
		periodFrom: report.periodFrom,
		periodTo: report.periodTo,
		meetingDate: report.meetingDate,
		scope: report.scope,
		mediaType: report.mediaType,
		fileName: report.fileName,
		byteSize: report.byteSize,
		sha256: report.sha256,
		status: report.status,
		approvedById: report.approvedById,
		approvedAt: report.approvedAt,
		createdById: report.createdById,
		createdAt: report.createdAt,
		version: report.version
	};
}

/** Names of the people a page of reports mentions, in one query. */
function withNames(
	rows: Omit<ReportSummary, 'approvedByName' | 'createdByName'>[]
): ReportSummary[] {
	const ids = [
		...new Set(
			rows.flatMap((r) => [r.approvedById, r.createdById]).filter((x): x is number => x !== null)
		)
	];
	const names = new Map<number, string>();
	if (ids.length) {
		for (const u of db
			.select({ id: user.id, name: user.name })
			.from(user)
			.where(inArray(user.id, ids))
			.all()) {
			names.set(u.id, u.name);
		}
	}
	return rows.map((r) => ({
		...r,
		approvedByName: r.approvedById === null ? null : (names.get(r.approvedById) ?? null),
		createdByName: r.createdById === null ? null : (names.get(r.createdById) ?? null)
	}));
}

export function getReport(id: number): ReportSummary | undefined {
	const row = db.select(summaryColumns()).from(report).where(eq(report.id, id)).get();
	return row ? withNames([row])[0] : undefined;
}

/** The bytes as issued, for download. */
export function getReportFile(id: number): ReportFile | undefined {
	const row = db
		.select({
			fileName: report.fileName,
			mediaType: report.mediaType,
			sha256: report.sha256,
			content: report.content
		})
		.from(report)
		.where(eq(report.id, id))
		.get();
	return row ? { ...row, content: new Uint8Array(row.content) } : undefined;
}

export interface ReportFilter {
	kind?: ReportKind;
	/** Only these kinds (what the reader may see). */
	kinds?: readonly ReportKind[];
	scope?: string;
}

function where(filter: ReportFilter): SQL | undefined {
	return and(
		filter.kind ? eq(report.kind, filter.kind) : undefined,
		filter.kinds ? inArray(report.kind, [...filter.kinds]) : undefined,
		filter.scope ? eq(report.scope, filter.scope) : undefined
	);
}

/** Earlier reports, newest first, a page at a time. */
export function listReports(filter: ReportFilter, limit: number, offset: number): ReportSummary[] {
	const rows = db
		.select(summaryColumns())
		.from(report)
		.where(where(filter))
		.orderBy(desc(report.createdAt), desc(report.id))
		.limit(limit)
		.offset(offset)
		.all();
	return withNames(rows);
}

export function countReports(filter: ReportFilter): number {
	return db.select({ n: count() }).from(report).where(where(filter)).get()?.n ?? 0;
}

/** Whether the stored bytes still hash to the stored SHA-256. */
export function verifyReport(id: number): boolean | undefined {
	const file = getReportFile(id);
	return file ? sha256Hex(file.content) === file.sha256 : undefined;
}
