/** What the administration pages show: users, roles, units and the audit log. */
import { listRolesOfUser, listUsers } from '../db/queries/users';
import { listUnits } from '../db/queries/units';
import { checkAuditChain, listAuditEntries, listAuditFacets } from '../db/queries/audit';
import { describeChainReport } from '../db/audit-chain';
import type { UserAccountAccess } from './access';
import { buildUnitTree, flattenUnitTree, unitOptions } from '$lib/domain/units';
import { auditFilterSchema } from '$lib/schemas/admin';
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

/** The audit log, filtered by the address's query, with the whole hash chain checked. */
export async function auditLogPage(url: URL) {
	const raw = Object.fromEntries(url.searchParams);
	const parsed = auditFilterSchema.safeParse(raw);
	// A malformed filter shows its field errors and the unfiltered first page.
	const filter = parsed.success ? parsed.data : undefined;
	const result = listAuditEntries({
		entity: filter?.entity || undefined,
		action: filter?.action || undefined,
		actorId: filter?.actorId ?? undefined,
		fromMs: filter?.from ? osloDayStartMs(filter.from) : undefined,
		// "to" is inclusive: up to the start of the next Oslo day.
		toMs: filter?.to ? osloDayStartMs(filter.to, 1) : undefined,
		page: filter?.page ?? 1
	});
	// The whole chain, every time: a check that skips rows would miss a change to them. It
	// runs in batches that let other requests through (queries/audit-chain.ts).
	const chain = await checkAuditChain();
	return {
		...result,
		chain: { ok: chain.ok, line: describeChainReport(chain) },
		rows: result.rows.map((r) => ({ ...r, at: r.at.getTime() })),
		facets: listAuditFacets(),
		actors: listUsers().map((u) => ({ value: String(u.id), label: u.name })),
		values: raw,
		errors: parsed.success ? {} : fieldErrors(parsed.error)
	};
}
