/**
 * The interface languages and how a request's language is chosen. The texts themselves are in
 * `messages/{nb,nn,en}.json`, compiled by Paraglide into `$lib/paraglide` (README, «Språk»).
 */
import { baseLocale, getLocale, locales, type Locale } from '$lib/paraglide/runtime';

export type { Locale };
export { baseLocale, locales };

/**
 * Each language named in itself, as a language choice shows it to someone who cannot read the
 * current one (W3C, «Language selectors»: show each language in its own language).
 */
export const LOCALE_NAME: Readonly<Record<Locale, string>> = {
	nb: 'Bokmål',
	nn: 'Nynorsk',
	en: 'English'
};

/** The Intl locale of each language: dates, numbers and kroner (src/lib/format.ts). */
export const INTL_LOCALE: Readonly<Record<Locale, string>> = {
	nb: 'nb-NO',
	nn: 'nn-NO',
	en: 'en-GB'
};

/** The cookie that keeps a signed-out visitor's choice (the sign-in page's language form). */
export const LOCALE_COOKIE = 'misjonskart_sprak';

export function isLocale(value: unknown): value is Locale {
	return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

/**
 * The first language of an `Accept-Language` header (RFC 9110 § 12.5.4) that the app has, by
 * q-value. «no» is Norwegian without a written standard named: bokmål, as most write it.
 */
export function negotiateLocale(header: string | null | undefined): Locale | undefined {
	if (!header) return undefined;
	const ranges = header
		.split(',')
		.map((part, order) => {
			const [tag = '', ...params] = part.trim().split(';');
			const q = params.map((p) => /^\s*q=([\d.]+)\s*$/i.exec(p)?.[1]).find(Boolean);
			return { tag: tag.trim().toLowerCase(), q: q === undefined ? 1 : Number(q), order };
		})
		.filter((r) => r.tag && r.q > 0)
		.sort((a, b) => b.q - a.q || a.order - b.order);
	for (const { tag } of ranges) {
		const primary = tag.split('-')[0];
		if (primary === 'no') return 'nb';
		if (isLocale(primary)) return primary;
	}
	return undefined;
}

/**
 * A request's language: the signed-in user's saved choice, else the signed-out visitor's cookie,
 * else the browser's `Accept-Language`, else bokmål.
 */
export function resolveLocale(input: {
	saved: string | null | undefined;
	cookie: string | null | undefined;
	acceptLanguage: string | null | undefined;
}): Locale {
	if (isLocale(input.saved)) return input.saved;
	if (isLocale(input.cookie)) return input.cookie;
	return negotiateLocale(input.acceptLanguage) ?? baseLocale;
}

/**
 * The pages whose own text is in messages/*.json so far (route ids). On any other page the menu,
 * search and footer follow the reader's language, and the page's own text, still in bokmål, is
 * marked `lang="nb"` (WCAG 2.1 3.1.2 Language of Parts) until it is translated too.
 */
export const TRANSLATED_ROUTES: ReadonlySet<string> = new Set([
	'/(app)/konto',
	'/(app)/konto/passord',
	'/(app)/styring',
	'/(app)/mitt-arbeid',
	'/(app)/arshjul/mine',
	'/(app)/admin',
	'/(app)/admin/brukere',
	'/(app)/admin/brukere/[id=id]',
	'/(app)/admin/enheter',
	'/(app)/admin/logg',
	'/(app)/konto/api',
	'/(app)',
	'/(app)/portefolje',
	'/(app)/arshjul',
	'/(app)/arshjul/forekomst/[task=id]/[unit=id]/[period=period]',
	'/(app)/arshjul/etterlevelse',
	'/(app)/arshjul/maler',
	'/(app)/arshjul/maler/[id=id]',
	'/(app)/arshjul/kalender',
	'/(app)/internkontroll',
	'/(app)/internkontroll/avvik',
	'/(app)/internkontroll/avvik/ny',
	'/(app)/internkontroll/avvik/[id=id]',
	'/(app)/internkontroll/tilsyn',
	'/(app)/internkontroll/tilsyn/ny',
	'/(app)/internkontroll/tilsyn/[id=id]',
	'/(app)/internkontroll/kontrollmatrise',
	'/(app)/portefolje/misjon',
	'/(app)/portefolje/risiko',
	'/(app)/portefolje/spor/ny',
	'/(app)/portefolje/spor/[id=id]',
	'/(app)/portefolje/prosjekter/ny',
	'/(app)/portefolje/prosjekter/[id=id]',
	'/(app)/portefolje/tiltak/ny',
	'/(app)/portefolje/tiltak/[id=id]',
	'/(app)/styring/moter',
	'/(app)/sok',
	'/(app)/varsler',
	'/(app)/rapporter',
	'/(app)/rapporter/[id=id]',
	'/(app)/api',
	'/(app)/gevinster',
	'/(app)/gevinster/[id=id]',
	'/(app)/gevinster/kart',
	'/(app)/gevinster/attestering',
	'/(app)/gevinster/godkjenning',
	'/(app)/gevinster/innstillinger',
	'/(app)/gevinster/prosjekt/[id=id]',
	'/(app)/gevinster/fordeling',
	'/(app)/internkontroll/arsrapport',
	'/(app)/portefolje/import',
	'/(app)/arshjul/maler/[id=id]/import',
	'/(app)/gevinster/import',
	'/(app)/gevinster/import/realiseringer'
]);

/** Whether a page's own text follows the reader's language (`null`: an unknown address). */
export function isTranslatedRoute(routeId: string | null): boolean {
	return routeId === null || TRANSLATED_ROUTES.has(routeId);
}

/**
 * The `lang` of a translated component's text: it may sit on a page still marked bokmål
 * (isTranslatedRoute), so it says its own language; nothing in bokmål, where all is one.
 */
export function partLang(): Locale | undefined {
	const locale = getLocale();
	return locale === 'nb' ? undefined : locale;
}
