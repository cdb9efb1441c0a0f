/**
 * The row version an edit form was loaded with, posted in a hidden field. A save whose version
 * is no longer the row's is refused as a lost update (409) instead of overwriting what someone
 * else saved in between; the form then shows the newer values.
 */
import { z } from 'zod';
import { m } from '$lib/paraglide/messages';

/** Read when a form is parsed, so it is in the request's language. */
export const MISSING_VERSION = (): string => m.field_version_missing();

export const versionField = z.preprocess(
	(v) => (typeof v === 'string' && /^\s*\d{1,15}\s*$/.test(v) ? Number(v) : v),
	z
		.number({ error: MISSING_VERSION })
		.int({ error: MISSING_VERSION })
		.min(0, { error: MISSING_VERSION })
		.max(Number.MAX_SAFE_INTEGER, { error: MISSING_VERSION })
);

export const versionSchema = z.object({ version: versionField });

/**
 * An edit schema: the form's own fields and its `version`. An intersection, so it also serves
 * schemas that transform their output (the task schedule, baseline and target), and a missing
 * version is reported together with the field errors.
 */
export function withVersion<S extends z.ZodType>(schema: S) {
	return z.intersection(schema, versionSchema);
}
