import { error, json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { requireApiReader } from '$lib/server/auth/api-request';
import { readQuery } from '$lib/server/api-io';
import { projectsQuerySchema } from '$lib/schemas/api';
import { projectsApi } from '$lib/server/portfolio/views/api';
import { m } from '$lib/paraglide/messages';

// Everyone signed in reads a track's projects, as on Oversikt.
export const GET: RequestHandler = async (event) => {
	requireApiReader(event);
	const query = readQuery(event.url, projectsQuerySchema);
	const answer = projectsApi(Number(query.spor), Number(query.side ?? 1));
	if (!answer) error(404, m.api_error_no_track());
	return json(answer);
};
