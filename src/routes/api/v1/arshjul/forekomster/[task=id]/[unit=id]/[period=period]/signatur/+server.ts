import type { RequestHandler } from './$types';
import { requireApiWriter } from '$lib/server/auth/api-request';
import { answerOnce, answerWrite, readJsonBody } from '$lib/server/api-io';
import { signatureBodySchema } from '$lib/schemas/api';
import { sign } from '$lib/server/wheel/actions';

// The occurrence page's `?/sign`: `sign` checks the unit's leadership (wheel/access.ts
// `assertMaySign`) and writes the signature and its audit row, as for the form. A second
// sign-off is refused by nature (409, nothing written); with an `Idempotency-Key` a repeat gets
// the first answer (201) instead, so a client that lost it can tell its own sign-off.
export const POST: RequestHandler = async (event) => {
	const user = requireApiWriter(event);
	const key = {
		taskId: Number(event.params.task),
		unitId: Number(event.params.unit),
		period: event.params.period
	};
	const body = await readJsonBody(event.request, signatureBodySchema);
	if (!body.ok) return body.response;
	return answerOnce(event, body, async () =>
		answerWrite(await sign(user, key, body.form, event.locals.now))
	);
};
