import type { PageServerLoad } from './$types';
import { tertialToDate } from '$lib/domain/reports/period';
import { osloDay } from '$lib/format';
import { requireSteeringReader } from '$lib/server/steering/access';
import { readSteeringParams, steeringPage } from '$lib/server/steering/views/steering';
import { decidesPlans, waitingRequestCount } from '$lib/server/benefits/views/plan-versions';
import { waitingAttestationCount } from '$lib/server/benefits/views/attestation';
import { steeringDeviationCounts } from '$lib/server/control/views/deviations';

/** Styring: where the mission stands and what needs a decision, on one page. */
export const load: PageServerLoad = async (event) => {
	const user = requireSteeringReader(event);
	const now = event.locals.now;
	return {
		...steeringPage(user, readSteeringParams(event.url), now),
		reportPeriod: tertialToDate(osloDay(now)),
		planRequests: waitingRequestCount(),
		// The list of waiting requests is for those who decide them (the others see the count).
		canDecidePlans: decidesPlans(user),
		waitingAttestation: waitingAttestationCount(),
		deviations: steeringDeviationCounts(now)
	};
};
