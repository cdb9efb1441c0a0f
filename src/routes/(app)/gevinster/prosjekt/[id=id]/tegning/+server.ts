import type { RequestHandler } from './$types';
import { requireProjectReader } from '$lib/server/benefits/access';
import { projectDrawing } from '$lib/server/benefits/views/project-map';
import { drawingResponse } from '$lib/server/benefits/views/map-drawing';

/** The project map's drawing (views/map-drawing.ts); the map page's guard. */
export const GET: RequestHandler = async (event) => {
	const access = requireProjectReader(event, Number(event.params.id));
	const drawing = projectDrawing(access, event.url);
	return drawingResponse(drawing, event.request.headers.get('if-none-match'));
};
