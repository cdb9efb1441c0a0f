import { defineCustomClientStrategy } from '$lib/paraglide/runtime';
import { baseLocale, isLocale } from '$lib/i18n';

// The server chose the language and wrote it into <html lang> (src/lib/server/i18n.ts); the
// browser renders in the same one, so hydration finds the same text. A new choice is a form
// post and a full page load, never a switch in place.
defineCustomClientStrategy('custom-page', {
	getLocale: () => {
		const lang = document.documentElement.lang;
		return isLocale(lang) ? lang : baseLocale;
	},
	setLocale: () => {}
});
