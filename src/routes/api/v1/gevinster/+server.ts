import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { requireApiReader } from '$lib/server/auth/api-request';
import { readQuery } from '$lib/server/api-io';
import { benefitsQuerySchema } from '$lib/schemas/api';
import { benefitsApi } from '$lib/server/benefits/views/api';

// Everyone signed in reads the benefits, as on Gevinster.
export const GET: RequestHandler = async (event) => {
	requireApiReader(event);
	const query = readQuery(event.url, benefitsQuerySchema);
	return json(
		benefitsApi({
			trackId: query.spor ? Number(query.spor) : null,
			projectId: query.prosjekt ? Number(query.prosjekt) : null,
			level: query.niva ?? null,
			after: query.etter ?? null
		})
	);
};
