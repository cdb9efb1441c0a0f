import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { requireApiReader } from '$lib/server/auth/api-request';
import { requireRole } from '$lib/server/auth/guards';
import { readQuery } from '$lib/server/api-io';
import { complianceQuerySchema } from '$lib/schemas/api';
import { complianceApi } from '$lib/server/wheel/views/api';

// Who reads /arshjul/etterlevelse: the steering group, the kommunedirektør, administrators.
export const GET: RequestHandler = async (event) => {
	requireApiReader(event);
	requireRole(event, 'steering', 'municipal_director');
	readQuery(event.url, complianceQuerySchema);
	return json(complianceApi(event.url, event.locals.now));
};
