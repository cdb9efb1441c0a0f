import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { locales } from '$lib/i18n';

/** The language form (LanguageForm.svelte): one of the app's languages, nothing else. */
export const localeSchema = z.object({
	// A function, so the message is read in the request's language when the form is parsed.
	locale: z.enum(locales, { error: () => m.language_invalid() })
});
