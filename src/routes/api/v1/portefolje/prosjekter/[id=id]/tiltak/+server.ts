import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { requireApiReader } from '$lib/server/auth/api-request';
import { requireProjectViewer } from '$lib/server/portfolio/access';
import { readQuery } from '$lib/server/api-io';
import { measuresQuerySchema } from '$lib/schemas/api';
import { measuresApi } from '$lib/server/portfolio/views/api';

export const GET: RequestHandler = async (event) => {
	requireApiReader(event);
	const { project } = requireProjectViewer(event);
	const query = readQuery(event.url, measuresQuerySchema);
	return json(measuresApi(project.id, Number(query.side ?? 1)));
};
