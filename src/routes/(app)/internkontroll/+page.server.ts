import type { PageServerLoad } from './$types';
import { requireDeviationReader } from '$lib/server/control/access';
import { controlLanding } from '$lib/server/control/views/deviations';

/** Internkontroll: deviations, the tilsyn register, the risk-and-control matrix, the report. */
export const load: PageServerLoad = async (event) => {
	const { scope } = requireDeviationReader(event);
	return controlLanding(scope, event.locals.now);
};
