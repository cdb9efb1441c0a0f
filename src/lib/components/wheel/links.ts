import { resolve } from '$app/paths';

/** The sign-off page of an occurrence (also the link in the calendar feed). */
export function occurrenceHref(o: { taskId: number; unitId: number; period: string }) {
	return resolve(`/arshjul/forekomst/${o.taskId}/${o.unitId}/${o.period}`);
}
