import { z } from 'zod';
import { addDays, API_SCOPES, MAX_TOKEN_DAYS } from '$lib/domain/api-token';
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
			.string({ error: 'Gi tokenet et navn' })
			.trim()
			.min(1, 'Gi tokenet et navn, for eksempel systemet som skal bruke det')
			.max(100, 'Navnet kan ha høyst 100 tegn'),
		scope: z.enum(API_SCOPES, { error: 'Velg om tokenet bare skal lese, eller også skrive' }),
		expiresOn: z
			.string({ error: 'Velg siste gyldige dag' })
			.trim()
			.regex(DAY, 'Skriv siste gyldige dag som ÅÅÅÅ-MM-DD')
			.refine((d) => !DAY.test(d) || addDays(d, 0) === d, 'Skriv en dato som finnes')
			.refine((d) => d >= today, 'Siste gyldige dag kan ikke være før i dag')
			.refine((d) => d <= latest, `Et token kan vare høyst ett år, til og med ${latest}`)
	});
}

export const revokeApiTokenSchema = z.object({ tokenId: idField('Mangler hvilket token') });

export type ApiTokenInput = z.output<ReturnType<typeof apiTokenSchemaFor>>;
