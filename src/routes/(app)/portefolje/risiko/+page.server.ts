import type { PageServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/guards';
import { risksPage } from '$lib/server/portfolio/views';

/** The whole portfolio's risk picture: every ROS risk on a project or measure. */
export const load: PageServerLoad = async (event) => {
	requireUser(event);
	return risksPage();
};
