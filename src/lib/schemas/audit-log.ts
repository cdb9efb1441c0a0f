import { z } from 'zod';
import { auditFilterSchema } from './admin';

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

/** The change log's address: the filters, and `before`/`after` for keyset pages. */
export const auditLogQuerySchema = auditFilterSchema.omit({ page: true });
export const auditLogCursorSchema = z.object({ before: position, after: position });
