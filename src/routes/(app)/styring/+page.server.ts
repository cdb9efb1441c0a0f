import type { PageServerLoad } from './$types';
import { requireSteeringReader } from '$lib/server/steering/access';
import { readSteeringParams, steeringPage } from '$lib/server/steering/views';

/** Styring: where the mission stands and what needs a decision, on one page (issue 12). */
export const load: PageServerLoad = async (event) => {
	const user = requireSteeringReader(event);
	return steeringPage(user, readSteeringParams(event.url), event.locals.now);
};
