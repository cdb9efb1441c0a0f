import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { requireUser } from '$lib/server/auth/guards';
import { scopeDrawing } from '$lib/server/benefits/views/map';
import { drawingResponse } from '$lib/server/benefits/views/map-drawing';
import { m } from '$lib/paraglide/messages';

/** The gevinstkart's drawing for the page's own address (views/map-drawing.ts); the page's guard. */
export const GET: RequestHandler = async (event) => {
	requireUser(event);
	const drawing = scopeDrawing(event.url);
	if (!drawing) error(404, m.benefits_map_not_found());
	return drawingResponse(drawing, event.request.headers.get('if-none-match'));
};
