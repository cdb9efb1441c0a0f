import type { PageServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/guards';
import { allWaitingAttestation } from '$lib/server/benefits/views/attestation';

/** Periods waiting for their owner's attestation, for the steering group; every signed-in user reads. */
export const load: PageServerLoad = async (event) => {
	requireUser(event);
	return allWaitingAttestation(event.url.searchParams);
};
