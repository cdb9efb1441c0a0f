/** What the administration pages show: users, roles, units and the change log. */
import { error } from '@sveltejs/kit';
import { listRolesOfUser, listUsers } from '../db/queries/users';
import { listUnits } from '../db/queries/units';
import {
	lastAuditLogId,
	lastAuditVerification,
	listAuditLogActors,
	listAuditLogFacets,
	listAuditLogPage,
	type AuditCursor,
	type AuditLogFilter
} from '../db/queries/audit-log';
import { XlsxWorkbook } from '../exports/xlsx';
import { datedFileName, organisationName } from '../exports/download';
import { describeChainReport, type ChainReport } from '../db/audit-chain';
import type { UserAccountAccess } from './access';
import { buildUnitTree, flattenUnitTree, unitOptions } from '$lib/domain/units';
import { auditLogCursorSchema, auditLogQuerySchema } from '$lib/schemas/audit-log';
import { fieldErrors } from '$lib/schemas/form';
import { osloDayStartMs } from '$lib/domain/oslo-day';

export function adminOverview() {
	const users = listUsers();
	return {
		userCount: users.length,
		activeUserCount: users.filter((u) => u.active).length,
		unitCount: listUnits().filter((u) => !u.archivedAt).length
	};
}

export function usersPage() {
	return { users: listUsers() };
}

export function userPage({ target }: UserAccountAccess) {
	return {
		target: {
			id: target.id,
			name: target.name,
			email: target.email,
			active: target.active,
			version: target.version
		},
		roles: listRolesOfUser(target.id),
		units: unitOptions(listUnits().filter((u) => !u.archivedAt))
	};
}

export function unitsPage() {
	const units = flattenUnitTree(buildUnitTree(listUnits()));
	return {
		units: units.map((u) => ({
			id: u.id,
			name: u.name,
			depth: u.depth,
			parentId: u.parentId,
			archived: u.archivedAt !== null,
			version: u.version
		}))
	};
}

/**
 * The change log page (/admin/logg): newest first, 50 rows a page, paged by time and id
 * (keyset), with
 * filters by what, action, who and date; and the last recorded check of the hash chain. The
 * whole chain is checked when an administrator asks (`verifyAuditLog` in ./actions.ts) or
 * with `npm run audit:verify`, not on every visit: at 200 000 rows that walk took seconds.
 */
export const AUDIT_LOG_PAGE_SIZE = 50;

/** What the page says about the chain: the last check, and how much is newer than it. */
export function chainStatus() {
	const last = lastAuditVerification();
	if (!last) {
		return {
			state: 'unchecked' as const,
			line: 'Kjeden av kontrollsummer er ikke kontrollert ennå.',
			checkedAt: null,
			checkedBy: null,
			durationMs: null,
			newerRows: 0
		};
	}
	const report: ChainReport = last.ok
		? { ok: true, checked: last.checked, lastId: last.lastId }
		: { ok: false, checked: last.checked, brokenId: last.brokenId!, reason: last.reason! };
	const newest = lastAuditLogId() ?? 0;
	return {
		state: last.ok ? ('ok' as const) : ('broken' as const),
		line: describeChainReport(report),
		checkedAt: last.checkedAt.getTime(),
		checkedBy: last.checkedBy,
		durationMs: last.durationMs,
		// Rows written after the check, which it could not see.
		newerRows: last.ok ? Math.max(0, newest - (last.lastId ?? 0)) : 0
	};
}

/** The log's filter from the address; a malformed one filters nothing (and says why). */
function readAuditFilter(raw: Record<string, string>) {
	const parsed = auditLogQuerySchema.safeParse(raw);
	// A malformed filter shows its field errors and the unfiltered newest page.
	const f = parsed.success ? parsed.data : undefined;
	const filter: AuditLogFilter = {
		entity: f?.entity || undefined,
		action: f?.action || undefined,
		actorId: f?.actorId ?? undefined,
		fromMs: f?.from ? osloDayStartMs(f.from) : undefined,
		// "to" is inclusive: up to the start of the next Oslo day.
		toMs: f?.to ? osloDayStartMs(f.to, 1) : undefined
	};
	return { parsed, filter, given: f };
}

export function auditLogPage(url: URL) {
	const raw = Object.fromEntries(url.searchParams);
	const cursor = auditLogCursorSchema.safeParse(raw);
	if (!cursor.success) error(400, 'Ugyldig side i loggen. Gå til de nyeste hendelsene.');
	const { before, after } = cursor.data;
	if (before !== undefined && after !== undefined) error(400, 'Ugyldig side i loggen.');
	const at: AuditCursor =
		before !== undefined ? { before } : after !== undefined ? { after } : null;

	const { parsed, filter } = readAuditFilter(raw);
	const page = listAuditLogPage(filter, parsed.success ? at : null, AUDIT_LOG_PAGE_SIZE);

	// The filters as given, for the form and for the links to the next pages.
	const kept = new URLSearchParams();
	for (const key of ['entity', 'action', 'actorId', 'from', 'to'] as const) {
		if (parsed.success && raw[key]) kept.set(key, raw[key]);
	}
	const href = (cursorKey?: 'before' | 'after', p?: { at: Date; id: number }) => {
		const params = new URLSearchParams(kept);
		if (cursorKey && p) params.set(cursorKey, `${p.at.getTime()}-${p.id}`);
		const query = params.toString();
		return query ? `?${query}` : '?';
	};
	const first = page.rows[0];
	const last = page.rows[page.rows.length - 1];
	return {
		rows: page.rows.map((r) => ({ ...r, at: r.at.getTime() })),
		newerHref: page.hasNewer && first ? href('after', first) : null,
		olderHref: page.hasOlder && last ? href('before', last) : null,
		newestHref: at !== null ? href() : null,
		chain: chainStatus(),
		facets: listAuditLogFacets(),
		actors: listAuditLogActors().map((u) => ({ value: String(u.id), label: u.name })),
		values: raw,
		errors: parsed.success ? {} : fieldErrors(parsed.error)
	};
}

/** At most this many rows of the log in one download; the «Om uttrekket» sheet says so. */
export const AUDIT_EXPORT_LIMIT = 20_000;

/**
 * The change log as xlsx, newest first, with the page's filters: read a page of 2 000 at a time
 * by the same keyset as the page, up to AUDIT_EXPORT_LIMIT rows (the whole log at national scale
 * is 200 000; a date range or a filter narrows it). The cap keeps the download under 10 s. Before and after are the rows' JSON.
 */
export async function auditLogXlsx(url: URL, now: Date) {
	const { filter, given } = readAuditFilter(Object.fromEntries(url.searchParams));
	const rows: ReturnType<typeof listAuditLogPage>['rows'] = [];
	let cursor: AuditCursor = null;
	let cut = false;
	for (;;) {
		const page = listAuditLogPage(filter, cursor, 2_000);
		rows.push(...page.rows);
		const last = page.rows[page.rows.length - 1];
		if (!page.hasOlder || !last) break;
		if (rows.length >= AUDIT_EXPORT_LIMIT) {
			cut = true;
			rows.length = AUDIT_EXPORT_LIMIT;
			break;
		}
		cursor = { before: { at: last.at.getTime(), id: last.id } };
	}
	const notes = [
		given?.entity ? `Hva: ${given.entity}` : 'Alle typer',
		given?.action ? `Handling: ${given.action}` : 'Alle handlinger',
		given?.actorId ? `Utført av bruker-ID ${given.actorId}` : 'Alle brukere',
		given?.from || given?.to
			? `Fra ${given?.from ?? 'start'} til ${given?.to ?? 'i dag'}`
			: 'Hele loggen',
		cut
			? `De nyeste ${AUDIT_EXPORT_LIMIT.toLocaleString('nb-NO')} radene (grensen for ett uttrekk); avgrens med dato for eldre rader.`
			: `Alle ${rows.length.toLocaleString('nb-NO')} radene (grense ${AUDIT_EXPORT_LIMIT.toLocaleString('nb-NO')}).`
	];
	const json = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v));
	const xlsx = new XlsxWorkbook({
		title: 'Endringslogg',
		organisation: organisationName(),
		createdAt: now,
		notes
	}).sheet({
		name: 'Endringslogg',
		caption: 'Endringslogg',
		columns: [
			{ header: 'Rad-ID', format: 'integer' },
			{ header: 'Tidspunkt', format: 'date' },
			{ header: 'Utført av' },
			{ header: 'Hva' },
			{ header: 'ID' },
			{ header: 'Handling' },
			{ header: 'Før' },
			{ header: 'Etter' }
		],
		rows: rows.map((r) => [
			r.id,
			r.at,
			r.actorName,
			r.entity,
			r.entityId,
			r.action,
			json(r.before),
			json(r.after)
		]),
		empty: 'Ingen hendelser i utvalget.'
	});
	return {
		content: await xlsx.render(),
		fileName: datedFileName('endringslogg', now, 'xlsx'),
		rows: rows.length
	};
}
