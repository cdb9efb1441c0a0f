import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

// Public: for load balancers and uptime checks; tells nothing about the data.
export const GET: RequestHandler = async () => json({ ok: true });
