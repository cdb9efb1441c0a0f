import type { ParamMatcher } from '@sveltejs/kit';

/** A due period `YYYY-MM`. */
export const match: ParamMatcher = (param) => /^\d{4}-(0[1-9]|1[0-2])$/.test(param);
