import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { requireApiReader } from '$lib/server/auth/api-request';
import { requireBenefitReader } from '$lib/server/benefits/access';
import { benefitApi } from '$lib/server/benefits/views/api';

export const GET: RequestHandler = async (event) => {
	requireApiReader(event);
	const ctx = requireBenefitReader(event, Number(event.params.id));
	return json(benefitApi(ctx, event.url));
};
