import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { allowPublic } from '$lib/server/auth/guards';
import { openApiDocument } from '$lib/api/openapi';

// Public: describes the interface, not the data; code generators fetch it without a token.
export const GET: RequestHandler = async (event) => {
	allowPublic();
	return json(openApiDocument(event.url.origin));
};
