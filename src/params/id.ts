import type { ParamMatcher } from '@sveltejs/kit';
import { ID_PATTERN } from '$lib/schemas/id';

export const match: ParamMatcher = (param) => ID_PATTERN.test(param);
