import type { PageServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/guards';
import { apiGuide } from '$lib/api/guide';

// The API's description for people: every signed-in user may make a token, so may read this.
export const load: PageServerLoad = async (event) => {
	requireUser(event);
	return apiGuide(event.url.origin);
};
