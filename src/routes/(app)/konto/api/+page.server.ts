import type { Actions, PageServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/guards';
import { apiTokenList, createApiToken, revokeApiTokenFromForm } from '$lib/server/auth/api-token';
import { addDays, DEFAULT_TOKEN_DAYS, MAX_TOKEN_DAYS } from '$lib/domain/auth/api-token';
import { osloDay } from '$lib/format';
import { readForm } from '$lib/server/read-form';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const today = osloDay(event.locals.now);
	return {
		tokens: apiTokenList(user.id, event.locals.now),
		today,
		defaultExpiry: addDays(today, DEFAULT_TOKEN_DAYS),
		latestExpiry: addDays(today, MAX_TOKEN_DAYS)
	};
};

export const actions: Actions = {
	createToken: async (event) => {
		const user = requireUser(event);
		return createApiToken(user, await readForm(event), event.locals.now);
	},
	revokeToken: async (event) => {
		const user = requireUser(event);
		return revokeApiTokenFromForm(user, await readForm(event), event.locals.now);
	}
};
