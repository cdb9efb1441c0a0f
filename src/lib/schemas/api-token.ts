import { z } from 'zod';
import { addDays, MAX_TOKEN_DAYS } from '$lib/domain/auth/api-token';
import { API_SCOPES } from '$lib/domain/auth/vocabulary';
import { m } from '$lib/paraglide/messages';
import { idField } from './id';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The account page's «Nytt API-token» form. The last day is checked against `today` (Oslo):
 * from today and at most MAX_TOKEN_DAYS ahead.
 */
export function apiTokenSchemaFor(today: string) {
	const latest = addDays(today, MAX_TOKEN_DAYS);
	return z.object({
		name: z
			.string({ error: () => m.admin_token_name_required() })
			.trim()
			.min(1, { error: () => m.admin_token_name_empty() })
			.max(100, { error: () => m.admin_token_name_long() }),
		scope: z.enum(API_SCOPES, { error: () => m.admin_token_scope_required() }),
		expiresOn: z
			.string({ error: () => m.admin_token_day_required() })
			.trim()
			.regex(DAY, { error: () => m.admin_token_day_format() })
			.refine((d) => !DAY.test(d) || addDays(d, 0) === d, {
				error: () => m.admin_token_day_exists()
			})
			.refine((d) => d >= today, { error: () => m.admin_token_day_past() })
			.refine((d) => d <= latest, { error: () => m.admin_token_day_max({ day: latest }) })
	});
}

export const revokeApiTokenSchema = z.object({ tokenId: idField(m.admin_token_id_missing) });

export type ApiTokenInput = z.output<ReturnType<typeof apiTokenSchemaFor>>;
