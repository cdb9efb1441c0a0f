import type { PageServerLoad } from './$types';
import { canReadControlReport, requireDeviationReader } from '$lib/server/control/access';
import { controlLanding } from '$lib/server/control/views/deviations';

/** Internkontroll: deviations, the tilsyn register, the risk-and-control matrix, the report. */
export const load: PageServerLoad = async (event) => {
	const { user, scope } = requireDeviationReader(event);
	// The annual report is linked only for those who may open it (no link to a 403).
	return { ...controlLanding(scope, event.locals.now), showReport: canReadControlReport(user) };
};
