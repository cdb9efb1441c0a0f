import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { allowPublic } from '$lib/server/auth/guards';

// Public: for load balancers and uptime checks; tells nothing about the data.
export const GET: RequestHandler = async () => {
	allowPublic();
	return json({ ok: true });
};
