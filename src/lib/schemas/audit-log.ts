import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { optionalIdField } from './id';

/** Where a page of the change log starts: a row's time (ms) and id, `1764547200000-12345`. */
const position = z
	.string()
	.optional()
	.refine((v) => v === undefined || /^\d{1,15}-[1-9]\d{0,15}$/.test(v), {
		error: () => m.admin_log_page_invalid()
	})
	.transform((v) => {
		if (v === undefined) return undefined;
		const [at, id] = v.split('-').map(Number);
		return { at: at!, id: id! };
	});

const day = z
	.string()
	.optional()
	.transform((v, ctx) => {
		if (!v) return undefined;
		if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(Date.parse(v))) {
			ctx.addIssue({ code: 'custom', message: m.admin_log_day_format() });
			return z.NEVER;
		}
		return v;
	});

/**
 * The change log's filters, as the address names them: `type` (what it is about), `handling`,
 * `person` (who did it), `enhet` (things in that unit and below), `fra` and `til` (Oslo days,
 * inclusive).
 */
export const auditLogQuerySchema = z
	.object({
		type: z.string().max(60).optional(),
		handling: z.string().max(60).optional(),
		person: optionalIdField(m.admin_log_person_invalid),
		enhet: optionalIdField(m.admin_unit_invalid),
		fra: day,
		til: day
	})
	.refine((v) => !v.fra || !v.til || v.fra <= v.til, {
		path: ['til'],
		error: () => m.admin_log_to_before_from()
	});

/** `eldre`/`nyere`: keyset pages older or newer than a row. */
export const auditLogCursorSchema = z.object({ eldre: position, nyere: position });

/** The filter keys, in the order links write them. */
export const AUDIT_FILTER_KEYS = ['type', 'handling', 'person', 'enhet', 'fra', 'til'] as const;
