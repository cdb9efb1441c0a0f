/**
 * For unit specs of code that reads the language from the Paraglide runtime (formats, labels).
 * On the server a request's language comes from the hooks (src/lib/server/i18n.ts); here the
 * runtime's getLocale() is set for the call and put back.
 */
import { getLocale, overwriteGetLocale } from '$lib/paraglide/runtime';
import type { Locale } from '$lib/i18n';

const requestLocale = getLocale;

export function withLocale<T>(locale: Locale, fn: () => T): T {
	overwriteGetLocale(() => locale);
	try {
		return fn();
	} finally {
		overwriteGetLocale(requestLocale);
	}
}
