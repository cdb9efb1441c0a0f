import { m } from '$lib/paraglide/messages';

/**
 * The text under an error page's heading. Our own errors carry a message in the reader's
 * language; SvelteKit's own (an unknown address, an unexpected failure) carry its English
 * defaults («Not Found», «Internal Error», or «Error: 404» from a bare `error(404)`), which are
 * replaced by ours.
 */
export function errorText(status: number, message: string | undefined): string {
	const sveltekitDefault =
		!message ||
		message === 'Not Found' ||
		message === 'Internal Error' ||
		message === `Error: ${status}`;
	if (!sveltekitDefault) return message;
	if (status === 404) return m.error_404_text();
	if (status >= 500) return m.error_500_text();
	return message ?? '';
}
