import { AsyncLocalStorage } from 'node:async_hooks';
import type { Handle } from '@sveltejs/kit';
import { overwriteServerAsyncLocalStorage } from '$lib/paraglide/runtime';
import { LOCALE_COOKIE, resolveLocale, type Locale } from '$lib/i18n';

type Store = { locale?: Locale; origin?: string; messageCalls?: Set<string> };

// Paraglide's messages and getLocale() read the request's language from this store, as its
// own paraglideMiddleware() would set it; the choice itself is ours (resolveLocale), since
// the saved language is on the user the session hook has already read.
const storage = new AsyncLocalStorage<Store>();
overwriteServerAsyncLocalStorage(storage);

/** Runs `fn` with every message and format in `locale` (a request, or a test). */
export function withLocale<T>(locale: Locale, fn: () => T): T {
	return storage.run({ locale, messageCalls: new Set() }, fn);
}

/**
 * Downloads, reports and the calendar feed are written in bokmål until their texts are in
 * messages/*.json: one language throughout a file, its dates and kroner included, rather than
 * English figures in Norwegian tables. A download is `<page>/last-ned` or a named file beside
 * its page (docs/architecture.md, «Downloads and reports»). The calendar feed chooses its own:
 * its owner's saved language (wheel/views/calendar.ts), since a calendar client is no reader.
 */
const BOKMAAL_FILES =
	/\/(?:last-ned|pdf|xlsx|styringsrapport|gevinstrealiseringsplan|fil)\/?$|^\/kalender\//;

/**
 * The downloads whose texts are in messages/exports: written in the reader's language like a
 * page, file name included, and read back by the imports in any of them (imports/file-words.ts).
 * Left as they are: the archive's stored files (/rapporter/[id]/fil, bytes as frozen, in
 * bokmål) and the calendar feed (its owner's language).
 */
const TRANSLATED_FILES: ReadonlySet<string> = new Set([
	'/portefolje/last-ned',
	'/portefolje/risiko/last-ned',
	'/gevinster/last-ned',
	'/arshjul/etterlevelse/last-ned',
	'/styring/styringsrapport',
	'/admin/logg/last-ned',
	'/admin/logg/pdf',
	'/internkontroll/arsrapport/pdf',
	'/internkontroll/arsrapport/xlsx'
]);

/** The translated downloads whose address holds an id. */
const TRANSLATED_FILE_PATTERNS: readonly RegExp[] = [
	/^\/gevinster\/prosjekt\/\d+\/gevinstrealiseringsplan$/
];

export function isBokmaalFile(pathname: string): boolean {
	const path = pathname.replace(/\/$/, '');
	return (
		BOKMAAL_FILES.test(pathname) &&
		!TRANSLATED_FILES.has(path) &&
		!TRANSLATED_FILE_PATTERNS.some((p) => p.test(path))
	);
}

/**
 * Chooses the request's language once (after the session hook: the user's saved choice comes
 * first), keeps it in `locals.locale`, renders the page inside it and writes it into
 * `<html lang>` (src/app.html), error pages included.
 */
export const handleLocale: Handle = ({ event, resolve }) => {
	const locale = isBokmaalFile(event.url.pathname)
		? 'nb'
		: resolveLocale({
				saved: event.locals.user?.locale,
				// A bearer request's language is its token owner's, else Accept-Language
				// (auth/api-request.ts): a cookie there is no reader's choice.
				cookie: event.locals.apiToken ? null : event.cookies.get(LOCALE_COOKIE),
				acceptLanguage: event.request.headers.get('accept-language')
			});
	event.locals.locale = locale;
	return withLocale(locale, async () => {
		const response = await resolve(event, {
			transformPageChunk: ({ html }) => html.replace('%lang%', locale)
		});
		// A signed-out page's language follows the cookie and the browser: caches must key on both.
		if (!event.locals.user) response.headers.append('Vary', 'Accept-Language, Cookie');
		return response;
	});
};
