import type { PageServerLoad } from './$types';
import { requireMatrixReader } from '$lib/server/control/access';
import { matrixPage } from '$lib/server/control/views/matrix';

export const load: PageServerLoad = async (event) => {
	requireMatrixReader(event);
	return matrixPage(event.url, event.locals.now);
};
