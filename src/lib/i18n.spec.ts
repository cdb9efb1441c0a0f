import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync } from 'node:fs';
import { isTranslatedRoute, negotiateLocale, resolveLocale, TRANSLATED_ROUTES } from './i18n';

describe('negotiateLocale', () => {
	it('takes the best language the app has, by q-value', () => {
		expect(negotiateLocale('en-GB,en;q=0.9,nb;q=0.8')).toBe('en');
		expect(negotiateLocale('de-DE,de;q=0.9,nn;q=0.5,en;q=0.4')).toBe('nn');
		expect(negotiateLocale('nb;q=0.2, en;q=0.8')).toBe('en');
	});
	it('reads «no» as bokmål and ignores what it does not have', () => {
		expect(negotiateLocale('no,en;q=0.5')).toBe('nb');
		expect(negotiateLocale('de,fr')).toBeUndefined();
		expect(negotiateLocale('en;q=0, nn')).toBe('nn');
		expect(negotiateLocale('')).toBeUndefined();
		expect(negotiateLocale(null)).toBeUndefined();
	});
});

describe('resolveLocale', () => {
	it('puts the saved choice before the cookie, the cookie before the browser', () => {
		expect(resolveLocale({ saved: 'nn', cookie: 'en', acceptLanguage: 'nb' })).toBe('nn');
		expect(resolveLocale({ saved: null, cookie: 'en', acceptLanguage: 'nn' })).toBe('en');
		expect(resolveLocale({ saved: null, cookie: undefined, acceptLanguage: 'nn' })).toBe('nn');
		expect(resolveLocale({ saved: null, cookie: 'xx', acceptLanguage: 'de' })).toBe('nb');
	});
});

describe('the translated pages', () => {
	it('are pages that exist', () => {
		const missing = [...TRANSLATED_ROUTES].filter(
			(id) => !existsSync(`src/routes${id}/+page.svelte`)
		);
		expect(missing).toEqual([]);
		expect(isTranslatedRoute('/(app)/styring')).toBe(true);
		expect(isTranslatedRoute('/(app)/finnes-ikke')).toBe(false);
	});

	// A new page inside the app fails here until its text is in messages/*.json in all three
	// languages and its route id is listed: no page quietly stays bokmål-only. The pages outside
	// (app) have no such marker: the sign-in pages are translated, and the accessibility
	// statement is published in bokmål and says so (routes/tilgjengelighet).
	it('are every page of the app', () => {
		const pages = readdirSync('src/routes/(app)', { recursive: true, encoding: 'utf8' })
			.filter((file) => file === '+page.svelte' || file.endsWith('/+page.svelte'))
			.map((file) => `/(app)/${file}`.replace(/\/?\+page\.svelte$/, ''));
		expect(pages).toContain('/(app)');
		expect(pages.filter((id) => !TRANSLATED_ROUTES.has(id))).toEqual([]);
	});
});
