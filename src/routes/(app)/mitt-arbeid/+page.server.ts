import type { PageServerLoad } from './$types';
import { requireOwnWorkReader } from '$lib/server/steering/access';
import { myWorkPage } from '$lib/server/steering/views/my-work';
import { waitingConfirmations } from '$lib/server/benefits/views/attestation';

/** Mitt arbeid: a programme leader's projects and the benefits waiting for a value. */
export const load: PageServerLoad = async (event) => {
	const user = requireOwnWorkReader(event);
	return {
		...myWorkPage(user, event.url, event.locals.now),
		confirmations: waitingConfirmations(user.id, event.url.searchParams)
	};
};
