import type { PageServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/guards';
import { listRisks } from '$lib/server/db/queries/risks';

/** The whole portfolio's risk picture: every ROS risk on a project or measure. */
export const load: PageServerLoad = async (event) => {
	requireUser(event);
	return {
		risks: listRisks().map((r) => ({
			id: r.id,
			title: r.title,
			subjectTitle: r.subjectTitle,
			projectId: r.projectId,
			measureId: r.measureId,
			likelihood: r.likelihood,
			consequence: r.consequence,
			status: r.status
		}))
	};
};
