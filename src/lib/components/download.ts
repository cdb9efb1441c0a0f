/**
 * Fetching a download in the page instead of following its link, so a status line can say
 * «Lager …» while the server builds the file (a report at national scale takes seconds,
 * bench/results/exports-*.md) and then whether it worked. Used by DownloadLink and DownloadForm;
 * without JavaScript both are a plain link or GET form and the browser downloads as usual.
 */
import { m } from '$lib/paraglide/messages';

function fileNameOf(response: Response): string {
	const header = response.headers.get('content-disposition') ?? '';
	const utf8 = /filename\*=UTF-8''([^;]+)/i.exec(header);
	if (utf8?.[1]) return decodeURIComponent(utf8[1]);
	return /filename="([^"]+)"/i.exec(header)?.[1] ?? 'nedlasting';
}

/** The server's own message on a refused download (a 4xx page's text), if it sent one. */
async function refusal(response: Response): Promise<string | null> {
	if (response.status < 400 || response.status >= 500) return null;
	const type = response.headers.get('content-type') ?? '';
	if (type.includes('application/json')) {
		const body = (await response.json().catch(() => null)) as { message?: string } | null;
		return body?.message ?? null;
	}
	return null;
}

/**
 * Fetches `href` and saves it under the server's file name; reports progress through `say`.
 * Resolves when done or failed (the failure is said, not thrown).
 */
export async function downloadFile(href: string, what: string, say: (status: string) => void) {
	say(m.download_making({ what }));
	try {
		const response = await fetch(href, {
			credentials: 'same-origin',
			headers: { accept: 'application/json, */*' }
		});
		if (!response.ok) {
			const message = await refusal(response);
			say(message ? m.download_failed_because({ what, message }) : failed(what));
			return;
		}
		const blob = await response.blob();
		const url = URL.createObjectURL(blob);
		const a = document.createElement('a');
		a.href = url;
		a.download = fileNameOf(response);
		document.body.append(a);
		a.click();
		a.remove();
		setTimeout(() => URL.revokeObjectURL(url), 10_000);
		say(m.download_done({ file: a.download }));
	} catch {
		say(failed(what));
	}
}

const failed = (what: string) => m.download_failed({ what });
