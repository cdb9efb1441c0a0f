import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { allowPublic } from '$lib/server/auth/guards';
import { safeRedirectTarget } from '$lib/server/auth/redirect';
import { readForm } from '$lib/server/read-form';
import { invalid } from '$lib/server/result';
import { parseForm } from '$lib/schemas/form';
import { localeSchema } from '$lib/schemas/locale';
import { LOCALE_COOKIE } from '$lib/i18n';

// Public: a visitor who is not signed in chooses the language of the sign-in pages. A signed-in
// user's language is saved on the account instead (/konto).
export const load: PageServerLoad = async ({ locals, url }) => {
	allowPublic();
	if (locals.user) redirect(303, '/konto');
	return {
		locale: locals.locale,
		redirectTo: safeRedirectTarget(url.searchParams.get('redirectTo'), url.origin)
	};
};

export const actions: Actions = {
	default: async (event) => {
		allowPublic();
		const raw = await readForm(event);
		const form = parseForm(localeSchema, raw);
		if (!form.ok) return invalid(form.values, form.errors);
		event.cookies.set(LOCALE_COOKIE, form.data.locale, {
			path: '/',
			httpOnly: true,
			sameSite: 'lax',
			secure: event.url.protocol === 'https:',
			// 400 days, the longest a browser keeps a cookie (RFC 6265bis § 5.5).
			maxAge: 400 * 24 * 60 * 60
		});
		const back = raw.get('redirectTo');
		redirect(303, safeRedirectTarget(typeof back === 'string' ? back : null, event.url.origin));
	}
};
