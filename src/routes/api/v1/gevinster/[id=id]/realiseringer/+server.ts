import type { RequestHandler } from './$types';
import { requireApiWriter } from '$lib/server/auth/api-request';
import { requireBenefitLogger } from '$lib/server/benefits/access';
import { answerOnce, answerWrite, readJsonBody } from '$lib/server/api-io';
import { realisationBodySchema } from '$lib/schemas/api';
import * as benefits from '$lib/server/benefits/actions';

// The benefit page's `?/logRealisation`: the same guard, the same action, the same audit row.
// With an `Idempotency-Key` a repeat is answered as the first and logs no second value.
export const POST: RequestHandler = async (event) => {
	requireApiWriter(event);
	const ctx = requireBenefitLogger(event, Number(event.params.id));
	const body = await readJsonBody(event.request, realisationBodySchema);
	if (!body.ok) return body.response;
	return answerOnce(event, body, () =>
		answerWrite(benefits.realise(ctx, body.form, event.locals.now))
	);
};
