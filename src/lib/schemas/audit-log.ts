import { z } from 'zod';
import { optionalIdField } from './id';

/** Where a page of the change log starts: a row's time (ms) and id, `1764547200000-12345`. */
const position = z
	.string()
	.optional()
	.refine((v) => v === undefined || /^\d{1,15}-[1-9]\d{0,15}$/.test(v), {
		error: 'Ugyldig side i loggen.'
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
			ctx.addIssue({ code: 'custom', message: 'Skriv datoen som ÅÅÅÅ-MM-DD.' });
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
		person: optionalIdField('Ugyldig person.'),
		enhet: optionalIdField('Ugyldig enhet.'),
		fra: day,
		til: day
	})
	.refine((v) => !v.fra || !v.til || v.fra <= v.til, {
		path: ['til'],
		message: 'Til-datoen kan ikke være før fra-datoen.'
	});

/** `eldre`/`nyere`: keyset pages older or newer than a row. */
export const auditLogCursorSchema = z.object({ eldre: position, nyere: position });

/** The filter keys, in the order links write them. */
export const AUDIT_FILTER_KEYS = ['type', 'handling', 'person', 'enhet', 'fra', 'til'] as const;
