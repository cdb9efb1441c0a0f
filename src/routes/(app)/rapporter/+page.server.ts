import type { Actions, PageServerLoad } from './$types';
import { requireReportFreezer, requireReportReader } from '$lib/server/archive/access';
import { reportsPage } from '$lib/server/archive/views';
import { freezeIssuedReport } from '$lib/server/archive/actions';

/** Rapporter: earlier reports as issued, and freezing one for a meeting. */
export const load: PageServerLoad = async (event) => {
	const access = requireReportReader(event);
	return reportsPage(access, event.url, event.locals.now);
};

export const actions: Actions = {
	/** Makes the report now and stores those bytes as issued (utkast). */
	freeze: async (event) => {
		const access = await requireReportFreezer(event);
		return freezeIssuedReport(access, event.locals.now);
	}
};
