import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/guards';
import { listRolesOfUser, setUserLocale } from '$lib/server/db/queries/users';
import { hasCalendarFeed } from '$lib/server/db/queries/wheel-feed';
import { readForm } from '$lib/server/read-form';
import { invalid } from '$lib/server/result';
import { parseForm } from '$lib/schemas/form';
import { localeSchema } from '$lib/schemas/locale';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	return {
		roles: listRolesOfUser(user.id),
		changed: event.url.searchParams.has('endret'),
		// The per-user årshjul calendar feed is managed on /arshjul/kalender; shown here too,
		// since the account page is where people look for their personal settings.
		hasCalendarFeed: hasCalendarFeed(user.id),
		locale: event.locals.locale,
		languageSaved: event.url.searchParams.has('sprak')
	};
};

export const actions: Actions = {
	/** The interface language, saved on the account; the next page comes in it. */
	language: async (event) => {
		const user = requireUser(event);
		const form = parseForm(localeSchema, await readForm(event));
		if (!form.ok) return invalid(form.values, form.errors, 'language');
		setUserLocale(user.id, form.data.locale, event.locals.now);
		redirect(303, '/konto?sprak=1#language-heading');
	}
};
