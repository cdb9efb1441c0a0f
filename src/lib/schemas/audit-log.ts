import { z } from 'zod';
import { auditFilterSchema } from './admin';

/** Where a page of the change log starts: an id it goes past, older or newer. */
const cursorId = z
	.string()
	.optional()
	.refine((v) => v === undefined || /^[1-9]\d{0,15}$/.test(v), { error: 'Ugyldig side i loggen.' })
	.transform((v) => (v === undefined ? undefined : Number(v)));

/** The change log's address: the filters, and `before`/`after` for keyset pages. */
export const auditLogQuerySchema = auditFilterSchema.omit({ page: true });
export const auditLogCursorSchema = z.object({ before: cursorId, after: cursorId });
