import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { requireApiReader } from '$lib/server/auth/api-request';
import { ledUnitIds, requireUnitLeader } from '$lib/server/auth/guards';
import { readQuery } from '$lib/server/api-io';
import { occurrencesQuerySchema } from '$lib/schemas/api';
import { occurrencesApi } from '$lib/server/wheel/views/api';

// Mine oppgaver: the units one leads; one chosen unit only by its leader or an admin.
export const GET: RequestHandler = async (event) => {
	const user = requireApiReader(event);
	const query = readQuery(event.url, occurrencesQuerySchema);
	let unitIds = ledUnitIds(user);
	if (query.enhet) {
		requireUnitLeader(event, Number(query.enhet));
		unitIds = [Number(query.enhet)];
	}
	return json(occurrencesApi(unitIds, event.url, event.locals.now));
};
