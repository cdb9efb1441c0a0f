import type { PageServerLoad } from './$types';
import { requireAdmin } from '$lib/server/auth/guards';
import { auditFilterSchema } from '$lib/schemas/admin';
import { fieldErrors } from '$lib/schemas/form';
import { checkAuditChain, listAuditEntries, listAuditFacets } from '$lib/server/db/queries/audit';
import { describeChainReport } from '$lib/server/audit-chain';
import { listUsers } from '$lib/server/db/queries/users';
import { osloDayStartMs } from '$lib/domain/oslo-day';

export const load: PageServerLoad = async (event) => {
	requireAdmin(event);
	const raw = Object.fromEntries(event.url.searchParams);
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
};
