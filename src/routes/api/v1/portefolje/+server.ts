import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { requireApiReader } from '$lib/server/auth/api-request';
import { portfolioApi } from '$lib/server/portfolio/views/api';

// Everyone signed in reads the portfolio, as on Oversikt.
export const GET: RequestHandler = async (event) => {
	requireApiReader(event);
	return json(portfolioApi());
};
