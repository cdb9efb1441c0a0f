import type { LayoutServerLoad } from './$types';
import { allowPublic } from '$lib/server/auth/guards';

// Public: the language only, which every page (the sign-in page too) is rendered in.
export const load: LayoutServerLoad = async ({ locals }) => {
	allowPublic();
	return { locale: locals.locale };
};
