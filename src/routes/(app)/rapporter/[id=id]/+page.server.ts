import type { Actions, PageServerLoad } from './$types';
import { requireReportApprover, requireReportFile } from '$lib/server/archive/access';
import { reportPage } from '$lib/server/archive/views';
import { approveIssuedReport } from '$lib/server/archive/actions';
import { readForm } from '$lib/server/read-form';

/** One frozen report: what it is, its file as issued, and its approval. */
export const load: PageServerLoad = async (event) => {
	const access = requireReportFile(event, Number(event.params.id));
	return reportPage(access);
};

export const actions: Actions = {
	/** utkast → godkjent, by a steering member who did not freeze it. */
	approve: async (event) => {
		const access = requireReportApprover(event, Number(event.params.id));
		return approveIssuedReport(access, await readForm(event), event.locals.now);
	}
};
