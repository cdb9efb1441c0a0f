import { resolve } from '$app/paths';

/** The sign-off page of an occurrence (also the link in the calendar feed). */
export function occurrenceHref(o: { taskId: number; unitId: number; period: string }) {
	return resolve(`/arshjul/forekomst/${o.taskId}/${o.unitId}/${o.period}`);
}

/** `path?a=1&b=2` from the parameters that have a value, in the order given. */
export function withQuery(
	path: string,
	params: Record<string, string | number | null | undefined>,
	hash = ''
): string {
	const query = new URLSearchParams();
	for (const [name, value] of Object.entries(params)) {
		if (value !== null && value !== undefined && value !== '') query.set(name, String(value));
	}
	const text = query.toString();
	return `${path}${text ? `?${text}` : ''}${hash ? `#${hash}` : ''}`;
}
