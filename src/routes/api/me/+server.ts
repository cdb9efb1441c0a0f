import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { requireUser } from '$lib/server/auth/guards';

export const GET: RequestHandler = async (event) => {
	const user = requireUser(event);
	return json({ id: user.id, name: user.name, email: user.email, roles: user.roles });
};
