/**
 * The change log page (/admin/logg), fit to hand to a tilsyn: newest first, 50 rows a page,
 * paged by time and id (keyset), each row in words — what it is about, what was done, who
 * did it (by name), when (Oslo time), and field by field what it was before and after
 * ($lib/domain/audit). Filtered by what, action, person, unit and period; the last recorded
 * check of the hash chain is shown. The whole chain is checked when an administrator asks
 * (`verifyAuditLog` in ../actions.ts) or with `npm run audit:verify`, not on every visit: at
 * 200 000 rows that walk took seconds.
 */
import { error } from '@sveltejs/kit';
import {
	auditNames,
	lastAuditLogId,
	lastAuditVerification,
	listAuditLogActors,
	listAuditLogFacets,
	listAuditLogPage,
	type AuditCursor,
	type AuditLogFilter
} from '../../db/queries/audit-log';
import { listUnits } from '../../db/queries/units';
import { describeChainReport, type ChainReport } from '../../db/audit-chain';
import { unitOptions } from '$lib/domain/org/units';
import {
	actionLabel,
	auditSubject,
	auditTitle,
	describeChange,
	entityLabel,
	referencedIds,
	type AuditNames
} from '$lib/domain/audit/describe';
import {
	AUDIT_FILTER_KEYS,
	auditLogCursorSchema,
	auditLogQuerySchema
} from '$lib/schemas/audit-log';
import { fieldErrors } from '$lib/schemas/form';
import { osloDayStartMs } from '$lib/domain/shared/oslo-day';
import { formatDay } from '$lib/format';
import { m } from '$lib/paraglide/messages';
import { auditActionLabel, auditEntityLabel } from '$lib/labels-admin';

export const AUDIT_LOG_PAGE_SIZE = 50;

/** What the page says about the chain: the last check, and how much is newer than it. */
export function chainStatus() {
	const last = lastAuditVerification();
	if (!last) {
		return {
			state: 'unchecked' as const,
			line: 'Kjeden av kontrollsummer er ikke kontrollert ennå.',
			report: null,
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
		// The check itself, for the page and the downloads to say in the reader's language
		// (`line`: the same in bokmål).
		report,
		checkedAt: last.checkedAt.getTime(),
		checkedBy: last.checkedBy,
		durationMs: last.durationMs,
		// Rows written after the check, which it could not see.
		newerRows: last.ok ? Math.max(0, newest - (last.lastId ?? 0)) : 0
	};
}

/** The log's filter from the address; a malformed one filters nothing (and says why). */
export function readAuditFilter(params: URLSearchParams) {
	const raw = Object.fromEntries(params);
	const parsed = auditLogQuerySchema.safeParse(raw);
	const f = parsed.success ? parsed.data : undefined;
	const filter: AuditLogFilter = {
		entity: f?.type || undefined,
		action: f?.handling || undefined,
		actorId: f?.person ?? undefined,
		unitId: f?.enhet ?? undefined,
		fromMs: f?.fra ? osloDayStartMs(f.fra) : undefined,
		// «til» is inclusive: up to the start of the next Oslo day.
		toMs: f?.til ? osloDayStartMs(f.til, 1) : undefined
	};
	return { raw, parsed, filter, given: f };
}

/** The filters in words, in the reader's language, for the first page of an export. */
export function filterSummary(given: ReturnType<typeof readAuditFilter>['given']): string[] {
	const person = given?.person
		? (listAuditLogActors().find((a) => a.id === given.person)?.name ??
			m.admin_log_user_id({ id: String(given.person) }))
		: null;
	const unit = given?.enhet ? listUnits().find((u) => u.id === given.enhet)?.name : null;
	return [
		m.export_log_filter_what({
			value: given?.type ? auditEntityLabel(given.type) : m.export_log_everything()
		}),
		m.export_log_filter_action({
			value: given?.handling ? auditActionLabel(given.handling) : m.export_log_all()
		}),
		m.export_log_filter_person({ value: person ?? m.export_log_all() }),
		m.export_log_filter_unit({
			value: unit ? m.export_log_filter_unit_tree({ unit }) : m.export_log_all()
		}),
		m.export_log_filter_period({
			from: given?.fra ? formatDay(given.fra) : m.export_log_from_start(),
			to: given?.til ? formatDay(given.til) : m.export_log_today()
		})
	];
}

type LogRow = ReturnType<typeof listAuditLogPage>['rows'][number];

/** The names the rows refer to by id, looked up in one go. */
export function namesFor(rows: readonly LogRow[]): AuditNames {
	const ids = referencedIds(rows as LogRow[]);
	const found = auditNames(ids.persons, ids.units);
	const persons = new Map(found.persons.map((p) => [p.id, p.name]));
	const units = new Map(found.units.map((u) => [u.id, u.name]));
	return { person: (id) => persons.get(id), unit: (id) => units.get(id) };
}

/** A row in words. */
export function describeRow(r: LogRow, names: AuditNames) {
	return {
		id: r.id,
		at: r.at.getTime(),
		actorName: r.actorName ?? (r.actorId === null ? 'Systemet' : `bruker #${r.actorId}`),
		actorId: r.actorId,
		actor: r.actorName,
		// A write through the API names its token (schema/audit.ts): id and name, no secret.
		viaApi: r.apiTokenId === null ? null : { id: r.apiTokenId, name: r.apiTokenName ?? '' },
		entity: r.entity,
		entityLabel: entityLabel(r.entity),
		subject: auditSubject(r.entity, r.entityId, r.before, r.after),
		entityId: r.entityId,
		title: auditTitle(r.before, r.after),
		action: r.action,
		actionLabel: actionLabel(r.action),
		changes: describeChange(r.entity, r.before, r.after, names)
	};
}

const collator = new Intl.Collator('nb');
const byLabel = (options: { value: string; label: string }[]) =>
	options.sort((a, b) => collator.compare(a.label, b.label));

export type DescribedRow = ReturnType<typeof describeRow>;

export function auditLogPage(url: URL) {
	const cursor = auditLogCursorSchema.safeParse(Object.fromEntries(url.searchParams));
	if (!cursor.success) error(400, m.admin_log_page_invalid_newest());
	const { eldre, nyere } = cursor.data;
	if (eldre !== undefined && nyere !== undefined) error(400, m.admin_log_page_invalid());
	const at: AuditCursor =
		eldre !== undefined ? { before: eldre } : nyere !== undefined ? { after: nyere } : null;

	const { raw, parsed, filter } = readAuditFilter(url.searchParams);
	const page = listAuditLogPage(filter, parsed.success ? at : null, AUDIT_LOG_PAGE_SIZE);

	// The filters as given, for the form, the downloads and the links to the next pages.
	const kept = new URLSearchParams();
	for (const key of AUDIT_FILTER_KEYS) {
		if (parsed.success && raw[key]) kept.set(key, raw[key]);
	}
	const href = (cursorKey?: 'eldre' | 'nyere', p?: { at: Date; id: number }) => {
		const params = new URLSearchParams(kept);
		if (cursorKey && p) params.set(cursorKey, `${p.at.getTime()}-${p.id}`);
		const query = params.toString();
		return query ? `?${query}` : '?';
	};
	const first = page.rows[0];
	const last = page.rows[page.rows.length - 1];
	const names = namesFor(page.rows);
	const facets = listAuditLogFacets();
	return {
		rows: page.rows.map((r) => describeRow(r, names)),
		newerHref: page.hasNewer && first ? href('nyere', first) : null,
		olderHref: page.hasOlder && last ? href('eldre', last) : null,
		newestHref: at !== null ? href() : null,
		filterQuery: kept.toString(),
		chain: chainStatus(),
		facets: {
			entities: byLabel(facets.entities.map((e) => ({ value: e, label: entityLabel(e) }))),
			actions: byLabel(facets.actions.map((a) => ({ value: a, label: actionLabel(a) })))
		},
		actors: listAuditLogActors().map((u) => ({ value: String(u.id), label: u.name })),
		units: unitOptions(listUnits()),
		values: raw,
		errors: parsed.success ? {} : fieldErrors(parsed.error)
	};
}
