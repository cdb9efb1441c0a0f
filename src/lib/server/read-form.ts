import { error, type RequestEvent } from '@sveltejs/kit';

export const UNREADABLE_FORM = 'Skjemaet kunne ikke leses. Prøv igjen.';
export const FORM_TOO_LARGE =
	'Skjemaet er for stort. Gjør teksten kortere eller legg ved færre eller mindre filer, og prøv igjen.';

/**
 * The posted form, read once for every action. `request.formData()` throws a TypeError on a
 * body it cannot parse: `text/plain` (which SvelteKit lets through, as a browser form may send
 * it), a truncated multipart body, a missing boundary. That is the client's fault, so it is
 * answered 400, not 500 (RFC 9110 §15.5.1). A body over adapter-node's BODY_SIZE_LIMIT fails
 * the read with status 413 and stays 413.
 *
 * It throws rather than returning `fail()`: a body that cannot be read has no values to put
 * back in the form, and SvelteKit shows the message on the error page (SvelteKit docs,
 * "Errors → Expected errors").
 */
export async function readForm(event: Pick<RequestEvent, 'request'>): Promise<FormData> {
	try {
		return await event.request.formData();
	} catch (e) {
		const status = (e as { status?: unknown } | null)?.status;
		if (status === 413) error(413, FORM_TOO_LARGE);
		error(400, UNREADABLE_FORM);
	}
}
